/**
 * PostgreSQL's side of the store. Data writes are plain transactions (row locks and ON CONFLICT
 * arbitrate); audit appends and migrations also take a transaction-scoped advisory lock, so every
 * connection of every server using this schema queues on one lock and the chain cannot fork.
 */
import { ConflictError, UnavailableError, type MeshworkError } from '@meshwork/core';
import { sql } from 'kysely';
import { driverErrorCode, driverErrorMessage, scrubSecrets } from '../driver-error.js';
import type { MetadataDb, StoreDialect, WriteLock } from '../kysely/store-dialect.js';
import type { PostgresTarget } from './postgres-target.js';

// Socket-level failures, connection exceptions (08), authentication (28), missing database,
// server shutting down (57P0x), too many connections, no permission on the schema.
const UNAVAILABLE =
  /^(E(CONNREFUSED|CONNRESET|NOTFOUND|AI_AGAIN|TIMEDOUT|HOSTUNREACH|NETUNREACH|PIPE|ACCES)|08...|28...|3D000|57P0.|53300|42501)$/;
// Lock and statement timeouts, deadlocks.
const BUSY = /^(55P03|57014|40P01)$/;

export class PostgresStoreDialect implements StoreDialect {
  readonly kind = 'postgres' as const;
  readonly target: string;

  constructor(private readonly pgTarget: PostgresTarget) {
    this.target = pgTarget.description;
  }

  write<T>(db: MetadataDb, lock: WriteLock, work: (trx: MetadataDb) => Promise<T>): Promise<T> {
    // READ COMMITTED on purpose, whatever the server default: after the advisory lock is granted
    // the next statement must see the head that the previous holder committed, which a
    // REPEATABLE READ snapshot taken before the wait would hide.
    return db
      .transaction()
      .setIsolationLevel('read committed')
      .execute(async (trx) => {
        if (lock !== 'data') {
          const key = `meshwork:${lock}:${this.pgTarget.schema}`;
          await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(trx);
        }
        return work(trx);
      });
  }

  async prepareSchema(trx: MetadataDb): Promise<void> {
    await sql`create schema if not exists ${sql.id(this.pgTarget.schema)}`.execute(trx);
  }

  translateError(error: unknown): MeshworkError | undefined {
    return translatePostgresError(error, this.pgTarget);
  }

  async dispose(): Promise<void> {
    // The pool belongs to the Kysely instance, which the store destroys.
  }
}

/** Maps the PostgreSQL errors a caller can act on, with the password scrubbed from every message. */
export function translatePostgresError(error: unknown, target: PostgresTarget): MeshworkError | undefined {
  const code = driverErrorCode(error) ?? '';
  const detail = scrubSecrets(driverErrorMessage(error), target.secrets);
  if (code === '23505') {
    return new ConflictError(
      'MW6110',
      `A record with the same unique key already exists in ${target.description}: ${detail}`,
    );
  }
  if (BUSY.test(code)) {
    return new UnavailableError('MW6108', `The metadata database ${target.description} is busy: ${detail}`);
  }
  // pg reports pool timeouts and dropped connections without a code.
  if (UNAVAILABLE.test(code) || /timeout exceeded when trying to connect|Connection terminated/i.test(detail)) {
    return new UnavailableError('MW6107', `The metadata database ${target.description} is unavailable: ${detail}`);
  }
  return undefined;
}
