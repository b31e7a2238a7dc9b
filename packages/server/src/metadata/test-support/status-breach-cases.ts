/**
 * Breaching transitions across products (`listStatusBreaches`): newest first with ties broken by
 * product and seq, what surrounds each breach, a keyset cursor that holds while transitions are
 * recorded between reads, and one breach's episode (`listBreachEpisode`).
 */
import { describe, expect, it } from 'vitest';
import type { MetadataStore } from '../metadata-store.js';
import type { ProductStatus, StatusBreach } from '../product-status-types.js';
import { useStores, type MetadataStoreHarness } from './conformance-harness.js';
import { allPages, product } from './metadata-fixtures.js';

const at = (minute: number) => new Date(Date.UTC(2024, 4, 1, 0, minute)).toISOString();

async function record(store: MetadataStore, productId: string, steps: readonly [ProductStatus, number][]) {
  for (const [status, minute] of steps) {
    await store.recordProductStatus({ productId, status, reason: `${status} at ${minute}`, at: at(minute) });
  }
}

const summary = (breaches: readonly StatusBreach[]) =>
  breaches.map((b) => [b.productId, b.status, b.at, b.seq, b.priorStatus, b.freshAgainAt]);

export function describeStatusBreachCases(harness: MetadataStoreHarness): void {
  describe('status breaches', () => {
    const stores = useStores(harness);

    it('pages every transition into failing or stale across products, newest first, with what surrounds it', async () => {
      const { store } = await stores.fresh();
      for (const id of ['sales.orders', 'sales.returns', 'finance.ledger', 'hr.people']) {
        await store.upsertProduct(product(id));
      }
      expect(await store.listStatusBreaches()).toEqual({ items: [] });
      await record(store, 'sales.orders', [
        ['unknown', 0],
        ['fresh', 1],
        ['stale', 2],
        ['unknown', 3],
        ['failing', 4],
        ['fresh', 6],
        ['failing', 8],
      ]);
      await record(store, 'sales.returns', [
        ['failing', 2],
        ['unknown', 5],
        ['stale', 6],
        ['fresh', 7],
      ]);
      await record(store, 'finance.ledger', [
        ['fresh', 0],
        ['stale', 8],
      ]);
      // Never breached: no rows, however long its history.
      await record(store, 'hr.people', [
        ['unknown', 0],
        ['fresh', 1],
        ['unknown', 2],
        ['fresh', 3],
      ]);

      const page = await store.listStatusBreaches();
      expect(page.next).toBeUndefined();
      expect(summary(page.items)).toEqual([
        // The same time: by product id.
        ['finance.ledger', 'stale', at(8), 2, 'fresh', null],
        ['sales.orders', 'failing', at(8), 7, 'fresh', null],
        ['sales.returns', 'stale', at(6), 3, 'failing', at(7)],
        // `unknown` is skipped when looking back: the status before is the stale one.
        ['sales.orders', 'failing', at(4), 5, 'stale', at(6)],
        ['sales.orders', 'stale', at(2), 3, 'fresh', at(6)],
        // The first status ever: nothing before it.
        ['sales.returns', 'failing', at(2), 1, null, at(7)],
      ]);
      expect(page.items[2]).toEqual({
        productId: 'sales.returns',
        status: 'stale',
        reason: 'stale at 6',
        at: at(6),
        seq: 3,
        priorStatus: 'failing',
        freshAgainAt: at(7),
      });
    });

    it('orders transitions of one product at the same time by seq, newest first', async () => {
      const { store } = await stores.fresh();
      await store.upsertProduct(product('sales.orders'));
      await record(store, 'sales.orders', [
        ['stale', 5],
        ['fresh', 5],
        ['failing', 5],
        ['stale', 5],
      ]);
      expect(summary((await store.listStatusBreaches()).items)).toEqual([
        ['sales.orders', 'stale', at(5), 4, 'failing', null],
        ['sales.orders', 'failing', at(5), 3, 'fresh', null],
        ['sales.orders', 'stale', at(5), 1, null, at(5)],
      ]);
      const [, second] = (await store.listStatusBreaches({ limit: 2 })).items;
      expect(summary((await store.listStatusBreaches({ after: second! })).items)).toEqual([
        ['sales.orders', 'stale', at(5), 1, null, at(5)],
      ]);
      // Seq 0 ends the (time, product) pair: nothing of it is after.
      expect(
        (await store.listStatusBreaches({ after: { at: at(5), productId: 'sales.orders', seq: 0 } })).items,
      ).toEqual([]);
    });

    it('pages with a keyset cursor that holds while transitions are recorded between reads', async () => {
      const { store } = await stores.fresh();
      const ids = ['a.one', 'b.two', 'c.three', 'd.four', 'e.five'];
      for (const id of ids) await store.upsertProduct(product(id));
      const cycle: ProductStatus[] = ['fresh', 'stale', 'failing', 'unknown'];
      for (let minute = 0; minute < 60; minute++) {
        const productId = ids[(minute * 7) % ids.length]!;
        // Every third minute two products change at once: ties on time.
        const also = minute % 3 === 0 ? [ids[(minute + 1) % ids.length]!] : [];
        for (const id of [productId, ...also]) {
          await store.recordProductStatus({
            productId: id,
            status: cycle[minute % 4]!,
            reason: `#${minute}`,
            at: at(minute),
          });
        }
      }
      const whole = (await store.listStatusBreaches({ limit: 1000 })).items;
      expect(whole.length).toBeGreaterThan(20);
      const paged = await allPages((after: StatusBreach | undefined) =>
        store.listStatusBreaches({ limit: 4, ...(after ? { after } : {}) }).then((page) => ({
          items: page.items,
          ...(page.next ? { next: page.items.at(-1)! } : {}),
        })),
      );
      expect(paged.items).toEqual(whole);
      const cursors = await allPages((after: string | undefined) =>
        store
          .listStatusBreaches({ limit: 4, ...(after ? { after: JSON.parse(after) } : {}) })
          .then((page) => ({ items: page.items, ...(page.next ? { next: JSON.stringify(page.next) } : {}) })),
      );
      expect(cursors.items).toEqual(whole);

      // Between two reads, a newer breach (before the cursor) and an older one (after it).
      const first = await store.listStatusBreaches({ limit: 5 });
      expect(first.items).toEqual(whole.slice(0, 5));
      await store.recordProductStatus({ productId: 'a.one', status: 'fresh', reason: 'back', at: at(70) });
      await store.recordProductStatus({ productId: 'a.one', status: 'failing', reason: 'newer', at: at(71) });
      await store.upsertProduct(product('f.six'));
      await store.recordProductStatus({ productId: 'f.six', status: 'stale', reason: 'older', at: at(1) });
      const rest = await allPages((after: StatusBreach | undefined) =>
        store.listStatusBreaches({ limit: 7, after: after ?? first.next! }).then((page) => ({
          items: page.items,
          ...(page.next ? { next: page.next as StatusBreach } : {}),
        })),
      );
      expect(rest.items.map((b) => b.reason)).not.toContain('newer');
      expect(rest.items.filter((b) => b.reason === 'older')).toHaveLength(1);
      const keys = rest.items.map((b) => `${b.productId}#${b.seq}`);
      expect(new Set(keys).size).toBe(keys.length);
      expect(rest.items.filter((b) => b.reason !== 'older').map((b) => `${b.productId}#${b.seq}`)).toEqual(
        whole.slice(5).map((b) => `${b.productId}#${b.seq}`),
      );
      // What surrounds a breach is read with the page: the newest one of a.one has recovered now.
      const recovered = (await store.listStatusBreaches({ limit: 1000 })).items.find(
        (b) => b.productId === 'a.one' && b.seq === whole.find((w) => w.productId === 'a.one')!.seq,
      );
      expect(recovered?.freshAgainAt).toBe(at(70));
    });

    it('refuses a key that no page could have returned', async () => {
      const { store } = await stores.fresh();
      const key = { at: at(1), productId: 'sales.orders', seq: 1 };
      for (const bad of [
        { ...key, at: 'soon' },
        { ...key, productId: '' },
        { ...key, seq: -1 },
        { ...key, seq: 1.5 },
      ]) {
        await expect(store.listStatusBreaches({ after: bad })).rejects.toMatchObject({ code: 'MW6103' });
      }
      await expect(store.listStatusBreaches({ limit: 0 })).rejects.toMatchObject({ code: 'MW6103' });
    });

    it("reads a breach's episode: the transition before it, through the next fresh one", async () => {
      const { store } = await stores.fresh();
      await store.upsertProduct(product('sales.orders'));
      await record(store, 'sales.orders', [
        ['failing', 0],
        ['fresh', 1],
        ['stale', 2],
        ['unknown', 3],
        ['failing', 4],
        ['fresh', 6],
        ['stale', 7],
        ['failing', 8],
      ]);
      const episode = async (seq: number) =>
        (await store.listBreachEpisode('sales.orders', seq)).map((s) => [s.status, s.at]);
      expect(await episode(1)).toEqual([
        ['failing', at(0)],
        ['fresh', at(1)],
      ]);
      expect(await episode(3)).toEqual([
        ['fresh', at(1)],
        ['stale', at(2)],
        ['unknown', at(3)],
        ['failing', at(4)],
        ['fresh', at(6)],
      ]);
      // Not recovered yet: through the latest.
      expect(await episode(7)).toEqual([
        ['fresh', at(6)],
        ['stale', at(7)],
        ['failing', at(8)],
      ]);
      expect(await store.listBreachEpisode('sales.orders', 99)).toEqual([]);
      expect(await store.listBreachEpisode('sales.nope', 1)).toEqual([]);
      await expect(store.listBreachEpisode('sales.orders', 0)).rejects.toMatchObject({ code: 'MW6101' });
    });
  });
}
