/**
 * Malformed CSV rows collected by DuckDB while the run read its inputs. Read after the
 * outputs are written (the scans are lazy), deduplicated by file and line because a view read
 * twice is scanned twice.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdentifier } from '../sql-text.js';
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
    if (!input.rejects) continue;
    const exists = await connection.runAndReadAll(
      `SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = '${input.rejects.table.replace(/'/g, "''")}'`,
    );
    if (Number(exists.getRowObjects()[0]?.n ?? 0) === 0) continue; // the input was never scanned
    const rows = await connection.runAndReadAll(
      `SELECT DISTINCT s.file_path AS file, e.line::BIGINT AS line, e.error_message AS error, e.csv_line AS text
       FROM ${quoteIdentifier(input.rejects.table)} e JOIN ${quoteIdentifier(input.rejects.scan)} s USING (scan_id, file_id)
       ORDER BY file, line`,
    );
    const all = rows.getRowObjectsJson() as { file: string; line: string; error: string; text: string | null }[];
    if (all.length === 0) continue;
    out.push({
      input: input.name,
      mode: input.rejects.mode,
      count: all.length,
      sample: all.slice(0, sampleSize).map((r) => ({
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
