/**
 * Query usage: batches recorded atomically and idempotently, listed newest first per product and
 * per principal, summarised per consumer since a time. Records are pinned literally, so every
 * adapter returns the same bytes for the same inputs.
 */
import { describe, expect, it } from 'vitest';
import type { QueryUsageInput, QueryUsageRecord } from '../usage-types.js';
import { manualClock, useStores, type MetadataStoreHarness } from './conformance-harness.js';
import { allPages, uuidFrom } from './metadata-fixtures.js';

const AGREEMENT_A = 'a0000000-0000-4000-8000-00000000000a';
const AGREEMENT_B = 'b0000000-0000-4000-8000-00000000000b';

function usage(seed: string | number, overrides: Partial<QueryUsageInput> = {}): QueryUsageInput {
  return {
    id: uuidFrom(`usage:${seed}`),
    queryId: uuidFrom(`query:${seed}`),
    principalId: 'ana',
    authenticatedBy: 'tok1234567890abc',
    productId: 'sales.orders',
    ports: [{ port: 'orders', major: 1 }],
    agreementIds: [],
    rows: 10,
    bytes: 320,
    durationMs: 12,
    status: 'ok',
    startedAt: '2024-05-01T12:00:00.000Z',
    ...overrides,
  };
}

function newestFirst(a: QueryUsageRecord, b: QueryUsageRecord): number {
  if (a.startedAt !== b.startedAt) return a.startedAt < b.startedAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

export function describeUsageCases(harness: MetadataStoreHarness): void {
  describe('query usage', () => {
    const stores = useStores(harness);

    it('records a batch, sorted and deduplicated, identically in every adapter, and skips ids already recorded', async () => {
      const { store } = await stores.fresh({ now: manualClock().now });
      const entry = usage(1, {
        id: uuidFrom('usage:1').toUpperCase(),
        ports: [
          { port: 'orders', major: 2 },
          { port: 'lines', major: 1 },
          { port: 'orders', major: 2 },
        ],
        agreementIds: [AGREEMENT_B.toUpperCase(), AGREEMENT_A, AGREEMENT_B],
        purpose: 'Churn model — ü',
        rows: 2 ** 40,
        bytes: 2 ** 50,
        durationMs: 1234,
        status: 'failed',
        errorCode: 'MW5012',
        startedAt: new Date('2024-05-01T12:00:00.123Z'),
      });
      expect(await store.recordQueryUsage([entry, usage(2, { productId: 'sales.returns', principalId: 'ben' })])).toBe(
        2,
      );
      const [recorded] = (await store.listQueryUsage({ productId: 'sales.orders' })).items;
      expect(JSON.stringify(recorded)).toBe(
        `{"id":"${uuidFrom('usage:1')}","queryId":"${uuidFrom('query:1')}","principalId":"ana",` +
          '"authenticatedBy":"tok1234567890abc","productId":"sales.orders",' +
          '"ports":[{"major":1,"port":"lines"},{"major":2,"port":"orders"}],' +
          `"agreementIds":["${AGREEMENT_A}","${AGREEMENT_B}"],"purpose":"Churn model — ü",` +
          '"rows":1099511627776,"bytes":1125899906842624,"durationMs":1234,"status":"failed",' +
          '"errorCode":"MW5012","startedAt":"2024-05-01T12:00:00.123Z"}',
      );
      // A retried batch (its acknowledgement was lost) records nothing twice.
      expect(await store.recordQueryUsage([entry, usage(3)])).toBe(1);
      expect((await store.listQueryUsage({ productId: 'sales.orders' })).items).toHaveLength(2);
      expect(await store.recordQueryUsage([])).toBe(0);
      expect((await store.listQueryUsage({ principalId: 'ben' })).items.map((u) => u.productId)).toEqual([
        'sales.returns',
      ]);
      expect(await store.listQueryUsage({ productId: 'nothing.here' })).toEqual({ items: [] });
    });

    it('pages usage newest first per product, per principal and per both, ties broken by id', async () => {
      const { store } = await stores.fresh();
      const base = Date.parse('2024-05-01T00:00:00.000Z');
      const principals = ['ana', 'ben', 'carl'];
      const products = ['sales.orders', 'sales.returns'];
      // 1,200 entries in one call: more than one insert chunk, still one transaction.
      const entries = Array.from({ length: 1200 }, (_, i) =>
        usage(i, {
          principalId: principals[i % 3]!,
          productId: products[i % 2]!,
          // Four entries per millisecond: ties in started_at must page by id without loss.
          startedAt: new Date(base + Math.floor(i / 4)),
        }),
      );
      expect(await store.recordQueryUsage(entries)).toBe(1200);
      const orders = await allPages((after: string | undefined) =>
        store.listQueryUsage({ productId: 'sales.orders', after, limit: 170 }),
      );
      expect(orders.items).toHaveLength(600);
      expect(orders.pages).toBe(4);
      expect(orders.items).toEqual([...orders.items].sort(newestFirst));
      expect(new Set(orders.items.map((u) => u.id)).size).toBe(600);

      const ben = await allPages((after: string | undefined) =>
        store.listQueryUsage({ principalId: 'ben', after, limit: 33 }),
      );
      expect(ben.items).toHaveLength(400);
      expect(ben.items).toEqual([...ben.items].sort(newestFirst));

      const benOnOrders = await allPages((after: string | undefined) =>
        store.listQueryUsage({ principalId: 'ben', productId: 'sales.orders', after, limit: 50 }),
      );
      expect(benOnOrders.items.map((u) => u.id)).toEqual(
        orders.items.filter((u) => u.principalId === 'ben').map((u) => u.id),
      );
    });

    it('summarises each consumer of a product since a time', async () => {
      const { store } = await stores.fresh();
      await store.recordQueryUsage([
        usage('old', { startedAt: '2024-04-30T23:59:59.999Z', rows: 1000 }),
        usage('a1', { rows: 5, bytes: 50, durationMs: 7, purpose: 'Churn', startedAt: '2024-05-01T00:00:00.000Z' }),
        usage('a2', {
          rows: 2 ** 33,
          bytes: 2 ** 45,
          durationMs: 3,
          purpose: 'Audit',
          agreementIds: [AGREEMENT_B, AGREEMENT_A],
          startedAt: '2024-05-03T10:00:00.000Z',
        }),
        usage('a3', { status: 'failed', errorCode: 'MW5016', rows: 0, bytes: 0, purpose: 'Churn' }),
        usage('a4', { status: 'cancelled', rows: 1, bytes: 8, agreementIds: [AGREEMENT_A] }),
        usage('b1', { principalId: 'ben', startedAt: '2024-05-02T08:00:00.000Z' }),
        usage('other', { productId: 'sales.returns', principalId: 'ben' }),
      ]);
      expect(await store.summarizeQueryUsage('sales.orders', '2024-05-01T00:00:00.000Z')).toEqual([
        {
          principalId: 'ana',
          queries: 4,
          failed: 1,
          cancelled: 1,
          rows: 2 ** 33 + 6,
          bytes: 2 ** 45 + 58,
          durationMs: 7 + 3 + 12 + 12,
          lastQueryAt: '2024-05-03T10:00:00.000Z',
          purposes: ['Audit', 'Churn'],
          agreementIds: [AGREEMENT_A, AGREEMENT_B],
        },
        {
          principalId: 'ben',
          queries: 1,
          failed: 0,
          cancelled: 0,
          rows: 10,
          bytes: 320,
          durationMs: 12,
          lastQueryAt: '2024-05-02T08:00:00.000Z',
          purposes: [],
          agreementIds: [],
        },
      ]);
      expect(await store.summarizeQueryUsage('sales.orders', new Date('2024-05-04T00:00:00.000Z'))).toEqual([]);
      expect(await store.summarizeQueryUsage('nothing.here', '2024-01-01')).toEqual([]);
    });

    it('refuses a batch with one invalid entry as a whole, lists without a filter and foreign cursors', async () => {
      const { store } = await stores.fresh();
      const bad: [Partial<QueryUsageInput>, RegExp][] = [
        [{ id: 'not-a-uuid' }, /usage\[1\]\.id must be a UUID/],
        [{ queryId: '' }, /queryId/],
        [{ principalId: '' }, /principalId/],
        [{ productId: ' ' }, /productId/],
        [{ ports: [] }, /ports/],
        [{ ports: [{ port: 'orders', major: -1 }] }, /major/],
        [{ agreementIds: ['x'] }, /agreementIds\[0\]/],
        [{ rows: -1 }, /rows/],
        [{ bytes: 1.5 }, /bytes/],
        [{ durationMs: Number.NaN }, /durationMs/],
        [{ status: 'running' as never }, /status/],
        [{ startedAt: 'yesterday' }, /startedAt/],
        [{ purpose: '' }, /purpose/],
      ];
      for (const [overrides, message] of bad) {
        await expect(
          store.recordQueryUsage([usage('fine'), usage('bad', overrides)]),
          JSON.stringify(overrides),
        ).rejects.toMatchObject({ code: 'MW6101', kind: 'input', message: expect.stringMatching(message) });
      }
      expect(await store.listQueryUsage({ principalId: 'ana' })).toEqual({ items: [] });
      await expect(store.listQueryUsage({})).rejects.toMatchObject({ code: 'MW6101' });

      await store.recordQueryUsage([usage(1), usage(2)]);
      const cursor = (await store.listQueryUsage({ productId: 'sales.orders', limit: 1 })).next;
      expect(cursor).toBeDefined();
      expect((await store.listQueryUsage({ principalId: 'ana', after: cursor })).items).toHaveLength(1);
      await store.upsertTeam({ id: 'a', name: 'A' });
      await store.upsertTeam({ id: 'b', name: 'B' });
      const teamCursor = (await store.listTeams({ limit: 1 })).next;
      await expect(store.listQueryUsage({ productId: 'sales.orders', after: teamCursor })).rejects.toMatchObject({
        code: 'MW6103',
      });
      await expect(store.listQueryUsage({ productId: 'sales.orders', limit: 1001 })).rejects.toMatchObject({
        code: 'MW6103',
      });
    });
  });
}
