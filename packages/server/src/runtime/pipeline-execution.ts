/**
 * Executes a product's pipeline inside one DuckDB database: inputs become views (or tables for
 * PostgreSQL), each SQL step a view over inputs and earlier steps, and each output is written
 * once to Parquet in the staging folder the warehouse gave it. Nothing here publishes.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import {
  InputError,
  isMeshworkError,
  UnavailableError,
  type DataProduct,
  type MeshConfig,
  type PipelineInput,
} from '@meshwork/core';
import { assignFieldIds } from '../iceberg/format/assign-field-ids.js';
import { parquetIcebergOptions } from '../iceberg/format/parquet-field-ids.js';
import type { IcebergTableMetadata } from '../iceberg/table-metadata.js';
import type { BoundInput } from './inputs/bound-input.js';
import { bindFileInput } from './inputs/file-input.js';
import { bindPostgresInput } from './inputs/postgres-input.js';
import { bindProductInput, type SnapshotResolver } from './inputs/product-input.js';
import { quoteIdentifier, quoteLiteral } from './sql-text.js';

export interface StepTiming {
  readonly name: string;
  readonly ms: number;
}

export interface ExecutionObserver {
  step?(name: string): void;
  rows?(name: string, rows: number): void;
}

export interface PipelineExecution {
  readonly inputs: readonly BoundInput[];
  readonly steps: readonly StepTiming[];
}

export async function bindInputsAndSteps(options: {
  readonly connection: DuckDBConnection;
  readonly product: DataProduct;
  readonly root: string;
  readonly config: MeshConfig;
  readonly resolveSnapshot: SnapshotResolver;
  readonly observer?: ExecutionObserver;
}): Promise<PipelineExecution> {
  const { connection, product, root, config, observer } = options;
  const pipeline = product.pipeline?.definition;
  if (!pipeline) throw new InputError('MW8011', `${product.id} has no pipeline.yaml`);
  const productDir = join(root, product.directory);
  const inputs: BoundInput[] = [];
  const steps: StepTiming[] = [];
  for (const input of pipeline.inputs ?? []) {
    const started = performance.now();
    observer?.step?.(`input ${input.name}`);
    inputs.push(await bindInput(connection, input, productDir, config, options.resolveSnapshot));
    steps.push({ name: `input:${input.name}`, ms: Math.round(performance.now() - started) });
  }
  for (const step of pipeline.steps) {
    const started = performance.now();
    observer?.step?.(step.name);
    const sql = step.query ?? (await readFile(join(productDir, step.sql!), 'utf8'));
    // One query becomes the view; anything after a `;` would run as a statement of its own.
    // (When DuckDB cannot even split the text, creating the view below says why.)
    const statements = await connection.extractStatements(sql).then(
      (extracted) => extracted.count,
      () => undefined,
    );
    if (statements !== undefined && statements !== 1)
      throw new InputError(
        'MW8003',
        `step "${step.name}" of ${product.id} must be one SELECT statement, but has ${statements}`,
      );
    try {
      await connection.run(`CREATE TEMP VIEW ${quoteIdentifier(step.name)} AS\n${stripTrailingSemicolon(sql)}\n`);
    } catch (error) {
      throw new InputError('MW8003', `step "${step.name}" of ${product.id}: ${firstLines(error)}`);
    }
    steps.push({ name: step.name, ms: Math.round(performance.now() - started) });
  }
  return { inputs, steps };
}

/**
 * Writes one output relation to a Parquet file; returns the number of rows written. The inputs
 * and steps are read only now (views are lazy), so a failure here is told apart by its cause:
 * the output file could not be written (MW8009), an input file is malformed (MW8002: DuckDB
 * names the file and line), or the SQL failed (MW8003).
 *
 * The file is an Iceberg data file: every column carries the field id the port's table gives it
 * (`previous`: the table's current Iceberg metadata, so ids stay stable by column name; see
 * ../iceberg/format/assign-field-ids.ts), and the Iceberg schema rides along in the file's
 * key-value metadata. A column type Iceberg v2 cannot hold fails here, before any data is written
 * (MW8201, naming the column and the cast that fixes it).
 */
export async function writeOutput(
  connection: DuckDBConnection,
  from: string,
  file: string,
  productId: string,
  previous?: IcebergTableMetadata,
): Promise<number> {
  try {
    const relation = `SELECT * FROM ${quoteIdentifier(from)}`;
    const described = await connection.runAndReadAll(`DESCRIBE ${relation}`);
    // DuckDB writes every Parquet column OPTIONAL, and the warehouse reads the schema back from
    // the file: describe the columns the same way, so both assign the same ids.
    const columns = (described.getRowObjectsJson() as { column_name: string; column_type: string }[]).map((row) => ({
      name: row.column_name,
      type: row.column_type,
      nullable: true,
    }));
    const { schema } = assignFieldIds(previous, columns);
    const result = await connection.runAndReadAll(
      `COPY (${relation}) TO ${quoteLiteral(file)} (FORMAT parquet, COMPRESSION zstd, ${parquetIcebergOptions(schema)})`,
    );
    return Number(result.getRows()[0]?.[0] ?? 0);
  } catch (error) {
    if (isMeshworkError(error)) {
      throw new InputError(error.code, `${productId}: output "${from}": ${error.message}`);
    }
    const message = firstLines(error);
    if (message.includes(file) || /^IO Error: .*(No space left|Read-only file system|Permission denied)/m.test(message))
      throw new UnavailableError('MW8009', `${productId}: cannot write ${file}: ${message}`);
    if (/^Invalid Input Error: (Malformed JSON|CSV Error)|^Conversion Error: CSV Error/m.test(message))
      throw new InputError('MW8002', `${productId}: building "${from}" read a malformed input: ${message}`);
    throw new InputError('MW8003', `${productId}: building "${from}" failed: ${message}`);
  }
}

async function bindInput(
  connection: DuckDBConnection,
  input: PipelineInput,
  productDir: string,
  config: MeshConfig,
  resolveSnapshot: SnapshotResolver,
): Promise<BoundInput> {
  switch (input.kind) {
    case 'file':
      return bindFileInput(connection, input, productDir);
    case 'product':
      return bindProductInput(connection, input, resolveSnapshot);
    case 'postgres':
      return bindPostgresInput(connection, input, config.connections?.[input.connection]);
  }
}

function stripTrailingSemicolon(sql: string): string {
  return sql.replace(/;\s*$/, '');
}

/** DuckDB messages can be long (CSV sniffer dumps); the first lines say what matters. */
export function firstLines(error: unknown, lines = 6): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n').slice(0, lines).join('\n').trim();
}
