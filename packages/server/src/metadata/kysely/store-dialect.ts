/**
 * What differs between the databases behind the one Kysely repository: how a write takes its
 * lock, how driver errors map to domain errors, and what must exist before migrations run.
 * Everything else (the SQL of every read and write) is shared.
 */
import type { MeshworkError } from '@meshwork/core';
import type { Kysely } from 'kysely';
import type { MetadataStoreKind } from '../metadata-store.js';
import type { MetadataSchema } from './metadata-schema.js';

export type MetadataDb = Kysely<MetadataSchema>;

/**
 * Which lock a write needs. `audit` and `migrations` must be exclusive across every process using
 * the database (a forked chain or a half-applied schema is unrecoverable); `data` only needs to be
 * atomic.
 */
export type WriteLock = 'data' | 'audit' | 'migrations';

export interface StoreDialect {
  readonly kind: MetadataStoreKind;
  /** The database, named for messages, without secrets. */
  readonly target: string;
  /** Runs `work` in one transaction holding `lock`; commits when it resolves, rolls back when it throws. */
  write<T>(db: MetadataDb, lock: WriteLock, work: (trx: MetadataDb) => Promise<T>): Promise<T>;
  /** Creates what the migrations table lives in, inside the migrations transaction. */
  prepareSchema(trx: MetadataDb): Promise<void>;
  /** A driver error as a domain error, or undefined when it is a bug and should surface as is. */
  translateError(error: unknown): MeshworkError | undefined;
  /** Releases what the dialect holds besides the Kysely instance (which the store destroys). */
  dispose(): Promise<void>;
}
