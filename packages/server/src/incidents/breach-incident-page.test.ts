/**
 * The incident list from the store's breach index, on a real SQLite store: the same incidents as
 * deriving every product's whole history (incident-reader.ts) — on generated histories, for each
 * status filter and page size — hidden products skipped while a page fills, and the scan per
 * request capped with a cursor that continues.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMetadataStore } from '../metadata/create-metadata-store.js';
import type { MetadataStore } from '../metadata/metadata-store.js';
import type { ProductStatus } from '../metadata/product-status-types.js';
import { product } from '../metadata/test-support/metadata-fixtures.js';
import { breachIncidentPage, type BreachIncidentPageOptions } from './breach-incident-page.js';
import { incidentPage } from './incident-page.js';
import { listIncidents } from './incident-reader.js';
import type { Incident, IncidentStatus } from './incident-types.js';

const at = (minute: number, second = 0) => new Date(Date.UTC(2026, 0, 1, 0, minute, second)).toISOString();

let dir: string;
const opened: MetadataStore[] = [];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'meshwork-incidents-'));
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((store) => store.close()));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function newStore(ids: readonly string[]): Promise<MetadataStore> {
  const store = await createMetadataStore({ kind: 'sqlite', path: join(dir, `${randomUUID()}.db`) });
  opened.push(store);
  for (const id of ids) await store.upsertProduct(product(id));
  return store;
}

async function failRun(store: MetadataStore, productId: string, finishedAt: string): Promise<void> {
  const id = randomUUID();
  const finished = Date.parse(finishedAt);
  await store.createRun({
    id,
    productId,
    trigger: 'schedule',
    requestedBy: 'scheduler',
    startedAt: new Date(finished - 20_000),
  });
  await store.finishRun(id, {
    status: 'failed',
    finishedAt: new Date(finished),
    rowsIn: 1,
    rowsOut: 0,
    error: { code: 'MW8006', message: 'blocking contract checks failed' },
    steps: [],
    checks: [{ id: `quality:${productId}`, status: 'failed', blocking: true, message: 'failed' }],
    outputs: [],
  });
}

/** Every page of the list, as a client following `next` gets them. */
async function allPages(store: MetadataStore, options: Omit<BreachIncidentPageOptions, 'after'>) {
  const pages: (readonly Incident[])[] = [];
  let after: string | undefined;
  do {
    const page = await breachIncidentPage(store, { ...options, ...(after === undefined ? {} : { after }) });
    pages.push(page.items);
    after = page.next;
    if (pages.length > 10_000) throw new Error('the list never ended');
  } while (after !== undefined);
  return { pages, items: pages.flat() };
}

