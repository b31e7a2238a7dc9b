/**
 * SQLite's side of the store: every write is one `BEGIN IMMEDIATE` transaction, which takes the
 * database's single write lock up front. A deferred `BEGIN` would take it only at the first write
 * and could fail there with SQLITE_BUSY after reading the audit head — the busy timeout does not
 * apply to that lock upgrade.
 */
import { ConflictError, UnavailableError, type MeshworkError } from '@meshwork/core';
import { sql } from 'kysely';
import { driverErrorCode, driverErrorMessage } from '../driver-error.js';
import type { MetadataDb, StoreDialect, WriteLock } from '../kysely/store-dialect.js';
import type { SqliteFileLock } from './sqlite-file-lock.js';

export class SqliteStoreDialect implements StoreDialect {
  readonly kind = 'sqlite' as const;

  constructor(
    readonly target: string,
    private readonly fileLock: SqliteFileLock,
  ) {}

  // SQLite has one write lock per file, so every kind of write takes the same one.
  write<T>(db: MetadataDb, _lock: WriteLock, work: (trx: MetadataDb) => Promise<T>): Promise<T> {
    return this.fileLock.mutex.run(() =>
      // connection() pins Kysely's single SQLite connection for the whole transaction.
      db.connection().execute(async (connection) => {
        await sql`begin immediate`.execute(connection);
        try {
          const result = await work(connection);
          await sql`commit`.execute(connection);
          return result;
        } catch (error) {
          // SQLite may already have rolled back (some errors end the transaction); that is fine.
          await sql`rollback`.execute(connection).catch(() => undefined);
          throw error;
        }
      }),
    );
  }

  async prepareSchema(): Promise<void> {
    // A SQLite file is its own schema; nothing to create.
  }

  translateError(error: unknown): MeshworkError | undefined {
    return translateSqliteError(error, this.target);
  }

  async dispose(): Promise<void> {
    this.fileLock.release();
  }
}

/** Maps the SQLite errors a caller can act on; anything else is a bug and stays as it is. */
export function translateSqliteError(error: unknown, target: string): MeshworkError | undefined {
  const code = driverErrorCode(error) ?? '';
  const detail = driverErrorMessage(error);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new UnavailableError('MW6108', `The metadata database ${target} stayed locked by another writer: ${detail}`);
  }
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return new ConflictError('MW6110', `A record with the same unique key already exists in ${target}: ${detail}`);
  }
  // SQLite's own open/IO failures, and the file system's when creating the directory.
  if (
    /^SQLITE_(CANTOPEN|NOTADB|READONLY|IOERR|FULL|CORRUPT|PERM|AUTH)|^E(ACCES|PERM|ROFS|NOTDIR|EXIST|ISDIR)$/.test(code)
  ) {
    return new UnavailableError('MW6107', `The metadata database ${target} cannot be opened or written: ${detail}`);
  }
  return undefined;
}
