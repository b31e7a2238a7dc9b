/**
 * Removing one snapshot: manifest first, then data. The manifest is the snapshot's existence —
 * once it is gone nobody can list or open the snapshot — so a crash between the two steps leaves
 * only a data folder without a manifest, which recover() removes. The other order would leave,
 * for a while or after a crash, a listed snapshot whose files are gone.
 */
import { rm, unlink } from 'node:fs/promises';
import { guard, isMissing, storageError } from './fs-guard.js';
import { syncFolder } from './durable-write.js';
import type { TablePaths } from './table-paths.js';

export async function removeManifest(paths: TablePaths, snapshotId: string): Promise<boolean> {
  const file = paths.manifest(snapshotId);
  try {
    await unlink(file);
  } catch (error) {
    if (isMissing(error)) return false;
    throw storageError(error, 'remove', file);
  }
  await syncFolder(paths.metadata);
  return true;
}

export async function removeData(paths: TablePaths, snapshotId: string): Promise<void> {
  const folder = paths.data(snapshotId);
  await guard('remove', folder, () => rm(folder, { recursive: true, force: true }));
}

export async function removeFolder(folder: string): Promise<void> {
  await guard('remove', folder, () => rm(folder, { recursive: true, force: true }));
}
