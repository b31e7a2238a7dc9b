/**
 * Reading a table's metadata: the pointer, the manifests, and which manifests are published.
 *
 * A manifest is published when it is the current snapshot or older than it (a lower sequence
 * number). A manifest at or above the current sequence number that is not current was written
 * by a publish that never reached its pointer swap; it is invisible to readers, and the next
 * publish or recover() removes it. Because publish removes such leftovers before writing its own
 * manifest, a leftover can never end up below the current sequence number.
 */
import { readdir, readFile } from 'node:fs/promises';
import { UnavailableError } from '@meshwork/core';
import { decodeManifest, decodePointer } from '../manifest-json.js';
import type { CurrentPointer, SnapshotManifest } from '../snapshot-manifest.js';
import { sameTable, tableLabel } from '../table-ref.js';
import type { TableRef } from '../warehouse-types.js';
import { isMissing, storageError } from './fs-guard.js';
import { manifestSnapshotId, type TablePaths } from './table-paths.js';

export async function readPointer(paths: TablePaths): Promise<CurrentPointer | undefined> {
  const text = await readIfExists(paths.current);
  return text === undefined ? undefined : decodePointer(text, paths.current);
}

export async function readManifest(
  paths: TablePaths,
  table: TableRef,
  snapshotId: string,
): Promise<SnapshotManifest | undefined> {
  const file = paths.manifest(snapshotId);
  const text = await readIfExists(file);
  if (text === undefined) return undefined;
  const manifest = decodeManifest(text, file);
  if (manifest.snapshotId !== snapshotId || !sameTable(manifest, table)) {
    throw new UnavailableError('MW8104', `Warehouse metadata damaged: ${file} describes another snapshot or table.`);
  }
  return manifest;
}

/** Ids of every manifest file in the table, published or not. */
export async function listManifestIds(paths: TablePaths): Promise<string[]> {
  const names = await listFolder(paths.metadata);
  return names.map(manifestSnapshotId).filter((id): id is string => id !== undefined);
}

export function isPublished(manifest: SnapshotManifest, pointer: CurrentPointer | undefined): boolean {
  if (!pointer) return false;
  return manifest.snapshotId === pointer.snapshotId || manifest.sequenceNumber < pointer.sequenceNumber;
}

/**
 * The current manifest. Between reading the pointer and the manifest, a publish and a retention
 * may have moved the pointer on and removed the old manifest: then the pointer is read again. A
 * pointer that stays on a missing manifest means the table is damaged.
 */
export async function readCurrent(paths: TablePaths, table: TableRef): Promise<SnapshotManifest | undefined> {
  let pointer = await readPointer(paths);
  for (let attempt = 0; pointer && attempt < 3; attempt += 1) {
    const manifest = await readManifest(paths, table, pointer.snapshotId);
    if (manifest) return manifest;
    const again = await readPointer(paths);
    if (again?.snapshotId === pointer.snapshotId) break;
    pointer = again;
  }
  if (!pointer) return undefined;
  throw new UnavailableError(
    'MW8104',
    `Warehouse metadata damaged: ${tableLabel(table)} points at snapshot ${pointer.snapshotId}, whose manifest is missing.`,
  );
}

/** Published manifests, newest first. */
export async function readPublished(paths: TablePaths, table: TableRef): Promise<SnapshotManifest[]> {
  const pointer = await readPointer(paths);
  if (!pointer) return [];
  const manifests: SnapshotManifest[] = [];
  for (const id of await listManifestIds(paths)) {
    const manifest = await readManifest(paths, table, id);
    if (manifest && isPublished(manifest, pointer)) manifests.push(manifest);
  }
  return manifests.sort((a, b) => b.sequenceNumber - a.sequenceNumber);
}

export async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw storageError(error, 'read', path);
  }
}

/** Names in a folder; none when it does not exist (yet). */
export async function listFolder(folder: string): Promise<string[]> {
  try {
    return (await readdir(folder)).sort();
  } catch (error) {
    if (isMissing(error)) return [];
    throw storageError(error, 'read', folder);
  }
}
