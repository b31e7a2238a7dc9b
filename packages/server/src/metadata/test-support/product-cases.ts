/** Products: upsert, read back, keyset pagination at a size where loading everything would show. */
import { describe, expect, it } from 'vitest';
import { manualClock, useStores, type MetadataStoreHarness } from './conformance-harness.js';
import { allPages, product } from './metadata-fixtures.js';

export function describeProductCases(harness: MetadataStoreHarness): void {
  describe('products', () => {
    const stores = useStores(harness);

    it('registers a product and keeps registeredAt when it is updated', async () => {
      const clock = manualClock('2024-05-01T12:00:00.000Z');
      const { store } = await stores.fresh({ now: clock.now });
      const created = await store.upsertProduct(product('sales.orders', { currentVersion: null, status: 'draft' }));
      expect(created).toEqual({
        ...product('sales.orders', { currentVersion: null, status: 'draft' }),
        registeredAt: '2024-05-01T12:00:00.000Z',
        updatedAt: '2024-05-01T12:00:00.000Z',
      });
      clock.set('2024-06-01T08:30:00.123Z');
      await store.upsertProduct(product('sales.orders', { currentVersion: '1.1.0', archetype: 'aggregate' }));
      expect(await store.getProduct('sales.orders')).toMatchObject({
        currentVersion: '1.1.0',
        archetype: 'aggregate',
        status: 'active',
        registeredAt: '2024-05-01T12:00:00.000Z',
        updatedAt: '2024-06-01T08:30:00.123Z',
      });
      expect(await store.getProduct('sales.unknown')).toBeUndefined();
    });

    it('refuses incomplete products and a URN another product uses', async () => {
      const { store } = await stores.fresh();
      await expect(store.upsertProduct(product('sales.orders', { id: '' }))).rejects.toMatchObject({ code: 'MW6101' });
      await expect(store.upsertProduct(product('sales.orders', { archetype: 'mart' as never }))).rejects.toMatchObject({
        code: 'MW6101',
        kind: 'input',
        message: expect.stringContaining('source-aligned'),
      });
      await store.upsertProduct(product('sales.orders'));
      await expect(
        store.upsertProduct(product('sales.orders2', { urn: 'urn:meshwork:sales:orders' })),
      ).rejects.toMatchObject({ code: 'MW6110', kind: 'conflict' });
    });

    it('pages through 2,500 products by id, with and without a domain filter', async () => {
      const { store } = await stores.fresh();
      const ids = Array.from({ length: 2500 }, (_, i) => `d${i % 5}.p${String(i).padStart(4, '0')}`);
      // Byte order, not locale order: uppercase before underscore before lowercase.
      ids.push('B.upper', 'a_b.under', 'a.b');
      for (let i = 0; i < ids.length; i += 50) {
        await Promise.all(ids.slice(i, i + 50).map((id) => store.upsertProduct(product(id))));
      }
      const expected = [...ids].sort();

      const all = await allPages((after: string | undefined) => store.listProducts({ after, limit: 100 }));
      expect(all.items.map((p) => p.id)).toEqual(expected);
      expect(all.pages).toBe(26);

      const d3 = await allPages((after: string | undefined) => store.listProducts({ domain: 'd3', after, limit: 137 }));
      expect(d3.items.map((p) => p.id)).toEqual(expected.filter((id) => id.startsWith('d3.')));

      const first = await store.listProducts();
      expect(first.items).toHaveLength(100);
      const max = await store.listProducts({ limit: 1000 });
      expect(max.items).toHaveLength(1000);
      const exact = await store.listProducts({ domain: 'B', limit: 1 });
      expect(exact).toEqual({ items: [expect.objectContaining({ id: 'B.upper' })] });
    });

    it('rejects limits outside 1–1000 and cursors it did not issue', async () => {
      const { store } = await stores.fresh();
      await expect(store.listProducts({ limit: 0 })).rejects.toMatchObject({ code: 'MW6103' });
      await expect(store.listProducts({ limit: 1001 })).rejects.toMatchObject({ code: 'MW6103' });
      await expect(store.listProducts({ limit: 1.5 })).rejects.toMatchObject({ code: 'MW6103' });
      await expect(store.listProducts({ after: 'sales.orders' })).rejects.toMatchObject({
        code: 'MW6103',
        kind: 'input',
      });
    });
  });
}
