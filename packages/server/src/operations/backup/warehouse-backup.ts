/**
 * The warehouse into a backup: for every table with a current snapshot, its published folder —
 * the pointer, the manifests of published snapshots, every other metadata file (Iceberg
 * metadata, manifest lists, version hint), and the data of published snapshots — never
 * `.staging`, temporaries, locks, or leftovers of unpublished snapshots.
 *
 * Consistency: each product's tables are copied while holding the product's lock, the one
 * every run needs to publish or remove snapshots, so nothing moves during the copy; the
 * pointer is copied first all the same. The metadata store is backed up before the
 * warehouse: every snapshot a stored run names was published before the store copy, and
 * snapshots are immutable, so it is in the warehouse copy unless retention removed it
 * (as it may at any time).
 */
import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { ConflictError, isMeshworkError } from '@meshwork/core';
import { manifestSnapshotId, tablePaths } from '../../warehouse/local/table-paths.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import type { ProductLock, TableRef } from '../../warehouse/warehouse-types.js';
import type { BackupTable } from './backup-manifest.js';
import type { BackupWriter } from './backup-writer.js';

export const WAREHOUSE_FOLDER = 'warehouse';

export interface WarehouseBackupOptions {
  /** How long to wait for a product's lock while a run holds it (default 10 minutes). */
  readonly lockWaitMs?: number;
  readonly onTable?: (table: BackupTable) => void;
}

export async function backupWarehouse(
  warehouse: Warehouse,
  writer: BackupWriter,
  options: WarehouseBackupOptions = {},
): Promise<BackupTable[]> {
  const byProduct = new Map<string, TableRef[]>();
  for (const table of await warehouse.listTables()) {
    byProduct.set(table.productId, [...(byProduct.get(table.productId) ?? []), table]);
  }
  const copied: BackupTable[] = [];
  const owner = `backup ${randomUUID()}`;
  for (const [productId, tables] of byProduct) {
    const lock = await lockProduct(warehouse, productId, owner, options.lockWaitMs ?? 600_000);
    try {
      for (const table of tables) {
        const entry = await copyTable(warehouse, table, writer);
        if (!entry) continue;
        copied.push(entry);
        options.onTable?.(entry);
      }
    } finally {
      await lock.release();
    }
  }
  return copied;
}

async function copyTable(
  warehouse: Warehouse,
  table: TableRef,
  writer: BackupWriter,
): Promise<BackupTable | undefined> {
  const paths = tablePaths(warehouse.location, table);
  const pointer = await warehouse.currentPointer(table);
  if (!pointer) return undefined;
  const published = new Set((await warehouse.listSnapshots(table)).map((s) => s.snapshotId));
  const folder = (path: string) => `${WAREHOUSE_FOLDER}/${relative(warehouse.location, path).split(sep).join('/')}`;
  // The pointer first: whatever follows is what it needs.
  await writer.copy(folder(paths.current), paths.current);
  for (const file of await filesUnder(paths.metadata)) {
    const path = join(paths.metadata, file);
    if (path === paths.current) continue;
    const snapshotId = manifestSnapshotId(file);
    if (snapshotId !== undefined && !published.has(snapshotId)) continue;
    await writer.copy(folder(path), path);
  }
  for (const snapshotId of published) {
    const data = paths.data(snapshotId);
    for (const file of await filesUnder(data)) await writer.copy(folder(join(data, file)), join(data, file));
  }
  return { ...table, snapshotId: pointer.snapshotId, snapshots: published.size };
}

/** Regular files below `folder`, relative to it; hidden names (temporaries) are skipped. */
async function filesUnder(folder: string): Promise<string[]> {
  const found: string[] = [];
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return found;
    throw error;
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    if (entry.isDirectory()) {
      for (const inner of await filesUnder(join(folder, entry.name))) found.push(join(entry.name, inner));
    } else if (entry.isFile()) found.push(entry.name);
  }
  return found;
}

async function lockProduct(
  warehouse: Warehouse,
  productId: string,
  runId: string,
  waitMs: number,
): Promise<ProductLock> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      return await warehouse.acquireProductLock(productId, { runId });
    } catch (error) {
      if (!isMeshworkError(error) || error.code !== 'MW8105') throw error;
      if (Date.now() >= deadline) {
        throw new ConflictError(
          'MW8317',
          `${productId} was being built during the whole wait for its lock (${error.message}); back up again when the run has finished`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
