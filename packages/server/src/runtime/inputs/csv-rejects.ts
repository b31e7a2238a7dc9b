/**
 * Malformed CSV rows collected by DuckDB while the run read its inputs. Read after the
 * outputs are written (the scans are lazy), deduplicated by file and line because a view read
 * twice is scanned twice.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdentifier, quoteLiteral } from '../sql-text.js';
import type { BoundInput } from './bound-input.js';

export interface RejectedRow {
  readonly input: string;
  readonly file: string;
  readonly line: number;
  readonly error: string;
  readonly text?: string;
}

export interface InputRejects {
  readonly input: string;
  readonly mode: 'fail' | 'reject';
  readonly count: number;
  /** The first rows, for the report. */
  readonly sample: readonly RejectedRow[];
}

export async function collectRejects(
  connection: DuckDBConnection,
  inputs: readonly BoundInput[],
  sampleSize = 20,
): Promise<InputRejects[]> {
  const out: InputRejects[] = [];
  for (const input of inputs) {
    if (!input.rejects || !(await rejectsExist(connection, input.rejects))) continue; // never scanned
    // One rejected row per file and line: a row with two bad values is reported twice by DuckDB.
    const rows = await connection.runAndReadAll(
      `WITH rejected AS (
         SELECT s.file_path AS file, e.line::BIGINT AS line,
                string_agg(DISTINCT e.error_message, '; ') AS error, min(e.csv_line) AS text
         FROM ${quoteIdentifier(input.rejects.table)} e JOIN ${quoteIdentifier(input.rejects.scan)} s USING (scan_id, file_id)
         GROUP BY s.file_path, e.line)
       SELECT (SELECT count(*) FROM rejected)::BIGINT AS total, file, line, error, text
       FROM rejected ORDER BY file, line LIMIT ${Math.max(1, Math.floor(sampleSize))}`,
    );
    const sample = rows.getRowObjectsJson() as {
      total: string;
      file: string;
      line: string;
      error: string;
      text: string | null;
    }[];
    if (sample.length === 0) continue;
    out.push({
      input: input.name,
      mode: input.rejects.mode,
      count: Number(sample[0]!.total),
      sample: sample.map((r) => ({
        input: input.name,
        file: r.file,
        line: Number(r.line),
        error: r.error,
        text: r.text ?? undefined,
      })),
    });
  }
  return out;
}

/** Whether DuckDB created the input's reject tables, which it does on the first scan. */
export async function rejectsExist(
  connection: DuckDBConnection,
  rejects: NonNullable<BoundInput['rejects']>,
): Promise<boolean> {
  const result = await connection.runAndReadAll(
    `SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = ${quoteLiteral(rejects.table)}`,
  );
  return Number(result.getRowObjects()[0]?.n ?? 0) > 0;
}
