/**
 * The publish protocol, in the order that keeps a crash at any point harmless:
 *
 *   checks    lock held by the run, still staged, current pointer == expected parent, files valid,
 *             every column type has an Iceberg v2 type (MW8201), every file's Parquet footer read
 *             (the column statistics of the Iceberg manifest; MW8109 when unreadable)
 *   1. rename .staging/<sid>/data → data/<id>       invisible: no manifest, claimed by the staging
 *   2. write metadata/snap-<id>.json (temp+fsync+rename)   invisible: sequence number above current
 *   3. write the Iceberg manifest, manifest list and v<N+1>.metadata.json   invisible: not pointed at
 *   4. write the new pointer (snapshot + metadata file) to a temporary file (fsync)
 *   5. rename it over metadata/current.json        ← the one moment the snapshot becomes visible,
 *                                                     to Meshwork and Iceberg readers alike
 *   6. version-hint.text, old metadata versions out of metadata-log removed, staging folder removed
 *
 * Before step 1, what crashed publishes left (manifests above the current sequence number, their
 * data and Iceberg files, metadata versions above the pointer's) is removed, so that no
 * unpublished manifest can ever sink below the current one (table-reader.ts).
 */
import { mkdir, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ConflictError } from '@meshwork/core';
import { assertPublishInput } from '../publish-input-validation.js';
import { MANIFEST_FORMAT_VERSION, type CurrentPointer, type SnapshotManifest } from '../snapshot-manifest.js';
import { tableLabel } from '../table-ref.js';
import type { PublishInput, StagedSnapshot, TableRef, WarehouseFaults } from '../warehouse-types.js';
import { encodeManifest, encodePointer } from '../manifest-json.js';
import { commitFile, prepareFile, syncFolder, writeFileDurably } from './durable-write.js';
import { guard, isMissing, storageError } from './fs-guard.js';
import { assertLockHeld } from './product-lock.js';
import { removeData, removeFolder, removeManifest } from './snapshot-removal.js';
import { collectStagedFiles } from './staged-files.js';
import { relativePath, runTag, type TablePaths } from './table-paths.js';
import { isPublished, listManifestIds, readManifest, readPointer } from './table-reader.js';
import { listMetadataVersions, pointerVersion, readPointedMetadata } from './iceberg-reader.js';
import { readDataFileStats } from './iceberg-file-stats.js';
import { removeIcebergFiles } from './iceberg-removal.js';
import {
  afterMetadataCommit,
  nextVersion,
  removeFile,
  snapshotSchema,
  writeIcebergSnapshot,
} from './iceberg-writer.js';

export interface PublishContext {
  readonly paths: TablePaths;
  readonly lockFile: string;
  readonly stagingDir: string;
  readonly now: Date;
  readonly faults: WarehouseFaults | undefined;
}