/** A small deterministic generator (mulberry32): the same histories on every run. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('the incident list from the breach index', () => {
  it('lists exactly the incidents that whole histories give, for every filter and page size', async () => {
    const ids = Array.from({ length: 14 }, (_, i) => `d${i % 4}.p${i}`);
    const hidden = 'd1.p5';
    const store = await newStore([...ids, 'x.only_stale']);
    const random = seeded(7);
    const statuses: ProductStatus[] = ['fresh', 'fresh', 'stale', 'failing', 'unknown'];
    for (let minute = 1; minute < 240; minute++) {
      for (const productId of ids) {
        if (random() > 0.12) continue;
        const status = statuses[Math.floor(random() * statuses.length)]!;
        // Most failing transitions follow a failed run; a few have none behind them.
        if (status === 'failing' && random() < 0.8) await failRun(store, productId, at(minute - 1, 30));
        // Now and then a run fails without a transition (the product already failing, or not).
        if (random() < 0.03) await failRun(store, productId, at(minute - 1, 10));
        await store.recordProductStatus({ productId, status, reason: `${status} at ${minute}`, at: at(minute) });
      }
    }
    // Failed runs, but never a failing status: whole histories count none of them.
    await store.recordProductStatus({ productId: 'x.only_stale', status: 'stale', reason: 'old', at: at(3) });
    await failRun(store, 'x.only_stale', at(4));
    await store.recordProductStatus({ productId: 'x.only_stale', status: 'fresh', reason: 'ok', at: at(5) });

    const visibleIds = [...ids, 'x.only_stale'].filter((id) => id !== hidden);
    const visible = (id: string) => id !== hidden;
    const everything = await listIncidents(store, visibleIds);
    expect(everything.filter((i) => i.status === 'open').length).toBeGreaterThan(2);
    expect(everything.filter((i) => i.status === 'resolved').length).toBeGreaterThan(50);
    expect(everything.some((i) => i.severity === 'medium' && i.failedRuns === 0)).toBe(true);
    expect(everything.some((i) => i.cause.run !== null && i.failedRuns > 1)).toBe(true);
    expect((await listIncidents(store, [hidden])).length).toBeGreaterThan(0);

    for (const status of [undefined, 'open', 'resolved'] as const) {
      const expected = await listIncidents(store, visibleIds, status);
      for (const limit of [1, 7, 100]) {
        const { pages, items } = await allPages(store, { visible, limit, ...(status && { status }) });
        expect(items, `status ${status ?? 'any'}, limit ${limit}`).toEqual(expected);
        // Full pages until the last one: hidden breaches never leave a page short.
        expect(pages.slice(0, -1).every((page) => page.length === limit)).toBe(true);
        // The same pages as the derived list gives.
        expect(pages[0]).toEqual(incidentPage(expected, limit).items);
      }
    }
  });

  it("fills a page across a hidden product's breaches, never showing them, and caps the scan", async () => {
    const store = await newStore(['sales.orders', 'secret.flaky']);
    const status = (productId: string, value: ProductStatus, minute: number) =>
      store.recordProductStatus({ productId, status: value, reason: value, at: at(minute) });
    for (const minute of [1, 3, 5]) {
      await status('sales.orders', 'stale', minute);
      await status('sales.orders', 'fresh', minute + 1);
    }
    // 40 newer incidents of a product the caller may not discover.
    for (let i = 0; i < 40; i++) {
      await status('secret.flaky', 'stale', 10 + 2 * i);
      await status('secret.flaky', 'fresh', 11 + 2 * i);
    }
    const visible = (id: string) => id !== 'secret.flaky';

    const first = await breachIncidentPage(store, { visible, limit: 2 });
    expect(first.items.map((i) => i.openedAt)).toEqual([at(5), at(3)]);
    const second = await breachIncidentPage(store, { visible, limit: 2, after: first.next! });
    expect(second.items.map((i) => i.openedAt)).toEqual([at(1)]);
    expect(second.next).toBeUndefined();

    // With a scan of 10 breaches per request, the first requests end early — empty, with a cursor.
    const capped = await breachIncidentPage(store, { visible, limit: 2, scanLimit: 10 });
    expect(capped).toEqual({ items: [], next: expect.any(String) });
    const { pages, items } = await allPages(store, { visible, limit: 2, scanLimit: 10 });
    expect(items.map((i) => [i.productId, i.openedAt])).toEqual([
      ['sales.orders', at(5)],
      ['sales.orders', at(3)],
      ['sales.orders', at(1)],
    ]);
    expect(pages.length).toBeGreaterThanOrEqual(4);
    // Everyone else sees the hidden product's incidents, newest first.
    const all = await breachIncidentPage(store, { visible: () => true, limit: 3 });
    expect(all.items.map((i) => [i.productId, i.openedAt])).toEqual([
      ['secret.flaky', at(88)],
      ['secret.flaky', at(86)],
      ['secret.flaky', at(84)],
    ]);
  });

  it('takes the cursors the derived list gives, and refuses others with MW8900', async () => {
    const store = await newStore(['sales.orders', 'sales.returns']);
    for (const [productId, minute] of [
      ['sales.orders', 1],
      ['sales.returns', 1],
      ['sales.orders', 4],
    ] as const) {
      await store.recordProductStatus({ productId, status: 'failing', reason: 'failed', at: at(minute) });
      await store.recordProductStatus({ productId, status: 'fresh', reason: 'ok', at: at(minute + 1) });
    }
    const visible = () => true;
    const derived = await listIncidents(store, ['sales.orders', 'sales.returns']);
    const page = incidentPage(derived, 2);
    const rest = await breachIncidentPage(store, { visible, limit: 10, after: page.next! });
    expect(rest.items).toEqual(derived.slice(2));
    const status: IncidentStatus = 'resolved';
    for (const after of [
      'bm9wZQ',
      Buffer.from('i1:soon|sales.orders').toString('base64url'),
      Buffer.from(`i1:${at(1)}|sales.orders|x`).toString('base64url'),
      // Digits past JavaScript's safe integers: this list's MW8900, not the store's code.
      Buffer.from(`i1:${at(1)}|sales.orders|9999999999999999`).toString('base64url'),
    ]) {
      await expect(breachIncidentPage(store, { visible, limit: 10, status, after })).rejects.toMatchObject({
        code: 'MW8900',
      });
    }
  });
});
