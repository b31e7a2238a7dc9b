/**
 * Applies pending migrations in one exclusive transaction, so two servers starting together
 * cannot both apply the same migration, and a failed migration leaves the schema as it was
 * (both databases have transactional DDL).
 */
import { UnavailableError } from '@meshwork/core';
import { columnTypes } from './column-types.js';
import type { Migration } from './migration.js';
import type { MetadataDb, StoreDialect } from '../kysely/store-dialect.js';
import type { MigrationResult } from '../metadata-types.js';

export async function runMigrations(
  db: MetadataDb,
  dialect: StoreDialect,
  migrations: readonly Migration[],
): Promise<MigrationResult> {
  return dialect.write(db, 'migrations', async (trx) => {
    await dialect.prepareSchema(trx);
    const t = columnTypes(dialect.kind);
    await trx.schema
      .createTable('meshwork_migrations')
      .ifNotExists()
      .addColumn('id', t.key, (c) => c.primaryKey())
      .addColumn('applied_at', t.timestamp, (c) => c.notNull())
      .execute();
    const applied = new Set((await trx.selectFrom('meshwork_migrations').select('id').execute()).map((row) => row.id));
    const known = new Set(migrations.map((migration) => migration.id));
    const unknown = [...applied].filter((id) => !known.has(id)).sort();
    if (unknown.length > 0) {
      // Refuse before touching anything: an older build would misread a newer schema.
      throw new UnavailableError(
        'MW6105',
        `The metadata database ${dialect.target} was migrated by a newer Meshwork (unknown migration ${unknown.join(', ')}); ` +
          'upgrade Meshwork or use another database.',
      );
    }
    const ran: string[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.id)) continue;
      await migration.up(trx, dialect.kind);
      await trx
        .insertInto('meshwork_migrations')
        .values({ id: migration.id, applied_at: new Date().toISOString() })
        .execute();
      ran.push(migration.id);
    }
    const current = migrations[migrations.length - 1]?.id ?? '';
    return { applied: ran, current };
  });
}