export async function publishSnapshot(
  context: PublishContext,
  staged: StagedSnapshot,
  input: PublishInput,
  expectedParent: string | null,
): Promise<SnapshotManifest> {
  const { paths, faults } = context;
  const { snapshotId, table } = staged;
  assertPublishInput(input);
  await assertLockHeld(context.lockFile, table.productId, staged.runId);
  await assertStillStaged(staged, context.stagingDir);

  const pointer = await readPointer(paths);
  const current = pointer?.snapshotId ?? null;
  if (current !== expectedParent) {
    throw new ConflictError(
      'MW8107',
      `Cannot publish snapshot ${snapshotId} of ${tableLabel(table)}: the current snapshot is ${current ?? 'none'}, expected ${expectedParent ?? 'none'}.`,
    );
  }
  const previous = await readPointedMetadata(paths, pointer);
  const schema = snapshotSchema(previous, input.schema);
  const files = await collectStagedFiles(staged.dataDir, input.rowCount, input.fileRowCounts);
  const stats = await readDataFileStats(
    schema.schema,
    files.map((file) => join(staged.dataDir, file.path)),
  );
  const sequenceNumber = (pointer?.sequenceNumber ?? 0) + 1;
  const version = await nextVersion(paths, pointerVersion(pointer));
  await removeUnpublished(paths, table, pointer);

  const target = paths.data(snapshotId);
  await guard('create', paths.dataRoot, () => mkdir(paths.dataRoot, { recursive: true }));
  await guard('move', target, () => rename(staged.dataDir, target));
  await syncFolder(paths.dataRoot);
  await faults?.afterStep?.('data-moved', snapshotId);

  const manifest: SnapshotManifest = {
    formatVersion: MANIFEST_FORMAT_VERSION,
    snapshotId,
    parentSnapshotId: current,
    sequenceNumber,
    productId: table.productId,
    port: table.port,
    major: table.major,
    runId: staged.runId,
    createdAt: context.now.toISOString(),
    contract: { id: input.contract.id, version: input.contract.version },
    schema: input.schema.map(({ name, type, nullable }) => ({ name, type, nullable })),
    rowCount: input.rowCount,
    files: files.map((file) => ({ ...file, path: relativePath(paths.dir, join(target, file.path)) })),
    columnStats: input.columnStats.map((stats) => ({ ...stats })),
    checks: { passed: input.checks.passed, failed: input.checks.failed, warnings: input.checks.warnings },
    ...(input.profile === undefined ? {} : { profile: input.profile.map((entry) => ({ ...entry })) }),
    ...(input.audit === undefined ? {} : { audit: input.audit }),
  };
  const owner = runTag(staged.runId);
  await writeFileDurably(paths.manifest(snapshotId), encodeManifest(manifest), owner);
  await faults?.afterStep?.('manifest-written', snapshotId);

  const parent = current === null ? undefined : await readManifest(paths, table, current);
  const iceberg = await writeIcebergSnapshot({
    paths,
    manifest,
    parent,
    previous,
    schema,
    fileStats: new Map(manifest.files.map((file, index) => [file.path, stats[index]!])),
    version,
    owner,
    now: context.now,
  });
  await faults?.afterStep?.('metadata-written', snapshotId);

  const next = encodePointer({
    snapshotId,
    sequenceNumber,
    updatedAt: manifest.createdAt,
    metadata: iceberg.metadataFile,
  });
  const prepared = await prepareFile(paths.current, next, owner);
  await faults?.afterStep?.('pointer-prepared', snapshotId);
  await commitFile(prepared, paths.current);
  await faults?.afterStep?.('pointer-swapped', snapshotId);

  await afterMetadataCommit(paths, iceberg, owner);
  await removeFolder(context.stagingDir);
  return manifest;
}

/** The staging folder and its data folder must still be there: not published, aborted or recovered. */
async function assertStillStaged(staged: StagedSnapshot, stagingDir: string): Promise<void> {
  try {
    const info = await stat(staged.dataDir);
    if (info.isDirectory() && staged.dataDir.startsWith(stagingDir)) return;
  } catch (error) {
    if (!isMissing(error)) throw storageError(error, 'read', staged.dataDir);
  }
  throw new ConflictError(
    'MW8108',
    `Snapshot ${staged.snapshotId} of ${tableLabel(staged.table)} is not staged (already published, aborted or recovered).`,
  );
}

/**
 * What crashed publishes left: manifests at or above the current sequence number with their data
 * and Iceberg files, and metadata versions above the pointer's. The caller holds the lock.
 */
async function removeUnpublished(
  paths: TablePaths,
  table: TableRef,
  pointer: CurrentPointer | undefined,
): Promise<void> {
  for (const id of await listManifestIds(paths)) {
    const manifest = await readManifest(paths, table, id);
    if (manifest && !isPublished(manifest, pointer)) {
      await removeManifest(paths, id);
      await removeIcebergFiles(paths, id, new Set());
      await removeData(paths, id);
    }
  }
  const current = pointerVersion(pointer);
  for (const version of await listMetadataVersions(paths)) {
    if (version > current) await removeFile(paths.metadataFile(version));
  }
}
