/**
 * The columns of the relations a run bound (inputs as TEMP views or tables, steps as TEMP
 * views), read in one query from DuckDB's catalog rather than one DESCRIBE per relation: a view's
 * columns are stored when it is created, so nothing is re-read or re-bound.
 */
import type { DuckDBConnection } from '@duckdb/node-api';

export async function boundRelationColumns(
  connection: DuckDBConnection,
  names: readonly string[],
): Promise<Map<string, string[]>> {
  // A run's connection holds few temp relations (inputs, steps, CSV reject tables): read them all.
  const reader = await connection.runAndReadAll(
    `SELECT table_name, column_name FROM duckdb_columns()
     WHERE database_name = 'temp' ORDER BY table_name, column_index`,
  );
  const byLowerName = new Map<string, string[]>();
  for (const [table, column] of reader.getRows()) {
    const key = String(table).toLowerCase();
    const columns = byLowerName.get(key) ?? [];
    columns.push(String(column));
    byLowerName.set(key, columns);
  }
  const columns = new Map<string, string[]>();
  for (const name of names) {
    const found = byLowerName.get(name.toLowerCase());
    if (found) columns.set(name, found);
  }
  return columns;
}
