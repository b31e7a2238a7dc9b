/**
 * The embedded adapter: one SQLite file through better-sqlite3, in WAL mode so readers never wait
 * for the writer, with a busy timeout so a second process waits for the write lock instead of
 * failing at once.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, realpathSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { InputError } from '@meshwork/core';
import { KyselyMetadataStore, type KyselyMetadataStoreOptions } from '../kysely/kysely-metadata-store.js';
import type { MetadataSchema } from '../kysely/metadata-schema.js';
import { acquireSqliteFileLock } from './sqlite-file-lock.js';
import { SqliteStoreDialect, translateSqliteError } from './sqlite-store-dialect.js';

export interface SqliteMetadataStoreOptions extends KyselyMetadataStoreOptions {
  /** The database file (created with its directory when missing), or `:memory:`. */
  readonly path: string;
  /** How long a write waits for another process's write lock before failing with MW6108. */
  readonly busyTimeoutMs?: number;
}

export const DEFAULT_SQLITE_BUSY_TIMEOUT_MS = 5000;

/** Opens (and creates) the database without migrating it; `createMetadataStore` migrates. */
export function openSqliteMetadataStore(options: SqliteMetadataStoreOptions): KyselyMetadataStore {
  if (typeof options.path !== 'string' || options.path.trim() === '') {
    throw new InputError('MW6109', 'The SQLite metadata store needs a file path.');
  }
  const inMemory = options.path === ':memory:';
  const path = inMemory ? options.path : resolve(options.path);
  const database = openDatabase(path, inMemory, options.busyTimeoutMs ?? DEFAULT_SQLITE_BUSY_TIMEOUT_MS);
  // Keyed by the real path so two spellings of one file share one lock.
  const lock = acquireSqliteFileLock(inMemory ? randomUUID() : realpathSync(path));
  const db = new Kysely<MetadataSchema>({ dialect: new SqliteDialect({ database }) });
  return new KyselyMetadataStore(db, new SqliteStoreDialect(path, lock), options);
}

function openDatabase(path: string, inMemory: boolean, busyTimeoutMs: number): Database.Database {
  let database: Database.Database | undefined;
  try {
    if (!inMemory) mkdirSync(dirname(path), { recursive: true });
    database = new Database(path, { timeout: busyTimeoutMs });
    database.pragma('journal_mode = WAL');
    // NORMAL is durable in WAL mode except for the last commits on power loss, and never corrupts.
    database.pragma('synchronous = NORMAL');
    database.pragma('foreign_keys = ON');
    return database;
  } catch (error) {
    database?.close();
    throw translateSqliteError(error, path) ?? error;
  }
}
