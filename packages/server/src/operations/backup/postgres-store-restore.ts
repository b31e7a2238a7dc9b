/**
 * A PostgreSQL store out of a backup, in one transaction: the schema is created by Meshwork's
 * own migrations — exactly those the backup was taken at, so the rows fit; the next start runs
 * any newer ones — then every table is loaded in foreign-key order from its NDJSON file, handed
 * to PostgreSQL as JSON text (`json_populate_recordset`, so values are parsed by PostgreSQL
 * itself and nothing is rounded), sequences are moved past the loaded rows, and the audit
 * chain is verified. The caller commits once the rest of the restore is staged.
 */
import { createReadStream } from 'node:fs';
import { createHash } from 'node:crypto';
import { StringDecoder } from 'node:string_decoder';
import type pg from 'pg';
import { AuditChainVerifier, type StoredAuditEvent } from '../../metadata/audit-chain-verifier.js';
import { createMetadataStore } from '../../metadata/create-metadata-store.js';
import type { JsonValue } from '../../metadata/canonical-json.js';
import type { Migration } from '../../metadata/migrations/migration.js';
import type { PostgresTarget } from '../../metadata/postgres/postgres-target.js';
import { translatePostgresError } from '../../metadata/postgres/postgres-store-dialect.js';
import { assertAuditMatches } from './audit-head-check.js';
import { connectPostgres, meshworkTables, postgresTableFile, quoteIdentifier } from './postgres-store-export.js';
import type { BackupReader } from './restore-files.js';
import { notEmpty } from './restore-target.js';

const BATCH_ROWS = 1000;
const BATCH_CHARS = 8 * 1024 * 1024;

export interface StagedPostgresStore {
  commit(): Promise<void>;
  rollback(): Promise<void>;
}

/** Whether the target holds rows in any table of the backup but `meshwork_migrations`. */
export async function postgresHoldsData(target: PostgresTarget, tables: readonly string[]): Promise<boolean> {
  const client = await connectPostgres(target, 'meshwork restore');
  try {
    return (await filledTables(client, target.schema, tables)).length > 0;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function stagePostgresStore(
  target: PostgresTarget,
  backup: BackupReader,
  migrations: readonly Migration[],
): Promise<StagedPostgresStore> {
  const tables = backup.manifest.store.tables ?? [];
  const client = await connectPostgres(target, 'meshwork restore');
  try {
    await createSchemaIfMissing(client, target, tables, migrations);
    await client.query('BEGIN');
    await client.query("SET LOCAL TimeZone = 'UTC'");
    const schema = quoteIdentifier(target.schema);
    for (const table of tables) {
      if (table !== 'meshwork_migrations') await loadTable(client, schema, table, backup);
    }
    await resetSequences(client, target.schema);
    await verifyAudit(client, schema, backup);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    await client.end().catch(() => undefined);
    throw translatePostgresError(error, target) ?? error;
  }
  const end = async (statement: string) => {
    try {
      await client.query(statement);
    } catch (error) {
      throw translatePostgresError(error, target) ?? error;
    } finally {
      await client.end().catch(() => undefined);
    }
  };
  return { commit: () => end('COMMIT'), rollback: () => end('ROLLBACK') };
}

/**
 * An empty schema gets the backup's migrations; one already migrated to exactly them, with no
 * rows, is used as it is; anything else is not an empty target (MW8314).
 */
async function createSchemaIfMissing(
  client: pg.Client,
  target: PostgresTarget,
  tables: readonly string[],
  migrations: readonly Migration[],
): Promise<void> {
  const existing = new Set(await meshworkTables(client, target.schema));
  const wanted = migrations.map((m) => m.id);
  if (existing.has('meshwork_migrations')) {
    const applied = (
      await client.query<{ id: string }>(
        `select id from ${quoteIdentifier(target.schema)}.meshwork_migrations order by id`,
      )
    ).rows.map((r) => r.id);
    if (applied.join('\n') !== wanted.join('\n')) {
      throw notEmpty(`${target.description} holds a Meshwork store migrated to ${applied.at(-1) ?? 'nothing'}`);
    }
    const filled = await filledTables(client, target.schema, tables);
    if (filled.length > 0) throw notEmpty(`${target.description} holds data (${filled.slice(0, 3).join(', ')}…)`);
    return;
  }
  const clashing = tables.filter((table) => existing.has(table));
  if (clashing.length > 0)
    throw notEmpty(`${target.description} already has tables ${clashing.slice(0, 3).join(', ')}`);
  const store = await createMetadataStore({ kind: 'postgres', url: target.url, schema: target.schema }, { migrations });
  await store.close();
}

async function filledTables(client: pg.Client, schema: string, tables: readonly string[]): Promise<string[]> {
  const existing = new Set(await meshworkTables(client, schema));
  const filled: string[] = [];
  for (const table of tables) {
    if (table === 'meshwork_migrations' || !existing.has(table)) continue;
    const { rows } = await client.query<{ filled: boolean }>(
      `select exists (select 1 from ${quoteIdentifier(schema)}.${quoteIdentifier(table)}) as filled`,
    );
    if (rows[0]?.filled) filled.push(table);
  }
  return filled;
}

async function loadTable(client: pg.Client, schema: string, table: string, backup: BackupReader): Promise<void> {
  const relation = `${schema}.${quoteIdentifier(table)}`;
  // Generated columns take no values; every other column is loaded by name.
  const columns = (
    await client.query<{ name: string }>(
      `select attname as name from pg_attribute
        where attrelid = $1::regclass and attnum > 0 and not attisdropped and attgenerated = ''
        order by attnum`,
      [relation],
    )
  ).rows.map((r) => quoteIdentifier(r.name));
  const list = columns.join(', ');
  const insert = `insert into ${relation} (${list}) overriding system value
    select ${list} from json_populate_recordset(null::${relation}, $1::json)`;
  const relative = postgresTableFile(table);
  const hash = createHash('sha256');
  let bytes = 0;
  let batch: string[] = [];
  let chars = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await client.query(insert, [`[${batch.join(',')}]`]);
    batch = [];
    chars = 0;
  };
  for await (const line of lines(backup.pathOf(relative), (chunk) => {
    hash.update(chunk);
    bytes += chunk.length;
  })) {
    batch.push(line);
    chars += line.length;
    if (batch.length >= BATCH_ROWS || chars >= BATCH_CHARS) await flush();
  }
  await flush();
  backup.check(relative, { bytes, sha256: hash.digest('hex') });
}

/** Non-empty lines of a UTF-8 file, each chunk shown to `onChunk` first (for its checksum). */
async function* lines(path: string, onChunk: (chunk: Buffer) => void): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    onChunk(chunk);
    rest += decoder.write(chunk);
    let start = 0;
    for (let end = rest.indexOf('\n'); end >= 0; end = rest.indexOf('\n', start)) {
      if (end > start) yield rest.slice(start, end);
      start = end + 1;
    }
    rest = rest.slice(start);
  }
  rest += decoder.end();
  if (rest !== '') yield rest;
}

