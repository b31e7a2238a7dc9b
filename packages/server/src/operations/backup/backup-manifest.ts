/**
 * `backup.json`, the manifest of a backup folder, written last: what the backup holds (store
 * kind and migrations, the audit head, the warehouse tables and their current snapshots) and
 * the size and SHA-256 of every file, so a restore can refuse a damaged backup before it
 * writes anything. A folder without it is not a backup (an interrupted one never gets it).
 *
 * Layout of a backup folder:
 *
 *     backup.json
 *     store/meshwork.db                        SQLite: the database, copied with the online backup API
 *     store/<table>.ndjson                     PostgreSQL: one JSON row per line, per table
 *     warehouse/<domain>/<product>/<port>/v<major>/{metadata,data}/…   published snapshots only
 *     secrets/masking.key                      when the workspace keeps its masking key in .meshwork/
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '@meshwork/core';

export const MANIFEST_FILE = 'backup.json';
export const BACKUP_FORMAT = 'meshwork-backup';
export const BACKUP_FORMAT_VERSION = 1;

export interface BackupFile {
  /** Relative to the backup folder, `/`-separated. */
  readonly path: string;
  readonly bytes: number;
  readonly sha256: string;
}

export interface AuditHead {
  /** The seq of the newest event (= the number of events). */
  readonly seq: number;
  readonly hash: string;
}

export interface BackupStoreSection {
  readonly kind: 'sqlite' | 'postgres';
  /** Migration ids applied to the store when it was backed up, in order. */
  readonly migrations: readonly string[];
  /** PostgreSQL: the tables exported, in the order they are loaded (referenced tables first). */
  readonly tables?: readonly string[];
  /** The end of the audit chain at backup time; a restore must end exactly there. */
  readonly auditHead: AuditHead | null;
}

export interface BackupTable {
  readonly productId: string;
  readonly port: string;
  readonly major: number;
  /** The current snapshot at backup time. */
  readonly snapshotId: string;
  /** Published snapshots copied. */
  readonly snapshots: number;
}

export interface BackupManifest {
  readonly format: typeof BACKUP_FORMAT;
  readonly formatVersion: number;
  readonly meshworkVersion: string;
  readonly createdAt: string;
  /** The mesh's name (mesh.yaml), to warn when restoring into another mesh. */
  readonly mesh: string;
  readonly store: BackupStoreSection;
  readonly warehouse: {
    /** Where the warehouse was: Iceberg metadata files name data files by absolute URI under it. */
    readonly location: string;
    readonly tables: readonly BackupTable[];
  };
  /** Whether secrets/masking.key is included. */
  readonly maskingKey: boolean;
  readonly files: readonly BackupFile[];
}

/** Reads and checks the manifest's shape; MW8311 when it is not a backup, MW8312 when too new. */
export async function readBackupManifest(folder: string): Promise<BackupManifest> {
  const file = join(folder, MANIFEST_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new InputError('MW8311', `${folder} is not a Meshwork backup: it has no readable ${MANIFEST_FILE}`);
  }
  let manifest: Partial<BackupManifest>;
  try {
    manifest = JSON.parse(text) as Partial<BackupManifest>;
  } catch {
    throw new InputError('MW8313', `${file} is damaged: it is not valid JSON`);
  }
  if (manifest?.format !== BACKUP_FORMAT) {
    throw new InputError('MW8311', `${file} is not the manifest of a Meshwork backup (format ${BACKUP_FORMAT})`);
  }
  if (typeof manifest.formatVersion !== 'number' || manifest.formatVersion > BACKUP_FORMAT_VERSION) {
    throw new InputError(
      'MW8312',
      `${file} has backup format version ${String(manifest.formatVersion)}; this Meshwork reads version ${BACKUP_FORMAT_VERSION}`,
    );
  }
  if (!isManifest(manifest)) throw new InputError('MW8313', `${file} is damaged: fields are missing or malformed`);
  return manifest;
}

function isManifest(value: Partial<BackupManifest>): value is BackupManifest {
  const store = value.store;
  return (
    (store?.kind === 'sqlite' || store?.kind === 'postgres') &&
    Array.isArray(store.migrations) &&
    Array.isArray(value.files) &&
    value.files.every(
      (f) =>
        typeof f?.path === 'string' &&
        isSafeRelativePath(f.path) &&
        typeof f.bytes === 'number' &&
        typeof f.sha256 === 'string',
    ) &&
    Array.isArray(value.warehouse?.tables) &&
    typeof value.createdAt === 'string'
  );
}

/** A path a restore may write: relative, `/`-separated, no `..` and no empty parts. */
export function isSafeRelativePath(path: string): boolean {
  return path.split('/').every((part) => part !== '' && part !== '.' && part !== '..' && !part.includes('\\'));
}
