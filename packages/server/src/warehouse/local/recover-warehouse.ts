/**
 * Crash recovery: removes what writers that died left behind, and nothing else.
 *
 * - `.staging/<id>-<runTag>` whose run does not hold a live product lock;
 * - manifests that were never published (table-reader.ts), then their data;
 * - `data/<id>` folders without a manifest;
 * - Iceberg manifests and manifest lists of snapshots without a manifest (never a file the
 *   current Iceberg metadata references);
 * - Iceberg metadata versions above the pointer's that no live run is about to point at (a
 *   publish or retention that crashed before its pointer swap), and older versions the current
 *   metadata does not log; never the version the pointer names nor one it logs;
 * - hidden `*.tmp-*` files of runs that do not hold a live product lock.
 *
 * A stale `version-hint.text` is rewritten (while no run holds the lock).
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
  icebergSnapshotFileId,
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
import { isPublished, listFolder, listManifestIds, readIfExists, readManifest, readPointer } from './table-reader.js';
import { writeFileAtomically } from './durable-write.js';
import {
  listMetadataVersions,
  loggedVersions,
  pointerVersion,
  readPointedMetadata,
  referencedFiles,
} from './iceberg-reader.js';
import { removeFile } from './iceberg-writer.js';
import { decodeTableMetadata } from '../../iceberg/format/table-metadata-json.js';
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

  await recoverIceberg(paths, { claimed, writer, report });

  for (const name of await listFolder(paths.metadata)) {
    if (!isTemporaryName(name) || (await ownedByLiveRun(temporaryOwner(name)))) continue;
    await removeFolder(join(paths.metadata, name));
    report('temp', join(paths.metadata, name));
  }
  return removed;
}

interface RecoveryChecks {
  readonly claimed: (snapshotId: string) => Promise<boolean>;
  readonly writer: () => Promise<{ live: boolean }>;
  readonly report: (kind: RemovedItem['kind'], path: string) => void;
}

async function recoverIceberg(paths: TablePaths, checks: RecoveryChecks): Promise<void> {
  const pointer = await readPointer(paths).catch((error: unknown) => {
    if (isMeshworkError(error) && error.code === 'MW8104') return 'damaged' as const;
    throw error;
  });
  // With a damaged pointer nobody can tell referenced from not: keep everything.
  if (pointer === 'damaged') return;
  // A metadata file that is missing, unreadable or damaged: keep everything too.
  const current = await readPointedMetadata(paths, pointer).catch((error: unknown) => {
    if (isMeshworkError(error) && error.kind === 'unavailable') return 'damaged' as const;
    throw error;
  });
  if (current === 'damaged') return;

  // Avro files of snapshots that have no manifest: crashed publishes, interrupted retention.
  let referenced: Set<string> | undefined;
  for (const name of await listFolder(paths.metadata)) {
    const id = icebergSnapshotFileId(name);
    if (id === undefined || (await checks.claimed(id)) || (await pathExists(paths.manifest(id)))) continue;
    referenced ??= current ? await referencedFiles(current.metadata) : new Set();
    const file = join(paths.metadata, name);
    if (!referenced.has(file) && (await removeFile(file))) checks.report('metadata', file);
  }

  // Versions below the pointer's are never written again. One above it is a live writer's until
  // its pointer swap: a publish's names a snapshot its staging claims, a retention's names the
  // current snapshot while the retaining run holds the lock. Claim first, pointer second.
  const version = pointerVersion(pointer);
  const logged = new Set(current ? loggedVersions(current.metadata) : []);
  for (const candidate of await listMetadataVersions(paths)) {
    if (candidate === version || logged.has(candidate)) continue;
    const file = paths.metadataFile(candidate);
    if (candidate > version) {
      const named = await currentSnapshotOf(file);
      if (named === undefined || (await checks.claimed(named))) continue;
      const now = await readPointer(paths);
      if (pointerVersion(now) >= candidate) continue;
      if (named === now?.snapshotId && (await checks.writer()).live) continue;
    }
    if (await removeFile(file)) checks.report('metadata', file);
  }

  if (current && !(await checks.writer()).live) {
    const hint = await readIfExists(paths.versionHint);
    if (hint?.trim() !== String(version)) await writeFileAtomically(paths.versionHint, `${version}\n`);
  }
}

/** The snapshot a metadata file names as current; undefined when it cannot be read (then it is kept). */
async function currentSnapshotOf(file: string): Promise<string | undefined> {
  const text = await readIfExists(file);
  if (text === undefined) return undefined;
  try {
    const id = decodeTableMetadata(text, file)['current-snapshot-id'];
    return id === undefined ? undefined : id.toString();
  } catch (error) {
    if (isMeshworkError(error)) return undefined;
    throw error;
  }
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