/** Sequences (serial and identity columns) continue after the loaded rows. */
async function resetSequences(client: pg.Client, schema: string): Promise<void> {
  const { rows } = await client.query<{ relation: string; column: string; sequence: string }>(
    `select format('%I.%I', n.nspname, c.relname) as relation, a.attname as "column",
            pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) as sequence
       from pg_attribute a
       join pg_class c on c.oid = a.attrelid
       join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = $1 and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped
        and pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) is not null`,
    [schema],
  );
  for (const { relation, column, sequence } of rows) {
    await client.query(
      `select setval($1, coalesce((select max(${quoteIdentifier(column)}) from ${relation}), 0) + 1, false)`,
      [sequence],
    );
  }
}

async function verifyAudit(client: pg.Client, schema: string, backup: BackupReader): Promise<void> {
  const verifier = new AuditChainVerifier();
  await client.query(
    `declare mw_audit no scroll cursor for
       select seq::text as seq, at, actor, action, resource, details, prev_hash, hash
         from ${schema}.audit_events order by seq`,
  );
  for (;;) {
    const { rows } = await client.query<AuditRow>('fetch forward 2000 from mw_audit');
    for (const row of rows) verifier.accept(storedEvent(row));
    if (rows.length < 2000) break;
  }
  await client.query('close mw_audit');
  assertAuditMatches(verifier.result(), backup.manifest.store.auditHead, backup.folder);
}

interface AuditRow {
  readonly seq: string;
  readonly at: Date;
  readonly actor: string;
  readonly action: string;
  readonly resource: string;
  readonly details: string;
  readonly prev_hash: string;
  readonly hash: string;
}

/** As the store reads an event back: ISO time with milliseconds, details parsed. */
function storedEvent(row: AuditRow): StoredAuditEvent {
  let details: JsonValue | Error;
  try {
    details = JSON.parse(row.details) as JsonValue;
  } catch (error) {
    details = error as Error;
  }
  return {
    seq: Number(row.seq),
    at: row.at.toISOString(),
    actor: row.actor,
    action: row.action,
    resource: row.resource,
    details: details as StoredAuditEvent['details'],
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
