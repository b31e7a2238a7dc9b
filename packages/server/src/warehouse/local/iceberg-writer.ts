/**
 * Writing a table's Iceberg v2 files. A publish writes, before its pointer swap: the snapshot's
 * Avro manifest (its files ADDED, the parent's DELETED — a full refresh), its manifest list, and
 * the next `v<N>.metadata.json`. None of them is visible until the pointer names the metadata
 * file; a crash before leaves files that the next publish or recover() removes. After the swap:
 * `version-hint.text` (a hint: written atomically but not synced) and the removal of metadata
 * versions that fell out of `metadata-log`.
 */
import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { assignFieldIds, type AssignedSchema } from '../../iceberg/format/assign-field-ids.js';
import {
  encodeManifest,
  encodeManifestList,
  ENTRY_ADDED,
  ENTRY_DELETED,
  type ManifestEntry,
} from '../../iceberg/format/manifest-files.js';
import type { DataFileStats } from '../../iceberg/format/data-file-stats.js';
import { metadataWithSnapshot } from '../../iceberg/format/table-metadata-builder.js';
import { encodeTableMetadata } from '../../iceberg/format/table-metadata-json.js';
import type { IcebergTableMetadata } from '../../iceberg/table-metadata.js';
import type { ColumnSchema, SnapshotManifest } from '../snapshot-manifest.js';
import { writeFileAtomically, writeFilesDurably } from './durable-write.js';
import { isMissing, storageError } from './fs-guard.js';
import { listMetadataVersions, loggedVersions, type PointedMetadata } from './iceberg-reader.js';
import { fileUri, relativePath, type TablePaths } from './table-paths.js';

export interface IcebergVersion {
  /** The metadata file relative to the table folder, as the pointer records it. */
  readonly metadataFile: string;
  readonly version: number;
  readonly metadata: IcebergTableMetadata;
}

/** The Iceberg schema a publish of `columns` gets (MW8201 for a type Iceberg v2 cannot hold). */
export function snapshotSchema(
  previous: PointedMetadata | undefined,
  columns: readonly ColumnSchema[],
): AssignedSchema {
  return assignFieldIds(previous?.metadata, columns);
}

/** The next free version: above the pointer's and above any file a crashed writer left. */
export async function nextVersion(paths: TablePaths, current: number): Promise<number> {
  return Math.max(current, ...(await listMetadataVersions(paths))) + 1;
}

export interface IcebergSnapshotWrite {
  readonly paths: TablePaths;
  readonly manifest: SnapshotManifest;
  /** The snapshot being replaced: its files become DELETED entries. */
  readonly parent: SnapshotManifest | undefined;
  readonly previous: PointedMetadata | undefined;
  readonly schema: AssignedSchema;
  /** Column statistics of the snapshot's files, by their manifest path (iceberg-file-stats.ts). */
  readonly fileStats?: ReadonlyMap<string, DataFileStats>;
  readonly version: number;
  /** Run tag for temporary file names (see table-paths.ts). */
  readonly owner: string;
  readonly now: Date;
}

