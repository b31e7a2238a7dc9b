/**
 * File inputs (CSV/TSV, JSON/NDJSON, Parquet; globs) become views over DuckDB's readers.
 * CSV is always read with `store_rejects`, so malformed rows are never silently dropped: the
 * run fails naming file and line (`onError: fail`, the default) or reports them (`reject`).
 */
import { isAbsolute, join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { InputError, NotFoundError, type PipelineInput } from '@meshwork/core';
import { quoteIdentifier, quoteLiteral } from '../sql-text.js';
import type { BoundInput } from './bound-input.js';

type FileInput = Extract<PipelineInput, { kind: 'file' }>;

/** read_csv options a pipeline may set; anything else is refused rather than passed blindly. */
const CSV_OPTIONS = new Set([
  'header',
  'delim',
  'sep',
  'quote',
  'escape',
  'comment',
  'dateformat',
  'timestampformat',
  'all_varchar',
  'skip',
  'nullstr',
  'decimal_separator',
  'sample_size',
  'auto_detect',
  'normalize_names',
  'encoding',
]);
const JSON_OPTIONS = new Set(['maximum_depth', 'sample_size', 'dateformat', 'timestampformat', 'union_by_name']);

export async function bindFileInput(
  connection: DuckDBConnection,
  input: FileInput,
  productDir: string,
): Promise<BoundInput> {
  const path = isAbsolute(input.path) ? input.path : join(productDir, input.path);
  const matches = await connection.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM glob(${quoteLiteral(path)})`);
  if (Number(matches.getRowObjects()[0]?.n ?? 0) === 0) {
    throw new NotFoundError('MW8001', `input "${input.name}": no file matches ${input.path} (looked for ${path})`);
  }
  const rejects =
    input.format === 'csv' || input.format === 'tsv'
      ? { table: `__rejects_${input.name}`, scan: `__reject_scans_${input.name}`, mode: input.onError ?? 'fail' }
      : undefined;
  const reader = readerCall(input, path, rejects);
  try {
    // Creating the view runs the reader's detection (CSV dialect, JSON structure) on a sample.
    await connection.run(`CREATE TEMP VIEW ${quoteIdentifier(input.name)} AS SELECT * FROM ${reader}`);
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).split('\n').slice(0, 6).join('\n').trim();
    throw new InputError(
      /Malformed JSON|CSV Error/.test(message) ? 'MW8002' : 'MW8010',
      `input "${input.name}": cannot read ${input.path} as ${input.format}: ${message}`,
    );
  }
  return { name: input.name, kind: 'file', source: input.path, rejects };
}

function readerCall(input: FileInput, path: string, rejects: BoundInput['rejects']): string {
  const options = input.options ?? {};
  const allowed = input.format === 'parquet' ? new Set<string>() : rejects ? CSV_OPTIONS : JSON_OPTIONS;
  const named: string[] = [];
  for (const [key, value] of Object.entries(options)) {
    if (!allowed.has(key)) {
      throw new InputError(
        'MW8010',
        `input "${input.name}": option "${key}" is not supported for ${input.format} files`,
      );
    }
    named.push(`${key} = ${typeof value === 'string' ? quoteLiteral(value) : String(value)}`);
  }
  const file = quoteLiteral(path);
  switch (input.format) {
    case 'csv':
    case 'tsv':
      if (!('header' in options)) named.push('header = true');
      if (input.format === 'tsv' && !('delim' in options) && !('sep' in options)) named.push(`delim = '\\t'`);
      named.push(
        'store_rejects = true',
        `rejects_table = ${quoteLiteral(rejects!.table)}`,
        `rejects_scan = ${quoteLiteral(rejects!.scan)}`,
      );
      return `read_csv(${[file, ...named].join(', ')})`;
    case 'json':
      return `read_json(${[file, `format = 'auto'`, ...named].join(', ')})`;
    case 'ndjson':
      return `read_json(${[file, `format = 'newline_delimited'`, ...named].join(', ')})`;
    case 'parquet':
      return `read_parquet(${file})`;
  }
}
