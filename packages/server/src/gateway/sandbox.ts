/**
 * The gateway's own DuckDB instance, separate from the run engine's, sandboxed as defence in
 * depth behind the query checks: file access only below the warehouse (and its spill folder),
 * no extension installing or loading, and the configuration locked so that nothing — not even a
 * query that slipped through — can loosen it. Memory and threads are bounded for the instance.
 */
import { mkdirSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { FunctionRules } from './function-rules.js';
import { maskingMacros } from './mask-sql.js';
import { quoteLiteral } from './relation-name.js';

export interface SandboxOptions {
  /** Absolute path of the warehouse: the only files queries read. */
  readonly warehouseRoot: string;
  readonly tempDirectory: string;
  readonly maskingKey: Uint8Array;
  readonly threads?: number;
  readonly memoryLimit?: string;
  readonly maxTempDirectorySize?: string;
}

export interface Sandbox {
  readonly instance: DuckDBInstance;
  readonly functions: FunctionRules;
  close(): void;
}

export async function createSandbox(options: SandboxOptions): Promise<Sandbox> {
  mkdirSync(options.tempDirectory, { recursive: true });
  const instance = await DuckDBInstance.create(':memory:', {
    threads: String(options.threads ?? 2),
    memory_limit: options.memoryLimit ?? '2GB',
    temp_directory: options.tempDirectory,
    max_temp_directory_size: options.maxTempDirectorySize ?? '10GB',
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    allow_community_extensions: 'false',
    allow_unsigned_extensions: 'false',
  });
  const setup = await instance.connect();
  try {
    for (const statement of maskingMacros(options.maskingKey)) await setup.run(statement);
    // Parquet is built in (nothing is downloaded); caching footers saves re-reading them per query.
    await setup.run('LOAD parquet');
    await setup.run('SET parquet_metadata_cache = true');
    const reader = await setup.runAndReadAll(
      `SELECT DISTINCT function_name AS name, function_type AS type, schema_name AS schema FROM duckdb_functions()`,
    );
    const functions = FunctionRules.fromCatalog(
      reader.getRowObjectsJS().map((row) => ({
        name: String(row.name),
        type: String(row.type),
        schema: String(row.schema),
      })),
    );
    const allowed = [withSlash(options.warehouseRoot), withSlash(options.tempDirectory)].map(quoteLiteral);
    await setup.run(`SET allowed_directories = [${allowed.join(', ')}]`);
    await setup.run(`SET enable_external_access = false`);
    await setup.run(`SET lock_configuration = true`);
    return { instance, functions, close: () => instance.closeSync() };
  } finally {
    setup.closeSync();
  }
}

function withSlash(path: string): string {
  return path.endsWith('/') ? path : `${path}/`;
}
