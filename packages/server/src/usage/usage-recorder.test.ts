/**
 * The usage recorder against a real SQLite store: batches by size, by time and on close; one
 * retry with the same row ids; drops counted and logged without SQL; agreements attributed to
 * their own product.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { QueryUsage } from '../gateway/query-gateway.js';
import { createMetadataStore } from '../metadata/create-metadata-store.js';
import type { MetadataStore } from '../metadata/metadata-store.js';
import { product } from '../metadata/test-support/metadata-fixtures.js';
import { createUsageRecorder, type UsageRecorder } from './usage-recorder.js';

const stores: MetadataStore[] = [];
const recorders: UsageRecorder[] = [];
afterEach(async () => {
  await Promise.all(recorders.splice(0).map((r) => r.close()));
  await Promise.all(stores.splice(0).map((s) => s.close()));
});

async function openStore(): Promise<MetadataStore> {
  const store = await createMetadataStore({ kind: 'sqlite', path: ':memory:' });
  stores.push(store);
  return store;
}

function recorderFor(...args: Parameters<typeof createUsageRecorder>): UsageRecorder {
  const recorder = createUsageRecorder(...args);
  recorders.push(recorder);
  return recorder;
}

function query(overrides: Partial<QueryUsage> = {}): QueryUsage {
  return {
    principalId: 'ana',
    authenticatedBy: 'tok1234567890abc',
    products: ['sales.orders'],
    ports: [{ productId: 'sales.orders', port: 'orders', major: 1 }],
    agreementIds: [],
    rows: 3,
    bytes: 96,
    durationMs: 1.6,
    status: 'ok',
    startedAt: '2024-05-01T12:00:00.000Z',
    ...overrides,
  };
}

const ordersUsage = async (store: MetadataStore) =>
  (await store.listQueryUsage({ productId: 'sales.orders', limit: 1000 })).items;

describe('usage recorder', () => {
  it('writes a batch when it is full, another on close, and never makes record wait', async () => {
    const store = await openStore();
    const recorder = recorderFor({ store, batchSize: 3, flushIntervalMs: 60_000 });
    expect(recorder.record(query({ rows: 1 }))).toBeUndefined();
    recorder.record(query({ rows: 2 }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await ordersUsage(store)).toEqual([]);
    expect(recorder.stats()).toEqual({ recorded: 0, dropped: 0, skipped: 0, pending: 2 });

    recorder.record(query({ rows: 3 }));
    await vi.waitFor(async () => expect(await ordersUsage(store)).toHaveLength(3));
    recorder.record(query({ rows: 4, purpose: '  ', durationMs: 2.4 }));
    await recorder.close();
    const rows = await ordersUsage(store);
    expect(rows.map((u) => u.rows).sort()).toEqual([1, 2, 3, 4]);
    expect(rows.find((u) => u.rows === 4)).toMatchObject({ purpose: null, durationMs: 2, status: 'ok' });
    expect(recorder.stats()).toEqual({ recorded: 4, dropped: 0, skipped: 0, pending: 0 });

    recorder.record(query());
    expect(recorder.stats().dropped).toBe(1);
  });

  it('writes what waits after the flush interval', async () => {
    const store = await openStore();
    const recorder = recorderFor({ store, flushIntervalMs: 30 });
    recorder.record(query());
    await vi.waitFor(async () => expect(await ordersUsage(store)).toHaveLength(1), { timeout: 2000 });
    expect(recorder.stats()).toMatchObject({ recorded: 1, pending: 0 });
  });

  it('skips queries that read no product and splits multi-product queries, each with its own agreements', async () => {
    const store = await openStore();
    await store.upsertProduct(product('sales.orders'));
    await store.upsertProduct(product('sales.returns'));
    const agreement = (id: string, productId: string, port: string, purpose: string) =>
      store.createAgreement({
        id,
        principalId: 'ana',
        productId,
        port,
        major: 1,
        purpose,
        startsAt: '2024-01-01T00:00:00.000Z',
        endsAt: '2025-01-01T00:00:00.000Z',
      });
    const onOrders = await agreement('a0000000-0000-4000-8000-00000000000a', 'sales.orders', 'orders', 'Churn');
    const onReturns = await agreement('b0000000-0000-4000-8000-00000000000b', 'sales.returns', 'returns', 'Audit');
    const recorder = recorderFor({ store });
    recorder.record(query({ products: [], ports: [] }));
    recorder.record(
      query({
        products: ['sales.orders', 'sales.returns'],
        ports: [
          { productId: 'sales.orders', port: 'orders', major: 1 },
          { productId: 'sales.returns', port: 'returns', major: 1 },
          { productId: 'sales.orders', port: 'orders', major: 1 },
        ],
        agreementIds: [onReturns.id, onOrders.id],
        status: 'failed',
        errorCode: 'MW5012',
      }),
    );
    recorder.record(query({ agreementIds: [onOrders.id], purpose: 'Stated for this query' }));
    await recorder.flush();
    expect(recorder.stats()).toEqual({ recorded: 2, dropped: 0, skipped: 1, pending: 0 });

    const [stated, joined] = await ordersUsage(store).then((rows) =>
      [...rows].sort((a, b) => (a.purpose! < b.purpose! ? 1 : -1)),
    );
    const [returns] = (await store.listQueryUsage({ productId: 'sales.returns' })).items;
    expect(joined).toMatchObject({
      ports: [{ port: 'orders', major: 1 }],
      agreementIds: [onOrders.id],
      purpose: 'Churn',
      status: 'failed',
      errorCode: 'MW5012',
    });
    expect(returns).toMatchObject({
      queryId: joined!.queryId,
      ports: [{ port: 'returns', major: 1 }],
      agreementIds: [onReturns.id],
      purpose: 'Audit',
    });
    expect(stated).toMatchObject({ purpose: 'Stated for this query', agreementIds: [onOrders.id] });
    expect(stated!.queryId).not.toBe(joined!.queryId);
  });

  it('retries a failed batch once with the same ids, so a lost acknowledgement does not count twice', async () => {
    const store = await openStore();
    const log: [string, Record<string, unknown>][] = [];
    let calls = 0;
    const recorder = recorderFor({
      store: {
        getAgreement: (id) => store.getAgreement(id),
        // The first write commits, then its acknowledgement is lost.
        recordQueryUsage: async (entries) => {
          calls += 1;
          const written = await store.recordQueryUsage(entries);
          if (calls === 1) throw new Error('connection reset after commit: insert into "query_usage" values (...)');
          return written;
        },
      },
      log: (message, fields) => log.push([message, fields]),
      retryDelayMs: 1,
    });
    recorder.record(query());
    recorder.record(query({ principalId: 'ben' }));
    await recorder.close();
    expect(calls).toBe(2);
    expect(await ordersUsage(store)).toHaveLength(2);
    expect(recorder.stats()).toMatchObject({ recorded: 2, dropped: 0 });
    expect(log).toEqual([['usage write failed', { error: 'Error', queries: 2, attempt: 1 }]]);
  });

  it('drops a batch refused twice, counting it and logging codes without SQL', async () => {
    const store = await openStore();
    await store.close();
    stores.length = 0;
    const log: [string, Record<string, unknown>][] = [];
    const recorder = recorderFor({ store, log: (message, fields) => log.push([message, fields]), retryDelayMs: 1 });
    recorder.record(query());
    recorder.record(query());
    recorder.record(query({ products: [] }));
    await recorder.flush();
    expect(recorder.stats()).toEqual({ recorded: 0, dropped: 2, skipped: 1, pending: 0 });
    expect(log.map(([message]) => message)).toEqual([
      'usage write failed',
      'usage write failed',
      'usage entries dropped',
    ]);
    expect(log[2]![1]).toMatchObject({ code: 'MW5303', queries: 2, droppedTotal: 2 });
    expect(JSON.stringify(log)).not.toMatch(/insert|query_usage|select/i);
  });

  it('bounds the buffer while writes fail, dropping and counting what does not fit', async () => {
    const store = await openStore();
    let release: () => void = () => undefined;
    const blocked = new Promise<void>((resolve) => (release = resolve));
    const recorder = recorderFor({
      store: {
        getAgreement: (id) => store.getAgreement(id),
        recordQueryUsage: async (entries) => {
          await blocked;
          return store.recordQueryUsage(entries);
        },
      },
      batchSize: 2,
      maxPending: 4,
    });
    // The first full batch is taken by a write that hangs; four more fit in the buffer.
    recorder.record(query({ rows: 0 }));
    recorder.record(query({ rows: 1 }));
    await vi.waitFor(() => expect(recorder.stats().pending).toBe(0));
    for (let i = 2; i < 10; i++) recorder.record(query({ rows: i }));
    expect(recorder.stats()).toMatchObject({ pending: 4, dropped: 4 });
    release();
    await recorder.close();
    expect(recorder.stats()).toEqual({ recorded: 6, dropped: 4, skipped: 0, pending: 0 });
    expect(await ordersUsage(store)).toHaveLength(6);
  });
});