export async function writeIcebergSnapshot(write: IcebergSnapshotWrite): Promise<IcebergVersion> {
  const { paths, manifest, parent, schema, version } = write;
  const snapshotId = BigInt(manifest.snapshotId);
  const parentId = manifest.parentSnapshotId === null ? undefined : BigInt(manifest.parentSnapshotId);
  const dataUri = (path: string) => fileUri(join(paths.dir, ...path.split('/')));
  const entries: ManifestEntry[] = [
    ...manifest.files.map((file): ManifestEntry => ({
      status: ENTRY_ADDED,
      snapshotId,
      filePath: dataUri(file.path),
      sizeBytes: file.sizeBytes,
      rowCount: file.rowCount,
      stats: write.fileStats?.get(file.path),
    })),
    ...(parent?.files ?? []).map((file): ManifestEntry => ({
      status: ENTRY_DELETED,
      snapshotId,
      sequenceNumber: parent!.sequenceNumber,
      filePath: dataUri(file.path),
      sizeBytes: file.sizeBytes,
      rowCount: file.rowCount,
    })),
  ];
  const manifestFile = paths.manifestFile(manifest.snapshotId);
  const manifestBytes = encodeManifest(schema.schema, entries);
  const added = totals(manifest.files);
  const deleted = totals(parent?.files ?? []);
  const listFile = paths.manifestList(manifest.snapshotId);
  const listBytes = encodeManifestList(
    [
      {
        manifestPath: fileUri(manifestFile),
        manifestLength: manifestBytes.length,
        sequenceNumber: manifest.sequenceNumber,
        minSequenceNumber: manifest.sequenceNumber,
        addedSnapshotId: snapshotId,
        addedFiles: added.files,
        addedRows: added.rows,
        deletedFiles: deleted.files,
        deletedRows: deleted.rows,
      },
    ],
    { snapshotId, parentSnapshotId: parentId, sequenceNumber: manifest.sequenceNumber },
  );
  const metadata = metadataWithSnapshot(write.previous?.metadata, {
    location: fileUri(paths.dir),
    snapshotId,
    parentSnapshotId: parentId,
    sequenceNumber: manifest.sequenceNumber,
    timestampMs: Date.parse(manifest.createdAt),
    manifestList: fileUri(listFile),
    schema,
    summary: {
      operation: 'overwrite',
      'added-data-files': String(added.files),
      'deleted-data-files': String(deleted.files),
      'added-records': String(added.rows),
      'deleted-records': String(deleted.rows),
      'added-files-size': String(added.bytes),
      'removed-files-size': String(deleted.bytes),
      'total-data-files': String(added.files),
      'total-delete-files': '0',
      'total-records': String(added.rows),
      'total-files-size': String(added.bytes),
      'total-position-deletes': '0',
      'total-equality-deletes': '0',
      'meshwork.run-id': manifest.runId,
      'meshwork.contract-id': manifest.contract.id,
      'meshwork.contract-version': manifest.contract.version,
    },
    properties: {
      'meshwork.product-id': manifest.productId,
      'meshwork.port': manifest.port,
      'meshwork.major': String(manifest.major),
    },
    previousFile: write.previous === undefined ? undefined : fileUri(write.previous.file),
    nowMs: write.now.getTime(),
  });
  const metadataFile = paths.metadataFile(version);
  await writeFilesDurably(
    [
      { target: manifestFile, content: manifestBytes },
      { target: listFile, content: listBytes },
      { target: metadataFile, content: encodeTableMetadata(metadata) },
    ],
    write.owner,
  );
  return { metadataFile: relativePath(paths.dir, metadataFile), version, metadata };
}

/** A new metadata version (retention's), written durably; returns how the pointer names it. */
export async function writeMetadataVersion(
  paths: TablePaths,
  metadata: IcebergTableMetadata,
  version: number,
  owner: string,
): Promise<IcebergVersion> {
  const file = paths.metadataFile(version);
  await writeFilesDurably([{ target: file, content: encodeTableMetadata(metadata) }], owner);
  return { metadataFile: relativePath(paths.dir, file), version, metadata };
}

/**
 * After a pointer swap: the version hint, and removal of older metadata files the new metadata
 * no longer logs. Both are housekeeping — the snapshot is already published — so their
 * failures are left for the next publish or recover() to repair rather than reported.
 */
export async function afterMetadataCommit(paths: TablePaths, committed: IcebergVersion, owner: string): Promise<void> {
  await writeFileAtomically(paths.versionHint, `${committed.version}\n`, owner).catch(() => undefined);
  await removeUnloggedVersions(paths, committed.metadata, committed.version).catch(() => undefined);
}

/** Metadata files older than `version` (current) that `metadata` does not log. */
export async function removeUnloggedVersions(
  paths: TablePaths,
  metadata: IcebergTableMetadata,
  version: number,
): Promise<number[]> {
  const logged = new Set(loggedVersions(metadata));
  const removed: number[] = [];
  for (const old of await listMetadataVersions(paths)) {
    if (old >= version || logged.has(old)) continue;
    if (await removeFile(paths.metadataFile(old))) removed.push(old);
  }
  return removed;
}

/** Removes a file; false when it was already gone. */
export async function removeFile(path: string): Promise<boolean> {
  try {
    await unlink(path);
    return true;
  } catch (error) {
    if (isMissing(error)) return false;
    throw storageError(error, 'remove', path);
  }
}

function totals(files: readonly { sizeBytes: number; rowCount: number }[]) {
  return {
    files: files.length,
    rows: files.reduce((sum, file) => sum + file.rowCount, 0),
    bytes: files.reduce((sum, file) => sum + file.sizeBytes, 0),
  };
}
