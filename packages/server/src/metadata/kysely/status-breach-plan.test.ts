/**
 * The breaches query's plan on SQLite: a range of the partial index of migration 0010 in its own
 * order — no scan of the status history, no sort — and the two lookups per row through the
 * primary key, with or without a cursor. SQLite uses a partial index only when the query repeats
 * the index's predicate as written: a bound parameter there would silently scan and sort the
 * whole history, which no behaviour test notices.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createMetadataStore } from '../create-metadata-store.js';
import type { MetadataSchema } from './metadata-schema.js';
import { selectBreaches } from './product-status-repository.js';

const dir = mkdtempSync(join(tmpdir(), 'meshwork-breach-plan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the breaches query on SQLite', () => {
  it('reads the partial index in order and looks around each breach through the primary key', async () => {
    const path = join(dir, 'meshwork.db');
    await (await createMetadataStore({ kind: 'sqlite', path })).close();
    const database = new Database(path);
    const db = new Kysely<MetadataSchema>({ dialect: new SqliteDialect({ database }) });
    try {
      for (const after of [undefined, { at: '2026-01-01T00:00:00.000Z', productId: 'sales.orders', seq: 3 }]) {
        const { sql, parameters } = selectBreaches(db, after, 101).compile();
        const plan = (database.prepare(`explain query plan ${sql}`).all(...parameters) as { detail: string }[]).map(
          (step) => step.detail,
        );
        expect(plan[0]).toMatch(/^(SCAN|SEARCH) h USING INDEX product_status_breaches\b/);
        expect(
          plan.filter((step) => /^SEARCH [pn] USING (INDEX sqlite_autoindex|PRIMARY KEY)/.test(step)),
        ).toHaveLength(2);
        expect(plan.join('\n')).not.toMatch(/TEMP B-TREE|^SCAN (h|p|n)$/m);
      }
    } finally {
      await db.destroy();
    }
  });
});
