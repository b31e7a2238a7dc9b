/** Migrations and reopening: the store's life across restarts and upgrades. */
import { describe, expect, it } from 'vitest';
import { initialSchema } from '../migrations/0001-initial-schema.js';
import { MIGRATIONS } from '../migrations/migration-list.js';
import { useStores, type MetadataStoreHarness } from './conformance-harness.js';
import { product, runInput, succeeded } from './metadata-fixtures.js';

export function describeLifecycleCases(harness: MetadataStoreHarness): void {
  describe('migrations and restarts', () => {
    const stores = useStores(harness);
    const latest = MIGRATIONS[MIGRATIONS.length - 1]!.id;

    it('migrates a new database once; running migrate again changes nothing', async () => {
      const { database } = await stores.fresh({ migrate: false });
      const store = await stores.open(database, { migrate: false });
      expect(await store.migrate()).toEqual({ applied: MIGRATIONS.map((m) => m.id), current: latest });
      await store.upsertProduct(product('sales.orders'));
      expect(await store.migrate()).toEqual({ applied: [], current: latest });
      expect(await store.getProduct('sales.orders')).toBeDefined();
    });

    it('lets two stores migrate the same new database at once', async () => {
      const { database } = await stores.fresh({ migrate: false });
      const [a, b] = await Promise.all([
        stores.open(database, { migrate: false }),
        stores.open(database, { migrate: false }),
      ]);
      const results = await Promise.all([a.migrate(), b.migrate()]);
      expect(results.map((r) => r.applied.length).sort()).toEqual([0, MIGRATIONS.length]);
    });

    it('keeps products, descriptors and the audit chain across a reopen', async () => {
      const { store, database } = await stores.fresh();
      await store.upsertProduct(product('sales.orders'));
      await store.recordDescriptorVersion({
        productId: 'sales.orders',
        kind: 'odps',
        documentId: 'sales.orders',
        version: '1.0.0',
        content: '{}',
        contentHash: 'h',
        publishedBy: 'alice',
      });
      const before = await store.appendAudit({ actor: 'alice', action: 'product.published', resource: 'urn:x' });
      await store.close();

      const reopened = await stores.open(database);
      expect(await reopened.getProduct('sales.orders')).toMatchObject({ id: 'sales.orders' });
      expect(await reopened.listDescriptorVersions('sales.orders')).toHaveLength(1);
      const after = await reopened.appendAudit({ actor: 'bob', action: 'product.read', resource: 'urn:x' });
      expect(after).toMatchObject({ seq: 2, prevHash: before.hash });
      expect(await reopened.verifyAudit()).toEqual({ ok: true, count: 2, headHash: after.hash });
    });

    it('upgrades a database from 0001 to the latest schema and keeps its data', async () => {
      const { database } = await stores.fresh({ migrate: false });
      const old = await stores.open(database, { migrations: [initialSchema] });
      await old.upsertProduct(product('sales.orders'));
      await old.recordDescriptorVersion({
        productId: 'sales.orders',
        kind: 'odcs',
        documentId: 'orders-contract',
        version: '1.0.0',
        content: '{"a":1}',
        contentHash: 'h1',
        publishedBy: 'alice',
        publishedAt: '2024-05-01T12:00:00.000Z',
      });
      await old.upsertUser({ id: 'alice', name: 'Alice', teams: ['sales'], roles: ['owner'] });
      await old.appendAudit({ actor: 'alice', action: 'product.published', resource: 'urn:x', details: { v: 1 } });
      const head = await old.appendAudit({ actor: 'bob', action: 'product.read', resource: 'urn:x' });
      const before = {
        product: await old.getProduct('sales.orders'),
        descriptors: await old.listDescriptorVersions('sales.orders'),
        user: await old.getUser('alice'),
        audit: await old.listAudit(),
      };
      await old.close();

      const upgraded = await stores.open(database, { migrate: false });
      expect(await upgraded.migrate()).toEqual({ applied: MIGRATIONS.slice(1).map((m) => m.id), current: latest });
      expect({
        product: await upgraded.getProduct('sales.orders'),
        descriptors: await upgraded.listDescriptorVersions('sales.orders'),
        user: await upgraded.getUser('alice'),
        audit: await upgraded.listAudit(),
      }).toEqual(before);
      expect(await upgraded.verifyAudit()).toEqual({ ok: true, count: 2, headHash: head.hash });

      // The products registered before the upgrade get runs and statuses.
      const run = await upgraded.createRun(runInput('sales.orders'));
      expect(await upgraded.finishRun(run.id, succeeded())).toMatchObject({ status: 'succeeded' });
      expect(
        await upgraded.recordProductStatus({ productId: 'sales.orders', status: 'fresh', reason: 'just built' }),
      ).toMatchObject({ changed: true });
      // And the build that only knows 0001 now refuses the database instead of misreading it.
      await expect(stores.open(database, { migrations: [initialSchema] })).rejects.toMatchObject({ code: 'MW6105' });
    });

    it('refuses a database migrated by a newer Meshwork, and leaves it untouched', async () => {
      const { store, database } = await stores.fresh();
      await store.upsertProduct(product('sales.orders'));
      await database.execute(
        "insert into meshwork_migrations (id, applied_at) values ('9999-from-the-future', '2030-01-01T00:00:00.000Z')",
      );
      await expect(stores.open(database)).rejects.toMatchObject({
        code: 'MW6105',
        kind: 'unavailable',
        message: expect.stringContaining('9999-from-the-future'),
      });
      await expect(store.migrate()).rejects.toMatchObject({ code: 'MW6105' });
      expect(await store.getProduct('sales.orders')).toBeDefined();
    });
  });
}
