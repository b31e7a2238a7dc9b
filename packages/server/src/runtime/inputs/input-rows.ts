/**
 * How many rows a run read from its inputs ("rows in"), counted after the outputs were written.
 * PostgreSQL copies and upstream snapshots know their count from binding; Parquet answers from
 * its footers; CSV and JSON are scanned once more, without converting values. For CSV the count
 * adds the rows that scan rejected (a row with the wrong number of fields), so that rows in is
 * every data row of the files: the rows published plus the rows rejected, for a pass-through step.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { InputError } from '@meshwork/core';
import { quoteIdentifier } from '../sql-text.js';
import type { BoundInput } from './bound-input.js';
import { rejectsExist } from './csv-rejects.js';

export async function countInputRows(connection: DuckDBConnection, inputs: readonly BoundInput[]): Promise<number> {
  let rows = 0;
  for (const input of inputs) {
    try {
      rows += input.rows ?? (await countRows(connection, input));
    } catch (error) {
      // Only an input no output reads is scanned for the first time here.
      const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
      throw new InputError('MW8010', `input "${input.name}": reading ${input.source} failed: ${message}`);
    }
  }
  return rows;
}

async function countRows(connection: DuckDBConnection, input: BoundInput): Promise<number> {
  const rejects = input.rejects;
  const lastScan = rejects ? await latestScan(connection, rejects) : -1;
  const result = await connection.runAndReadAll(`SELECT count(*)::BIGINT AS n FROM ${quoteIdentifier(input.name)}`);
  const counted = Number(result.getRowObjectsJson()[0]?.n ?? 0);
  if (!rejects || !(await rejectsExist(connection, rejects))) return counted;
  const rejected = await connection.runAndReadAll(
    `SELECT count(DISTINCT (file_id, line))::BIGINT AS n FROM ${quoteIdentifier(rejects.table)} WHERE scan_id > ${lastScan}`,
  );
  return counted + Number(rejected.getRowObjectsJson()[0]?.n ?? 0);
}

async function latestScan(connection: DuckDBConnection, rejects: NonNullable<BoundInput['rejects']>): Promise<number> {
  if (!(await rejectsExist(connection, rejects))) return -1;
  const result = await connection.runAndReadAll(
    `SELECT coalesce(max(scan_id), -1)::BIGINT AS id FROM ${quoteIdentifier(rejects.scan)}`,
  );
  return Number(result.getRowObjectsJson()[0]?.id ?? -1);
}
