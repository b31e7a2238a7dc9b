/**
 * The PostgreSQL metadata store into a backup, without pg_dump: every table of Meshwork's schema
 * as NDJSON (`row_to_json`, one row per line), all read in one REPEATABLE READ READ ONLY
 * transaction — one consistent snapshot while servers keep writing. Values keep PostgreSQL's own
 * JSON text (64-bit integers, timestamps, bytea as `\x…`) and are never parsed here, so nothing
 * is rounded; the restore hands the same text back to PostgreSQL.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import pg from 'pg';
import { InputError } from '@meshwork/core';
import type { PostgresTarget } from '../../metadata/postgres/postgres-target.js';
import { translatePostgresError } from '../../metadata/postgres/postgres-store-dialect.js';
import type { AuditHead, BackupStoreSection } from './backup-manifest.js';
import type { BackupWriter } from './backup-writer.js';
import { digestStream, syncFile } from './file-checksums.js';
import { tableLoadOrder, type ForeignKeyEdge } from './table-load-order.js';

const BATCH_ROWS = 2000;

export function postgresTableFile(table: string): string {
  return `store/${table}.ndjson`;
}

/** `"name"`, quoted for SQL. */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export async function exportPostgresStore(target: PostgresTarget, writer: BackupWriter): Promise<BackupStoreSection> {
  const client = await connectPostgres(target, 'meshwork backup');
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    // Timestamps in one zone, whatever the server's or the role's default: stable files.
    await client.query("SET LOCAL TimeZone = 'UTC'");
    const tables = await meshworkTables(client, target.schema);
    if (!tables.includes('meshwork_migrations')) {
      throw new InputError(
        'MW8319',
        `${target.description} holds no Meshwork metadata store to back up; check MESHWORK_DATABASE_URL or mesh.yaml metadataStore`,
      );
    }
    for (const table of tables) await exportTable(client, target.schema, table, writer);
    const schema = quoteIdentifier(target.schema);
    const migrations = (await client.query<{ id: string }>(`select id from ${schema}.meshwork_migrations order by id`))
      .rows;
    const head = (
      await client.query<{ seq: string; hash: string }>(
        `select seq::text as seq, hash from ${schema}.audit_events order by seq desc limit 1`,
      )
    ).rows[0];
    await client.query('COMMIT');
    const auditHead: AuditHead | null = head ? { seq: Number(head.seq), hash: head.hash } : null;
    return { kind: 'postgres', migrations: migrations.map((m) => m.id), tables, auditHead };
  } catch (error) {
    throw translatePostgresError(error, target) ?? error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Connects, or fails with MW6107 naming the database without its password. */
export async function connectPostgres(target: PostgresTarget, applicationName: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: target.url, application_name: applicationName });
  // A dropped connection emits 'error' on the client; the query in flight fails on its own.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw translatePostgresError(error, target) ?? error;
  }
  return client;
}

/** Base tables of the schema, referenced tables first. */
export async function meshworkTables(client: pg.Client, schema: string): Promise<string[]> {
  const tables = await client.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = $1 and c.relkind in ('r', 'p') and not c.relispartition`,
    [schema],
  );
  const edges = await client.query<ForeignKeyEdge>(
    `select child.relname as "table", parent.relname as "references"
       from pg_constraint k
       join pg_class child on child.oid = k.conrelid
       join pg_class parent on parent.oid = k.confrelid
       join pg_namespace n on n.oid = child.relnamespace
      where k.contype = 'f' and n.nspname = $1`,
    [schema],
  );
  return tableLoadOrder(
    tables.rows.map((r) => r.name),
    edges.rows,
  );
}

async function exportTable(client: pg.Client, schema: string, table: string, writer: BackupWriter): Promise<void> {
  const relative = postgresTableFile(table);
  const path = await writer.pathFor(relative);
  const digest = digestStream();
  const file = createWriteStream(path, { flags: 'wx', mode: 0o600 });
  digest.stream.pipe(file);
  await client.query(
    `declare mw_backup no scroll cursor for select row_to_json(t)::text as row from ${quoteIdentifier(schema)}.${quoteIdentifier(table)} t`,
  );
  for (;;) {
    const batch = await client.query<{ row: string }>(`fetch forward ${BATCH_ROWS} from mw_backup`);
    for (const { row } of batch.rows) {
      if (!digest.stream.write(`${row}\n`)) await once(digest.stream, 'drain');
    }
    if (batch.rows.length < BATCH_ROWS) break;
  }
  await client.query('close mw_backup');
  digest.stream.end();
  await once(file, 'close');
  await syncFile(path);
  writer.recordDigest(relative, digest.result());
}
