/** A port version past its contract's endOfLife is no longer built, and readers asking for it are told so. */
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createMetadataStore, defaultSqlitePath } from '../metadata/create-metadata-store.js';
import type { MetadataStore } from '../metadata/metadata-store.js';
import { createTempWorkspace, type TempWorkspace } from '../test-support/temp-workspace.js';
import { createLocalWarehouse, defaultWarehouseRoot } from '../warehouse/local/create-local-warehouse.js';
import { loadWorkspaceFromDisk } from '../workspace/load-workspace-from-disk.js';
import { createRunEngine, type RunEngine } from './duckdb-session.js';
import { runProducts } from './run-products.js';

let ws: TempWorkspace;
let store: MetadataStore;
let engine: RunEngine;

beforeAll(async () => {
  ws = await createTempWorkspace([
    ['sales', 'orders'],
    ['finance', 'revenue', 'aggregate'],
  ]);
  await ws.edit('domains/sales/orders/orders.odcs.yaml', (t) =>
    t.replace('slaProperties:\n', "slaProperties:\n  - property: endOfLife\n    value: '2026-06-30'\n"),
  );
  await ws.edit('domains/finance/revenue/pipeline.yaml', (t) =>
    t.replace(
      'inputs:\n',
      'inputs:\n  - name: orders\n    kind: product\n    product: sales.orders\n    port: orders\n    majorVersion: 1\n',
    ),
  );
  store = await createMetadataStore({ kind: 'sqlite', path: defaultSqlitePath(ws.root) });
  engine = createRunEngine({ tempDirectory: join(ws.root, '.meshwork/tmp') });
});
afterAll(async () => {
  engine?.close();
  await store?.close();
  await ws?.dispose();
});

it('builds a port version until its endOfLife, and neither builds nor serves it after', async () => {
  const { model, diagnostics } = await loadWorkspaceFromDisk(ws.root, {});
  const warehouse = createLocalWarehouse({ root: defaultWarehouseRoot(ws.root) });
  const run = (day: string, ids: string[]) =>
    runProducts({ model, root: ws.root, store, warehouse, engine, clock: () => new Date(day) }, diagnostics, ids, {
      trigger: 'manual',
      requestedBy: 'test',
    });
  const table = { productId: 'sales.orders', port: 'orders', major: 1 };

  const before = await run('2026-06-01T00:00:00Z', ['sales.orders', 'finance.revenue']);
  expect(before.map((r) => r.outcome)).toEqual(['succeeded', 'succeeded']);
  const published = (await warehouse.current(table))!.snapshotId;

  const after = await run('2026-07-01T00:00:00Z', ['sales.orders', 'finance.revenue']);
  const [orders, revenue] = after;
  expect(orders!.outcome).toBe('succeeded');
  if (orders!.outcome !== 'skipped') expect(orders!.summary.outputs).toEqual([]);
  expect((await warehouse.current(table))!.snapshotId).toBe(published);
  expect(revenue!.outcome).toBe('failed');
  if (revenue!.outcome === 'failed') {
    expect(revenue!.summary.error).toMatchObject({
      code: 'MW8016',
      message: expect.stringContaining('retired on 2026-06-30'),
    });
  }
  const record = await store.getRun(orders!.outcome === 'skipped' ? '' : orders!.summary.runId);
  expect(record!.steps.map((s) => s.name)).toContain('retired:orders:v1');
});
