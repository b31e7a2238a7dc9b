/**
 * Real Parquet for warehouse tests: files written by DuckDB's COPY, read back with read_parquet —
 * the same way the runtime writes snapshots and readers query them. Every row carries a `marker`
 * saying which publish wrote it, so a test can tell exactly which snapshot a reader sees.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

export interface ParquetTool {
  /** Writes `rows` rows `(marker, id)` to `path`. */
  write(path: string, marker: number, rows?: number): Promise<void>;
  /** Row count per marker across `files`, as a reader of those files sees them. */
  read(files: readonly string[]): Promise<Record<number, number>>;
  close(): void;
}

export async function openParquetTool(): Promise<ParquetTool> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection: DuckDBConnection = await instance.connect();
  return {
    async write(path, marker, rows = 10) {
      await connection.run(
        `COPY (SELECT ${marker}::INTEGER AS marker, range AS id FROM range(${rows})) TO ${quote(path)} (FORMAT parquet)`,
      );
    },
    async read(files) {
      const list = files.map(quote).join(', ');
      const reader = await connection.runAndReadAll(
        `SELECT marker, count(*)::INTEGER AS n FROM read_parquet([${list}]) GROUP BY marker ORDER BY marker`,
      );
      return Object.fromEntries(reader.getRowsJS().map(([marker, n]) => [Number(marker), Number(n)]));
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

function quote(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
