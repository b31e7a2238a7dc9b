/**
 * The scale-out adapter: PostgreSQL through a `pg` pool. Every connection's search_path is the
 * configured schema, so several meshes (or test runs) can share one database without colliding.
 */
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { KyselyMetadataStore, type KyselyMetadataStoreOptions } from '../kysely/kysely-metadata-store.js';
import type { MetadataSchema } from '../kysely/metadata-schema.js';
import { parsePostgresTarget } from './postgres-target.js';
import { PostgresStoreDialect, translatePostgresError } from './postgres-store-dialect.js';

export interface PostgresMetadataStoreOptions extends KyselyMetadataStoreOptions {
  /** `postgres://user:password@host:port/database`. */
  readonly url: string;
  /** Created by the first migration when missing; defaults to `public`. */
  readonly schema?: string;
  /** Pool size; defaults to 10. */
  readonly maxConnections?: number;
  readonly connectTimeoutMs?: number;
}

/** Connects and checks the connection, without migrating; `createMetadataStore` migrates. */
export async function openPostgresMetadataStore(options: PostgresMetadataStoreOptions): Promise<KyselyMetadataStore> {
  const target = parsePostgresTarget(options.url, options.schema);
  const pool = new pg.Pool({
    connectionString: target.url,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
    application_name: 'meshwork',
    options: `-c search_path=${target.schema}`,
  });
  // An idle client losing its connection emits 'error' on the pool; unhandled, it would end the
  // process. The next query gets a fresh connection or fails with MW6107 on its own.
  pool.on('error', () => undefined);
  const db = new Kysely<MetadataSchema>({ dialect: new PostgresDialect({ pool }) });
  try {
    await sql`select 1`.execute(db);
  } catch (error) {
    await db.destroy();
    throw translatePostgresError(error, target) ?? error;
  }
  return new KyselyMetadataStore(db, new PostgresStoreDialect(target), options);
}
