/** Product status history: only transitions are kept, newest first, also under racing evaluators. */
import { describe, expect, it } from 'vitest';
import { manualClock, useStores, type MetadataStoreHarness } from './conformance-harness.js';
import { allPages, product } from './metadata-fixtures.js';
import type { ProductStatus } from '../product-status-types.js';

export function describeStatusCases(harness: MetadataStoreHarness): void {
  describe('product status', () => {
    const stores = useStores(harness);

    it('appends a status only when it changes, and returns the latest', async () => {
      const clock = manualClock('2024-05-01T00:00:00.000Z');
      const { store } = await stores.fresh({ now: clock.now });
      await store.upsertProduct(product('sales.orders'));
      expect(await store.getProductStatus('sales.orders')).toBeUndefined();
      expect(await store.listProductStatus('sales.orders')).toEqual({ items: [] });

      const steps: [ProductStatus, string][] = [
        ['unknown', 'never built'],
        ['fresh', 'snapshot 5 min old; frequency 1 h'],
        ['fresh', 'snapshot 50 min old; frequency 1 h'],
        ['stale', 'snapshot 61 min old; frequency 1 h'],
        ['stale', 'snapshot 2 h old; frequency 1 h'],
        ['failing', 'last run failed: MW8201'],
        ['fresh', 'snapshot 1 min old; frequency 1 h'],
      ];
      const changed: boolean[] = [];
      for (const [i, [status, reason]] of steps.entries()) {
        clock.set(`2024-05-01T0${i}:00:00.000Z`);
        const recorded = await store.recordProductStatus({ productId: 'sales.orders', status, reason });
        changed.push(recorded.changed);
        expect(recorded.current.status).toBe(status);
      }
      expect(changed).toEqual([true, true, false, true, false, true, true]);
      // An unchanged status returns the entry already stored, with its own reason and time.
      expect(
        await store.recordProductStatus({
          productId: 'sales.orders',
          status: 'fresh',
          reason: 'ignored',
          at: clock.now(),
        }),
      ).toEqual({
        changed: false,
        current: {
          productId: 'sales.orders',
          status: 'fresh',
          reason: 'snapshot 1 min old; frequency 1 h',
          at: '2024-05-01T06:00:00.000Z',
        },
      });

      const history = await store.listProductStatus('sales.orders');
      expect(history).toEqual({
        items: [
          { productId: 'sales.orders', status: 'fresh', reason: steps[6]![1], at: '2024-05-01T06:00:00.000Z' },
          { productId: 'sales.orders', status: 'failing', reason: steps[5]![1], at: '2024-05-01T05:00:00.000Z' },
          { productId: 'sales.orders', status: 'stale', reason: steps[3]![1], at: '2024-05-01T03:00:00.000Z' },
          { productId: 'sales.orders', status: 'fresh', reason: steps[1]![1], at: '2024-05-01T01:00:00.000Z' },
          { productId: 'sales.orders', status: 'unknown', reason: steps[0]![1], at: '2024-05-01T00:00:00.000Z' },
        ],
      });
      expect(await store.getProductStatus('sales.orders')).toEqual(history.items[0]);
    });

    it('pages through a long history newest first, one product at a time', async () => {
      const { store } = await stores.fresh();
      await store.upsertProduct(product('sales.orders'));
      await store.upsertProduct(product('sales.returns'));
      const cycle: ProductStatus[] = ['fresh', 'stale', 'failing'];
      for (let i = 0; i < 250; i++) {
        const at = new Date(Date.UTC(2024, 0, 1, 0, i)).toISOString();
        await store.recordProductStatus({ productId: 'sales.orders', status: cycle[i % 3]!, reason: `#${i}`, at });
        if (i % 50 === 0)
          await store.recordProductStatus({
            productId: 'sales.returns',
            status: cycle[(i / 50) % 2]!,
            reason: `#${i}`,
          });
      }
      const orders = await allPages((after: string | undefined) =>
        store.listProductStatus('sales.orders', { after, limit: 40 }),
      );
      expect(orders.pages).toBe(7);
      expect(orders.items.map((entry) => entry.reason)).toEqual(Array.from({ length: 250 }, (_, i) => `#${249 - i}`));
      expect((await store.listProductStatus('sales.returns', { limit: 1000 })).items.map((e) => e.reason)).toEqual([
        '#200',
        '#150',
        '#100',
        '#50',
        '#0',
      ]);
      await expect(store.listProductStatus('sales.orders', { after: 'nope' })).rejects.toMatchObject({
        code: 'MW6103',
      });
      const productCursor = (await store.listProducts({ limit: 1 })).next;
      await expect(store.listProductStatus('sales.orders', { after: productCursor })).rejects.toMatchObject({
        code: 'MW6103',
      });
    });

    it('refuses unknown statuses, empty reasons and unregistered products', async () => {
      const { store } = await stores.fresh();
      const input = { productId: 'sales.orders', status: 'fresh', reason: 'ok' } as const;
      await expect(store.recordProductStatus(input)).rejects.toMatchObject({ code: 'MW6104', kind: 'not-found' });
      await store.upsertProduct(product('sales.orders'));
      await expect(store.recordProductStatus({ ...input, status: 'green' as never })).rejects.toMatchObject({
        code: 'MW6101',
        message: expect.stringContaining('fresh, stale, failing, unknown'),
      });
      await expect(store.recordProductStatus({ ...input, reason: ' ' })).rejects.toMatchObject({ code: 'MW6101' });
      await expect(store.recordProductStatus({ ...input, at: 'soon' })).rejects.toMatchObject({ code: 'MW6101' });
      expect(await store.getProductStatus('sales.orders')).toBeUndefined();
    });

    it('records one transition when evaluators on two stores race', async () => {
      const { store, database } = await stores.fresh();
      const other = await stores.open(database);
      await store.upsertProduct(product('sales.orders'));
      const statuses: ProductStatus[] = ['stale', 'stale', 'fresh', 'stale', 'failing', 'stale'];
      const results = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          (i % 2 ? store : other).recordProductStatus({
            productId: 'sales.orders',
            status: i < 10 ? 'stale' : statuses[i % statuses.length]!,
            reason: `evaluator ${i}`,
          }),
        ),
      );
      const history = (await store.listProductStatus('sales.orders', { limit: 1000 })).items;
      expect(results.filter((r) => r.changed)).toHaveLength(history.length);
      expect(history.length).toBeGreaterThan(0);
      history.slice(1).forEach((entry, i) => expect(entry.status).not.toBe(history[i]!.status));
    });
  });
}
