/** SQL for reading staged or published Parquet files, and their physical schema. */
import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteLiteralList } from './sql-text.js';

export function parquetRelation(files: readonly string[]): string {
  return `read_parquet(${quoteLiteralList(files)})`;
}

export async function describeRelation(
  connection: DuckDBConnection,
  relation: string,
): Promise<{ name: string; type: string; nullable: boolean }[]> {
  const result = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${relation}`);
  return (result.getRowObjectsJson() as { column_name: string; column_type: string; null: string }[]).map((r) => ({
    name: r.column_name,
    type: r.column_type,
    nullable: r.null !== 'NO',
  }));
}
