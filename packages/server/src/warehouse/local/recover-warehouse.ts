/**
 * Crash recovery: removes what writers that died left behind, and nothing else.
 *
 * - `.staging/<id>-<runTag>` whose run does not hold a live product lock;
 * - manifests that were never published (table-reader.ts), then their data;
 * - `data/<id>` folders without a manifest;
 * - hidden `*.tmp-*` files of runs that do not hold a live product lock.
 *
 * Safe to run while other processes write: what a live run is publishing is claimed by its
 * staging folder from stage() until after its pointer swap, and every decision re-reads the claim
 * first and the pointer/manifest second — in the order a live publish creates them — so a publish
 * that finishes during recovery is seen as finished. Published snapshots are never touched.
 */
import { readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { isMeshworkError } from '@meshwork/core';
import type { SnapshotManifest } from '../snapshot-manifest.js';
import type { RemovedItem, TableRef } from '../warehouse-types.js';
import { guard, isMissing, pathExists } from './fs-guard.js';
import { isHolderAlive } from './process-liveness.js';
import { parseLockRecord } from './lock-record.js';
import { liveHolder } from './product-lock.js';
import { removeData, removeFolder, removeManifest } from './snapshot-removal.js';
import {
  isTemporaryName,
  lockPath,
  LOCKS_FOLDER,
  parseStagingName,
  relativePath,
  runTag,
  tablePaths,
  temporaryOwner,
  type TablePaths,
} from './table-paths.js';
import { isPublished, listFolder, listManifestIds, readManifest, readPointer } from './table-reader.js';
import { walkTableFolders } from './table-walk.js';

/** A lock temp file nobody can read is an acquirer's half-written file only for a moment. */
const UNREADABLE_LOCK_TEMP_AGE_MS = 60_000;

export async function recoverWarehouse(root: string, now: Date): Promise<RemovedItem[]> {
  const removed: RemovedItem[] = [];
  for (const table of await walkTableFolders(root)) {
    removed.push(...(await recoverTable(root, table)));
  }
  removed.push(...(await recoverLockTemporaries(root, now)));
  return removed;
}

async function recoverTable(root: string, table: TableRef): Promise<RemovedItem[]> {
  const paths = tablePaths(root, table);
  const lockFile = lockPath(root, table.productId);
  const removed: RemovedItem[] = [];
  const report = (kind: RemovedItem['kind'], path: string) => removed.push({ kind, path: relativePath(root, path) });
  // Who writes this product now. An unreadable lock counts as a live writer we cannot name:
  // recovery then keeps everything of the table rather than guess.
  const writer = async (): Promise<{ live: boolean; tag?: string }> => {
    try {
      const holder = await liveHolder(lockFile);
      return holder ? { live: true, tag: runTag(holder.runId) } : { live: false };
    } catch (error) {
      if (isMeshworkError(error) && error.code === 'MW8105') return { live: true };
      throw error;
    }
  };
  /** Kept: what the live run owns, and while a run is live, anything whose owner is unknown. */
  const ownedByLiveRun = async (owner: string | undefined) => {
    const { live, tag } = await writer();
    return live && (tag === undefined || owner === undefined || owner === tag);
  };
  const claimed = async (snapshotId: string) => {
    for (const name of await listFolder(paths.staging)) {
      const staging = parseStagingName(name);
      if (staging?.snapshotId === snapshotId && (await ownedByLiveRun(staging.runTag))) return true;
    }
    return false;
  };

  for (const name of await listFolder(paths.staging)) {
    if (await ownedByLiveRun(parseStagingName(name)?.runTag)) continue;
    await removeFolder(join(paths.staging, name));
    report('staging', join(paths.staging, name));
  }

  for (const id of await listManifestIds(paths)) {
    const manifest = await readQuietly(paths, table, id);
    if (!manifest || (await claimed(id))) continue;
    const pointer = await readPointer(paths).catch((error: unknown) => {
      if (isMeshworkError(error) && error.code === 'MW8104') return 'damaged' as const;
      throw error;
    });
    // With a damaged pointer nobody can tell published from not: keep every manifest.
    if (pointer === 'damaged' || isPublished(manifest, pointer)) continue;
    await removeManifest(paths, id);
    report('manifest', paths.manifest(id));
    if (await pathExists(paths.data(id))) {
      await removeData(paths, id);
      report('data', paths.data(id));
    }
  }

  for (const id of await listFolder(paths.dataRoot)) {
    if (await claimed(id)) continue;
    if (await pathExists(paths.manifest(id))) continue;
    await removeData(paths, id);
    report('data', paths.data(id));
  }

  for (const name of await listFolder(paths.metadata)) {
    if (!isTemporaryName(name) || (await ownedByLiveRun(temporaryOwner(name)))) continue;
    await removeFolder(join(paths.metadata, name));
    report('temp', join(paths.metadata, name));
  }
  return removed;
}

/** Half-made locks (`.tmp-lock`) and locks moved aside in a takeover (`.tmp-stale`) of dead processes. */
async function recoverLockTemporaries(root: string, now: Date): Promise<RemovedItem[]> {
  const folder = join(root, LOCKS_FOLDER);
  const removed: RemovedItem[] = [];
  for (const name of await listFolder(folder)) {
    if (!isTemporaryName(name)) continue;
    const file = join(folder, name);
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) continue; // gone meanwhile
    const record = parseLockRecord(text);
    const abandoned = record
      ? !isHolderAlive(record)
      : now.getTime() - (await modifiedAt(file)) > UNREADABLE_LOCK_TEMP_AGE_MS;
    if (!abandoned) continue;
    await guard('remove', file, () => unlink(file)).catch((error: unknown) => {
      if (!isMissing(error)) throw error;
    });
    removed.push({ kind: 'temp', path: relativePath(root, file) });
  }
  return removed;
}

/** A manifest recovery cannot read is left for a person to look at, never deleted. */
async function readQuietly(paths: TablePaths, table: TableRef, id: string): Promise<SnapshotManifest | undefined> {
  try {
    return await readManifest(paths, table, id);
  } catch (error) {
    if (isMeshworkError(error) && error.code === 'MW8104') return undefined;
    throw error;
  }
}

async function modifiedAt(path: string): Promise<number> {
  return stat(path).then(
    (info) => info.mtimeMs,
    () => Date.now(),
  );
}
