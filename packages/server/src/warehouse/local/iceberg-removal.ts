/**
 * Removing a snapshot's Iceberg files (its manifest list and manifests, named after it), and its
 * data, except what a kept snapshot still references. Snapshots never share files in this layout,
 * so `referenced` normally spares nothing; it is the guard that keeps it so.
 */
import { join } from 'node:path';
import type { SnapshotManifest } from '../snapshot-manifest.js';
import { syncFolder } from './durable-write.js';
import { removeFile } from './iceberg-writer.js';
import { removeData } from './snapshot-removal.js';
import { icebergSnapshotFileId, type TablePaths } from './table-paths.js';
import { listFolder } from './table-reader.js';

/** Removes the snapshot's Avro files not in `referenced` (absolute paths); returns those removed. */
export async function removeIcebergFiles(
  paths: TablePaths,
  snapshotId: string,
  referenced: ReadonlySet<string>,
): Promise<string[]> {
  const removed: string[] = [];
  for (const name of await listFolder(paths.metadata)) {
    const file = join(paths.metadata, name);
    if (icebergSnapshotFileId(name) !== snapshotId || referenced.has(file)) continue;
    if (await removeFile(file)) removed.push(file);
  }
  if (removed.length > 0) await syncFolder(paths.metadata);
  return removed;
}

/** Removes the snapshot's data folder, or only its unreferenced files when a kept snapshot uses some. */
export async function removeUnreferencedData(
  paths: TablePaths,
  manifest: SnapshotManifest,
  referenced: ReadonlySet<string>,
): Promise<void> {
  const files = manifest.files.map((file) => join(paths.dir, ...file.path.split('/')));
  if (!files.some((file) => referenced.has(file))) {
    await removeData(paths, manifest.snapshotId);
    return;
  }
  for (const file of files) if (!referenced.has(file)) await removeFile(file);
}
