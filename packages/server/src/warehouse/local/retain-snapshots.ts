/**
 * Retention: which published snapshots may go, and removing them. The current snapshot and
 * referenced ones always stay. A snapshot goes only when it is expired by every rule given: beyond
 * the newest `keepLast` and created before `olderThan` — the way Iceberg's expire_snapshots
 * combines retain_last and older_than. The caller holds the product lock, so the current snapshot
 * cannot change underneath.
 *
 * Order, so that no reader is ever pointed at a removed file:
 *   1. a new Iceberg metadata version without the expired snapshots, and the pointer moved to it
 *      (same snapshot, same `updatedAt`) — Iceberg readers stop seeing them;
 *   2. per snapshot: its manifest (Meshwork readers stop seeing it), then its Iceberg files and
 *      data — each only when no kept snapshot references it (iceberg-removal.ts).
 */
import { InputError } from '@meshwork/core';
import { metadataWithoutSnapshots } from '../../iceberg/format/table-metadata-builder.js';
import { encodePointer } from '../manifest-json.js';
import type { SnapshotManifest } from '../snapshot-manifest.js';
import type { RetainOptions, TableRef, WarehouseFaults } from '../warehouse-types.js';
import { writeFileDurably } from './durable-write.js';
import { readPointedMetadata, referencedFiles } from './iceberg-reader.js';
import { removeIcebergFiles, removeUnreferencedData } from './iceberg-removal.js';
import { afterMetadataCommit, nextVersion, writeMetadataVersion } from './iceberg-writer.js';
import { removeManifest } from './snapshot-removal.js';
import { fileUri, type TablePaths } from './table-paths.js';
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

export interface RetainContext {
  readonly paths: TablePaths;
  readonly table: TableRef;
  readonly faults: WarehouseFaults | undefined;
  readonly now: Date;
  /** Run tag of the lock holder, for temporary file names. */
  readonly owner: string;
}

export async function retainSnapshots(context: RetainContext, options: RetainOptions): Promise<string[]> {
  const { paths, faults } = context;
  const pointer = await readPointer(paths);
  if (!pointer) return [];
  const published = await readPublished(paths, context.table);
  const expired: SnapshotManifest[] = [];
  for (const [index, manifest] of published.entries()) {
    if (manifest.snapshotId === pointer.snapshotId) continue;
    if (options.keepLast !== undefined && index < options.keepLast) continue;
    if (options.olderThan !== undefined && Date.parse(manifest.createdAt) >= options.olderThan.getTime()) continue;
    if (options.isReferenced && (await options.isReferenced(manifest.snapshotId))) continue;
    expired.push(manifest);
  }
  if (expired.length === 0) return [];

  const referenced = await expireFromMetadata(context, pointer, expired);
  const removed: string[] = [];
  for (const manifest of expired) {
    await removeManifest(paths, manifest.snapshotId);
    await faults?.afterStep?.('manifest-removed', manifest.snapshotId);
    await removeIcebergFiles(paths, manifest.snapshotId, referenced);
    await removeUnreferencedData(paths, manifest, referenced);
    removed.push(manifest.snapshotId);
  }
  return removed;
}

/**
 * Step 1: commits metadata without the expired snapshots (when it lists any); returns every file
 * the kept snapshots reference. Tables without Iceberg metadata yet reference nothing.
 */
async function expireFromMetadata(
  context: RetainContext,
  pointer: NonNullable<Awaited<ReturnType<typeof readPointer>>>,
  expired: readonly SnapshotManifest[],
): Promise<Set<string>> {
  const { paths } = context;
  const previous = await readPointedMetadata(paths, pointer);
  if (!previous) return new Set();
  const ids = new Set(expired.map((manifest) => BigInt(manifest.snapshotId)));
  const next = metadataWithoutSnapshots(previous.metadata, ids, fileUri(previous.file), context.now.getTime());
  if (!next) return referencedFiles(previous.metadata);
  const committed = await writeMetadataVersion(paths, next, await nextVersion(paths, previous.version), context.owner);
  await writeFileDurably(paths.current, encodePointer({ ...pointer, metadata: committed.metadataFile }), context.owner);
  await context.faults?.afterStep?.('expiry-committed', pointer.snapshotId);
  await afterMetadataCommit(paths, committed, context.owner);
  return referencedFiles(next);
}
