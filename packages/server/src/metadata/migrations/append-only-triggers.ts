/**
 * Triggers that make a table append-only inside the database, so that not even a bug in
 * Meshwork, or a hand-typed UPDATE, can rewrite history. Someone with raw access can still drop
 * the trigger; the audit hash chain is what detects that.
 */
import { sql } from 'kysely';
import type { MetadataStoreKind } from '../metadata-store.js';
import type { MetadataDb } from '../kysely/store-dialect.js';

export const APPEND_ONLY_CODE = 'MW6106';
const APPEND_ONLY_MESSAGE = `${APPEND_ONLY_CODE}: this table is append-only; rows cannot be updated or deleted`;

export async function createAppendOnlyTriggers(
  db: MetadataDb,
  kind: MetadataStoreKind,
  table: 'audit_events' | 'descriptor_versions',
): Promise<void> {
  const message = sql.lit(`${APPEND_ONLY_MESSAGE} (${table})`);
  if (kind === 'sqlite') {
    for (const operation of ['update', 'delete'] as const) {
      const name = sql.id(`${table}_no_${operation}`);
      await sql`create trigger ${name} before ${sql.raw(operation)} on ${sql.table(table)}
        begin select raise(abort, ${message}); end`.execute(db);
    }
    return;
  }
  const fn = sql.id(`${table}_append_only`);
  await sql`create function ${fn}() returns trigger language plpgsql as $$
    begin raise exception using errcode = 'restrict_violation', message = ${message}; end $$`.execute(db);
  await sql`create trigger ${sql.id(`${table}_no_change`)} before update or delete on ${sql.table(table)}
    for each row execute function ${fn}()`.execute(db);
  // TRUNCATE skips row triggers; it needs its own statement-level one.
  await sql`create trigger ${sql.id(`${table}_no_truncate`)} before truncate on ${sql.table(table)}
    for each statement execute function ${fn}()`.execute(db);
}
