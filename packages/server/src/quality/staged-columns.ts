/**
 * The columns of the staged data and their DuckDB types, read with `DESCRIBE` (metadata only:
 * for Parquet it reads the footer, not the rows).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { parseDuckType, type DuckType } from './duckdb-type-parser.js';
import { quoteIdentifier } from './sql-quoting.js';

export interface StagedColumn {
  readonly name: string;
  /** The type as DuckDB prints it, e.g. `DECIMAL(12,2)`. */
  readonly typeText: string;
  readonly type?: DuckType;
  /** The column as a SQL expression (a quoted identifier). */
  readonly sql: string;
}

export async function describeRelation(connection: DuckDBConnection, relation: string): Promise<StagedColumn[]> {
  const reader = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${relation}`);
  return reader.getRowObjectsJson().map((row) => {
    const name = String(row.column_name);
    const typeText = String(row.column_type);
    return { name, typeText, type: parseDuckType(typeText), sql: quoteIdentifier(name) };
  });
}

/** Finds a contract column in the data: by its exact name, else ignoring case (as DuckDB resolves names). */
export function findColumn(columns: readonly StagedColumn[], name: string): StagedColumn | undefined {
  return (
    columns.find((column) => column.name === name) ??
    columns.find((column) => column.name.toLowerCase() === name.toLowerCase())
  );
}
