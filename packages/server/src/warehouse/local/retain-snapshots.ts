/**
 * Retention: which published snapshots may go, and removing them one at a time (manifest, then
 * data; see snapshot-removal.ts). The current snapshot and referenced ones always stay. A snapshot
 * goes only when it is expired by every rule given: beyond the newest `keepLast` and created
 * before `olderThan` — the way Iceberg's expire_snapshots combines retain_last and older_than.
 * The caller holds the product lock, so the current snapshot cannot change underneath.
 */
import { InputError } from '@meshwork/core';
import type { RetainOptions, TableRef, WarehouseFaults } from '../warehouse-types.js';
import { removeData, removeManifest } from './snapshot-removal.js';
import type { TablePaths } from './table-paths.js';
import { readPointer, readPublished } from './table-reader.js';

export function assertRetainOptions(options: RetainOptions): void {
  const { keepLast, olderThan } = options;
  const badKeep = keepLast !== undefined && (!Number.isSafeInteger(keepLast) || keepLast < 1);
  const badDate = olderThan !== undefined && (!(olderThan instanceof Date) || Number.isNaN(olderThan.getTime()));
  if (badKeep || badDate || (keepLast === undefined && olderThan === undefined)) {
    throw new InputError(
      'MW8112',
      `Invalid retention options: keepLast ${JSON.stringify(keepLast)}, olderThan ${String(olderThan)}; give keepLast ≥ 1, olderThan, or both.`,
    );
  }
}

export async function retainSnapshots(
  paths: TablePaths,
  table: TableRef,
  options: RetainOptions,
  faults: WarehouseFaults | undefined,
): Promise<string[]> {
  const pointer = await readPointer(paths);
  if (!pointer) return [];
  const published = await readPublished(paths, table);
  const removed: string[] = [];
  for (const [index, manifest] of published.entries()) {
    if (manifest.snapshotId === pointer.snapshotId) continue;
    if (options.keepLast !== undefined && index < options.keepLast) continue;
    if (options.olderThan !== undefined && Date.parse(manifest.createdAt) >= options.olderThan.getTime()) continue;
    if (options.isReferenced && (await options.isReferenced(manifest.snapshotId))) continue;
    await removeManifest(paths, manifest.snapshotId);
    await faults?.afterStep?.('manifest-removed', manifest.snapshotId);
    await removeData(paths, manifest.snapshotId);
    removed.push(manifest.snapshotId);
  }
  return removed;
}
