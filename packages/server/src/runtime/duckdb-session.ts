/**
 * One DuckDB database per product run: in memory, spilling to a temporary folder inside the
 * warehouse staging area, with a bounded number of threads and memory. Only DuckDB's built-in
 * extensions are used; autoloading and installing are switched off so nothing is downloaded.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

export interface RunDatabaseOptions {
  readonly tempDirectory: string;
  readonly threads?: number;
  readonly memoryLimit?: string;
}

export interface RunDatabase {
  readonly connection: DuckDBConnection;
  close(): void;
}

export async function openRunDatabase(options: RunDatabaseOptions): Promise<RunDatabase> {
  const instance = await DuckDBInstance.create(':memory:', {
    threads: String(options.threads ?? 2),
    memory_limit: options.memoryLimit ?? '2GB',
    temp_directory: options.tempDirectory,
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
  });
  const connection = await instance.connect();
  return {
    connection,
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
