/**
 * The DuckDB engine of a process: one in-memory instance, created on first use, and a fresh
 * connection per product run. Runs stay apart because everything a run creates is
 * connection-local (TEMP views and tables, variables, CSV reject tables); sharing the instance
 * saves ~35 ms of start-up per run and bounds threads and memory for the whole process.
 * Only DuckDB's built-in extensions are used; autoloading and installing are off, so nothing is
 * ever downloaded.
 */
import { mkdirSync } from 'node:fs';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

export interface RunEngineOptions {
  /** Where DuckDB spills when a run needs more memory than it has. */
  readonly tempDirectory: string;
  readonly threads?: number;
  readonly memoryLimit?: string;
}

export interface RunDatabase {
  readonly connection: DuckDBConnection;
  close(): void;
}

export interface RunEngine {
  /** A new connection for one run; close it when the run ends. */
  open(): Promise<RunDatabase>;
  /** Closes the instance (after every run closed its connection). */
  close(): void;
}

export function createRunEngine(options: RunEngineOptions): RunEngine {
  let instance: Promise<DuckDBInstance> | undefined;
  const start = (): Promise<DuckDBInstance> => {
    mkdirSync(options.tempDirectory, { recursive: true });
    return DuckDBInstance.create(':memory:', {
      threads: String(options.threads ?? 2),
      memory_limit: options.memoryLimit ?? '2GB',
      temp_directory: options.tempDirectory,
      autoinstall_known_extensions: 'false',
      autoload_known_extensions: 'false',
    });
  };
  return {
    open: async () => {
      const connection = await (instance ??= start()).then((db) => db.connect());
      return { connection, close: () => connection.closeSync() };
    },
    close: () => {
      void instance?.then((db) => db.closeSync());
      instance = undefined;
    },
  };
}
