/**
 * Reading a table's Iceberg metadata: the version the pointer names, the metadata files present,
 * and every file the metadata's snapshots reference (manifest lists, manifests, live data files)
 * — what retention and recovery must never remove.
 */
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UnavailableError } from '@meshwork/core';
import { decodeTableMetadata } from '../../iceberg/format/table-metadata-json.js';
import { ENTRY_DELETED, manifestDataFiles, manifestPaths } from '../../iceberg/format/manifest-files.js';
import type { IcebergTableMetadata } from '../../iceberg/table-metadata.js';
import type { CurrentPointer } from '../snapshot-manifest.js';
import { storageError } from './fs-guard.js';
import { metadataVersion, type TablePaths } from './table-paths.js';
import { listFolder, readIfExists } from './table-reader.js';

export interface PointedMetadata {
  readonly metadata: IcebergTableMetadata;
  /** N of `v<N>.metadata.json`. */
  readonly version: number;
  /** Absolute path of the file. */
  readonly file: string;
}

/** The metadata version a pointer names; 0 for pointers written before tables had Iceberg metadata. */
export function pointerVersion(pointer: CurrentPointer | undefined): number {
  return pointer?.metadata === undefined ? 0 : (metadataVersion(basename(pointer.metadata)) ?? 0);
}

/** The metadata file the pointer names; undefined when there is none (yet). A missing file is damage. */
export async function readPointedMetadata(
  paths: TablePaths,
  pointer: CurrentPointer | undefined,
): Promise<PointedMetadata | undefined> {
  if (pointer?.metadata === undefined) return undefined;
  const file = join(paths.dir, ...pointer.metadata.split('/'));
  const text = await readIfExists(file);
  if (text === undefined) {
    throw new UnavailableError(
      'MW8104',
      `Warehouse metadata damaged: ${paths.current} names the Iceberg metadata file ${file}, which is missing.`,
    );
  }
  return { metadata: decodeTableMetadata(text, file), version: pointerVersion(pointer), file };
}

/** Versions of the `v<N>.metadata.json` files present, ascending. */
export async function listMetadataVersions(paths: TablePaths): Promise<number[]> {
  const versions = (await listFolder(paths.metadata)).map(metadataVersion);
  return versions.filter((version): version is number => version !== undefined).sort((a, b) => a - b);
}

/** The versions `metadata` keeps in its `metadata-log` (files of this table only). */
export function loggedVersions(metadata: IcebergTableMetadata): number[] {
  return (metadata['metadata-log'] ?? [])
    .map((entry) => metadataVersion(basename(entry['metadata-file'])))
    .filter((version): version is number => version !== undefined);
}

/**
 * Absolute paths of every file the metadata's snapshots reference: manifest lists, manifests and
 * the data files they hold as live (DELETED entries only record history). Reads the Avro files.
 */
export async function referencedFiles(metadata: IcebergTableMetadata): Promise<Set<string>> {
  const referenced = new Set<string>();
  for (const snapshot of metadata.snapshots ?? []) {
    const list = localPath(snapshot['manifest-list']);
    referenced.add(list);
    for (const manifestUri of await readAvro(list, manifestPaths)) {
      const manifest = localPath(manifestUri);
      referenced.add(manifest);
      for (const entry of await readAvro(manifest, manifestDataFiles)) {
        if (entry.status !== ENTRY_DELETED) referenced.add(localPath(entry.filePath));
      }
    }
  }
  return referenced;
}

function localPath(uri: string): string {
  return fileURLToPath(uri);
}

async function readAvro<T>(path: string, decode: (file: Buffer) => T): Promise<T> {
  let file: Buffer;
  try {
    file = await readFile(path);
  } catch (error) {
    throw storageError(error, 'read', path);
  }
  try {
    return decode(file);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UnavailableError('MW8104', `Warehouse metadata damaged: ${path}: ${reason}.`);
  }
}
