/**
 * Listing runs newest first with keyset pagination, at a size where an off-by-one at a page
 * boundary or a tie in start times would show: 1,200 runs over 12 products, four products
 * starting each round in the same millisecond.
 */
import { describe, expect, it } from 'vitest';
import type { MetadataStore } from '../metadata-store.js';
import type { RunStatus } from '../run-types.js';
import { useStores, type MetadataStoreHarness } from './conformance-harness.js';
import { allPages, product, runInput, succeeded, uuidFrom } from './metadata-fixtures.js';

const PRODUCTS = 12;
const ROUNDS = 100;

interface Expected {
  readonly id: string;
  readonly productId: string;
  readonly startedAt: string;
  readonly status: RunStatus;
}

/** Each product's runs in sequence (one running at a time), the products in parallel. */
async function recordRuns(store: MetadataStore): Promise<Expected[]> {
  const base = Date.UTC(2024, 4, 1);
  const chains = Array.from({ length: PRODUCTS }, async (_, k) => {
    const productId = `d${String(k).padStart(2, '0')}.orders`;
    await store.upsertProduct(product(productId));
    const runs: Expected[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const started = base + i * 60_000 + Math.floor(k / 4);
      const run = await store.createRun(
        runInput(productId, { id: uuidFrom(`${k}:${i}`), startedAt: new Date(started) }),
      );
      // The last round of every third product is still running.
      const status: RunStatus =
        i === ROUNDS - 1 && k % 3 === 0
          ? 'running'
          : i % 10 === 9
            ? 'failed'
            : i % 10 === 8
              ? 'cancelled'
              : 'succeeded';
      if (status !== 'running') {
        await store.finishRun(run.id, {
          ...succeeded({ status, finishedAt: new Date(started + 1000) }),
          error: status === 'failed' ? { code: 'MW8201', message: `round ${i} failed` } : null,
        });
      }
      runs.push({ id: run.id, productId, startedAt: run.startedAt, status });
    }
    return runs;
  });
  return (await Promise.all(chains)).flat();
}

function newestFirst(a: Expected, b: Expected): number {
  if (a.startedAt !== b.startedAt) return a.startedAt < b.startedAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

export function describeRunListCases(harness: MetadataStoreHarness): void {
  describe('run lists', () => {
    const stores = useStores(harness);

    it('pages through 1,200 runs across products newest first, filtered by product and status', async () => {
      const { store } = await stores.fresh();
      const expected = (await recordRuns(store)).sort(newestFirst);
      const ids = (runs: readonly { readonly id: string }[]) => runs.map((run) => run.id);

      const all = await allPages((after: string | undefined) => store.listRuns({ after, limit: 100 }));
      expect(ids(all.items)).toEqual(ids(expected));
      expect(all.pages).toBe(12);
      expect(await store.getRun(all.items[777]!.id)).toEqual(all.items[777]);

      const one = await allPages((after: string | undefined) =>
        store.listRuns({ productId: 'd05.orders', after, limit: 37 }),
      );
      expect(ids(one.items)).toEqual(ids(expected.filter((run) => run.productId === 'd05.orders')));
      expect(one.pages).toBe(3);

      for (const status of ['failed', 'cancelled', 'running', 'succeeded'] as const) {
        const page = await allPages((after: string | undefined) => store.listRuns({ status, after, limit: 41 }));
        expect(ids(page.items), status).toEqual(ids(expected.filter((run) => run.status === status)));
      }
      const running = await store.listRuns({ status: 'running' });
      expect(running.items.map((run) => run.productId).sort()).toEqual([
        'd00.orders',
        'd03.orders',
        'd06.orders',
        'd09.orders',
      ]);
      expect(running.items.every((run) => run.finishedAt === null && run.rowsIn === null)).toBe(true);

      const both = await store.listRuns({ productId: 'd07.orders', status: 'failed', limit: 1000 });
      expect(both.next).toBeUndefined();
      expect(both.items.map((run) => run.error?.message)).toEqual(
        Array.from({ length: 10 }, (_, j) => `round ${99 - j * 10} failed`),
      );
      expect((await store.listRuns()).items).toHaveLength(100);
      expect(await store.listRuns({ productId: 'd99.orders' })).toEqual({ items: [] });
    });

    it('rejects bad limits, statuses and cursors from other lists', async () => {
      const { store } = await stores.fresh();
      await store.upsertProduct(product('sales.orders'));
      await store.upsertProduct(product('sales.returns'));
      const productCursor = (await store.listProducts({ limit: 1 })).next;
      expect(productCursor).toBeDefined();
      await expect(store.listRuns({ after: productCursor })).rejects.toMatchObject({ code: 'MW6103' });
      await expect(store.listRuns({ after: 'garbage' })).rejects.toMatchObject({ code: 'MW6103' });
      await expect(store.listRuns({ limit: 1001 })).rejects.toMatchObject({ code: 'MW6103' });
      await expect(store.listRuns({ status: 'done' as never })).rejects.toMatchObject({ code: 'MW6101' });
    });
  });
}
