/**
 * A full disk during a run is a run failure naming the path — and the previous snapshot, on a
 * healthy disk before, keeps serving. Uses a real 1 MiB tmpfs (needs root, as CI has).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { componentAvailable } from '../../../../test-support/components.js';
import { createMetadataStore, defaultSqlitePath } from '../metadata/create-metadata-store.js';
import type { MetadataStore } from '../metadata/metadata-store.js';
import { createTempWorkspace, type TempWorkspace } from '../test-support/temp-workspace.js';
import { createLocalWarehouse } from '../warehouse/local/create-local-warehouse.js';
import { loadWorkspaceFromDisk } from '../workspace/load-workspace-from-disk.js';
import { createRunEngine, type RunEngine } from './duckdb-session.js';
import { runProducts } from './run-products.js';

let ws: TempWorkspace;
let store: MetadataStore;
let engine: RunEngine;
let mounted = false;
let tiny = '';

function tryMount(dir: string): boolean {
  try {
    mkdirSync(dir, { recursive: true });
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

beforeAll(async () => {
  ws = await createTempWorkspace([['sales', 'orders']]);
  tiny = join(ws.root, '..', 'tiny-disk');
  mounted = tryMount(tiny);
  store = await createMetadataStore({ kind: 'sqlite', path: defaultSqlitePath(ws.root) });
  engine = createRunEngine({ tempDirectory: join(ws.root, '.meshwork/tmp') });
});
afterAll(async () => {
  engine?.close();
  await store?.close();
  if (mounted) execFileSync('umount', [tiny]);
  await ws?.dispose();
});

const available = componentAvailable(
  'a mountable tmpfs (root)',
  process.getuid?.() === 0,
  'run the tests as root to simulate a full disk',
);

it.skipIf(!available)(
  'fails the run with the path when the warehouse disk is full; nothing half-written is visible',
  async () => {
    expect(mounted).toBe(true);
    // Enough rows that the Parquet file cannot fit in 1 MiB.
    await ws.write(
      'domains/sales/orders/orders.sql',
      "SELECT md5(CAST(range AS VARCHAR)) AS id, md5('n' || range) AS name, CAST(range % 1000 AS DECIMAL(12,2)) AS amount, DATE '2026-01-01' AS created_on FROM range(200000)",
    );
    const { model, diagnostics } = await loadWorkspaceFromDisk(ws.root, {});
    const warehouse = createLocalWarehouse({ root: join(tiny, 'warehouse') });
    const [result] = await runProducts(
      { model, root: ws.root, store, warehouse, engine },
      diagnostics,
      ['sales.orders'],
      {
        trigger: 'manual',
        requestedBy: 'test',
      },
    );
    expect(result!.outcome).toBe('failed');
    if (result!.outcome === 'failed') {
      expect(result!.summary.error!.code).toMatch(/^MW(8009|8103)$/);
      expect(result!.summary.error!.message).toContain(tiny);
    }
    expect(await warehouse.current({ productId: 'sales.orders', port: 'orders', major: 1 })).toBeUndefined();
    expect(await warehouse.listSnapshots({ productId: 'sales.orders', port: 'orders', major: 1 })).toEqual([]);
  },
);
