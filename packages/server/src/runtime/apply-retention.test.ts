/** Snapshots past the contract's retention are removed after a publish — never the current one nor the newest two. */
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
  ws = await createTempWorkspace([['sales', 'orders']]);
  store = await createMetadataStore({ kind: 'sqlite', path: defaultSqlitePath(ws.root) });
  engine = createRunEngine({ tempDirectory: join(ws.root, '.meshwork/tmp') });
});
afterAll(async () => {
  engine?.close();
  await store?.close();
  await ws?.dispose();
});

it('expires snapshots older than the retention SLO, keeping the current and the previous one', async () => {
  // The scaffolded contract says `retention: 30 d`.
  let clock = new Date('2026-01-01T00:00:00Z');
  const now = () => clock;
  const warehouse = createLocalWarehouse({ root: defaultWarehouseRoot(ws.root), now });
  const { model, diagnostics } = await loadWorkspaceFromDisk(ws.root, {});
  const table = { productId: 'sales.orders', port: 'orders', major: 1 };
  const ids: string[] = [];
  for (const day of [0, 20, 40, 60]) {
    clock = new Date(Date.UTC(2026, 0, 1 + day));
    const [result] = await runProducts(
      { model, root: ws.root, store, warehouse, engine, clock: now },
      diagnostics,
      ['sales.orders'],
      {
        trigger: 'manual',
        requestedBy: 'test',
      },
    );
    expect(result?.outcome).toBe('succeeded');
    ids.push((await warehouse.current(table))!.snapshotId);
  }
  // Day 60: day 0 and day 20 are older than 30 days; the newest two (40, 60) are kept regardless.
  const kept = (await warehouse.listSnapshots(table)).map((s) => s.snapshotId);
  expect(kept).toEqual([ids[3], ids[2]]);
  const audit = await store.listAudit({ limit: 100 });
  expect(audit.items.filter((e) => e.action === 'snapshots.expired').length).toBeGreaterThan(0);
});
