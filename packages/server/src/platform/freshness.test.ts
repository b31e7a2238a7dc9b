/** Freshness from snapshot times and the contract's frequency SLO, with history kept only on change. */
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { MeshModel } from '@meshwork/core';
import type { JsonValue } from '../metadata/canonical-json.js';
import { createMetadataStore, defaultSqlitePath } from '../metadata/create-metadata-store.js';
import type { MetadataStore } from '../metadata/metadata-store.js';
import { createRunEngine } from '../runtime/duckdb-session.js';
import { runProducts } from '../runtime/run-products.js';
import { createTempWorkspace, type TempWorkspace } from '../test-support/temp-workspace.js';
import { createLocalWarehouse, defaultWarehouseRoot } from '../warehouse/local/create-local-warehouse.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import { loadWorkspaceFromDisk } from '../workspace/load-workspace-from-disk.js';
import { evaluateFreshness } from './freshness.js';

let ws: TempWorkspace;
let store: MetadataStore;
let warehouse: Warehouse;
let model: MeshModel;

beforeAll(async () => {
  ws = await createTempWorkspace([
    ['sales', 'orders'],
    ['sales', 'refunds'],
  ]);
  const loaded = await loadWorkspaceFromDisk(ws.root, {});
  model = loaded.model;
  store = await createMetadataStore({ kind: 'sqlite', path: defaultSqlitePath(ws.root) });
  warehouse = createLocalWarehouse({ root: defaultWarehouseRoot(ws.root) });
  const engine = createRunEngine({ tempDirectory: join(ws.root, '.meshwork/tmp') });
  await runProducts({ model, root: ws.root, store, warehouse, engine }, loaded.diagnostics, 'all', {
    trigger: 'manual',
    requestedBy: 't',
  });
  engine.close();
});
afterAll(async () => {
  await store?.close();
  await ws?.dispose();
});

it('a product is fresh within its frequency SLO and stale after it; only changes are recorded', async () => {
  const now = Date.now();
  expect(await evaluateFreshness(model, store, warehouse, new Date(now))).toBe(0); // both were fresh after their runs
  // The scaffolded contract promises `frequency: 1 d`.
  expect(await evaluateFreshness(model, store, warehouse, new Date(now + 25 * 3_600_000))).toBe(2);
  expect(await store.getProductStatus('sales.orders')).toMatchObject({
    status: 'stale',
    reason: expect.stringMatching(/allowed 1440 min/),
  });
  expect(await evaluateFreshness(model, store, warehouse, new Date(now + 26 * 3_600_000))).toBe(0);
  const history = await store.listProductStatus('sales.orders');
  expect(history.items.map((h) => h.status)).toEqual(['stale', 'fresh']);
});

it('two servers evaluating at once record and announce each transition once between them', async () => {
  // The products are stale after the test above; both servers now find them fresh again.
  const other = await createMetadataStore({ kind: 'sqlite', path: defaultSqlitePath(ws.root) });
  try {
    const published: string[] = [];
    const events = {
      publish(type: string, data: JsonValue) {
        published.push(`${type} ${(data as { product: string }).product}`);
        return { id: type, type, occurredAt: '', data };
      },
    };
    const now = new Date();
    const changed = await Promise.all([
      evaluateFreshness(model, store, warehouse, now, events),
      evaluateFreshness(model, other, warehouse, now, events),
    ]);
    expect(changed[0] + changed[1]).toBe(2);
    expect(published.sort()).toEqual(['slo.restored sales.orders', 'slo.restored sales.refunds']);
    const audited = (await store.listAudit({ limit: 1000 })).items.filter((e) => e.action === 'slo.restored');
    expect(audited).toHaveLength(2);
    expect((await store.listProductStatus('sales.orders')).items.map((h) => h.status)).toEqual([
      'fresh',
      'stale',
      'fresh',
    ]);
  } finally {
    await other.close();
  }
});
