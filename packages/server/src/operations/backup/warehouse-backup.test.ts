/**
 * What a warehouse backup copies from a real warehouse: published snapshots with their pointer,
 * manifests and metadata — never staging, temporaries or locks — and how it waits for a
 * product's lock while a run holds it (MW8317 past the wait).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccessWorkspace, type AccessWorkspace } from '../../agreements/test-support/access-workspace.js';
import { createLocalWarehouse, defaultWarehouseRoot } from '../../warehouse/local/create-local-warehouse.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import { publish } from '../test-support/served-mesh.js';
import { BackupWriter } from './backup-writer.js';
import { backupWarehouse } from './warehouse-backup.js';

const ORDERS = { productId: 'sales.orders', port: 'orders', major: 1 };
let workspace: AccessWorkspace;
let warehouse: Warehouse;
let scratch: string;

beforeAll(async () => {
  workspace = await createAccessWorkspace();
  await publish(workspace.root, ['sales.orders', 'sales.returns']);
  await publish(workspace.root, ['sales.orders']);
  warehouse = createLocalWarehouse({ root: defaultWarehouseRoot(workspace.root) });
  scratch = await mkdtemp(join(tmpdir(), 'meshwork-warehouse-backup-'));
});
afterAll(async () => {
  await workspace?.dispose();
  await rm(scratch, { recursive: true, force: true });
});

describe('warehouse backup', () => {
  it('copies published snapshots only, never staging, temporaries or locks', async () => {
    const lock = await warehouse.acquireProductLock('sales.orders', { runId: 'a run that dies' });
    const staged = await warehouse.stage({ ...ORDERS, runId: 'a run that dies' });
    await writeFile(join(staged.dataDir, 'part-00000.parquet'), 'never published');
    const metadata = join(defaultWarehouseRoot(workspace.root), 'sales/orders/orders/v1/metadata');
    await writeFile(join(metadata, '.current.json.tmp-0123456789abcdef-1'), 'a temporary');
    await lock.release();

    const writer = new BackupWriter(await mkdtemp(join(scratch, 'copy-')));
    const tables = await backupWarehouse(warehouse, writer);
    const published = (await warehouse.listSnapshots(ORDERS)).map((s) => s.snapshotId);
    expect(published).toHaveLength(2);
    expect(tables.map((t) => [t.productId, t.snapshots, t.snapshotId])).toEqual([
      ['sales.orders', 2, published[0]],
      [
        'sales.returns',
        1,
        (await warehouse.currentPointer({ ...ORDERS, productId: 'sales.returns', port: 'returns' }))!.snapshotId,
      ],
    ]);
    const paths = writer.files.map((f) => f.path);
    const table = 'warehouse/sales/orders/orders/v1';
    expect(paths[0]).toBe(`${table}/metadata/current.json`);
    for (const id of published) {
      expect(paths).toContain(`${table}/metadata/snap-${id}.json`);
      expect(paths.filter((p) => p.startsWith(`${table}/data/${id}/`)).length).toBeGreaterThan(0);
    }
    expect(paths.filter((p) => /\/\.|staging|\.lock/.test(p))).toEqual([]);
    expect(paths.some((p) => p.includes(staged.snapshotId))).toBe(false);
  });

  it('waits for a product a run is building, and gives up past the wait', async () => {
    const lock = await warehouse.acquireProductLock('sales.returns', { runId: 'a long run' });
    try {
      const writer = new BackupWriter(await mkdtemp(join(scratch, 'busy-')));
      await expect(backupWarehouse(warehouse, writer, { lockWaitMs: 0 })).rejects.toMatchObject({
        code: 'MW8317',
        message: expect.stringContaining('sales.returns was being built'),
      });
      const waiting = backupWarehouse(warehouse, new BackupWriter(await mkdtemp(join(scratch, 'wait-'))));
      await lock.release();
      expect((await waiting).map((t) => t.productId)).toEqual(['sales.orders', 'sales.returns']);
    } finally {
      await lock.release();
    }
  });
});
