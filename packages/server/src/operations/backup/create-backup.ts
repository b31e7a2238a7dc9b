/**
 * `mesh backup <dir>`: a consistent, checksummed copy of a workspace's platform state — the
 * metadata store (SQLite or PostgreSQL), the warehouse's published snapshots and the masking
 * key — while servers keep running. It is written into a hidden sibling folder and renamed to
 * `<dir>` only once complete, with backup.json last: an interrupted backup leaves no folder
 * that looks like a backup.
 *
 * @example
 * const summary = await createBackup({ root, model, env: process.env, target: 'backups/2026-07-01' });
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError, type MeshModel } from '@meshwork/core';
import { metadataStoreConfig } from '../../metadata/store-from-config.js';
import { parsePostgresTarget } from '../../metadata/postgres/postgres-target.js';
import { MESHWORK_VERSION } from '../../openlineage/openlineage-facets.js';
import { createLocalWarehouse } from '../../warehouse/local/create-local-warehouse.js';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  MANIFEST_FILE,
  type BackupManifest,
  type BackupStoreSection,
  type BackupTable,
} from './backup-manifest.js';
import { BackupWriter } from './backup-writer.js';
import { syncFile } from './file-checksums.js';
import { exportPostgresStore } from './postgres-store-export.js';
import { backupSqliteStore } from './sqlite-store-backup.js';
import { assertNoUnfinishedRestore } from './restore-journal.js';
import { backupWarehouse } from './warehouse-backup.js';
import { maskingKeyFile, warehouseRootOf } from './workspace-state.js';

export const MASKING_KEY_FILE = 'secrets/masking.key';

export interface BackupOptions {
  /** The workspace root (absolute). */
  readonly root: string;
  readonly model: MeshModel;
  /** `MESHWORK_DATABASE_URL` is read from here (the edge passes the environment in). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The backup folder to create: new, or empty. */
  readonly target: string;
  /** How long to wait for each product's lock while a run holds it (default 10 minutes). */
  readonly lockWaitMs?: number;
  readonly now?: () => Date;
  readonly onTable?: (table: BackupTable) => void;
}

export interface BackupSummary {
  readonly folder: string;
  readonly manifest: BackupManifest;
}

export async function createBackup(options: BackupOptions): Promise<BackupSummary> {
  // A half-restored workspace is not a state to save (MW8320): finish the restore first.
  assertNoUnfinishedRestore(options.root);
  const target = resolve(options.root, options.target);
  await assertEmptyTarget(target);
  await mkdir(dirname(target), { recursive: true });
  const staging = join(dirname(target), `.${basename(target)}.partial-${randomBytes(6).toString('hex')}`);
  await mkdir(staging, { mode: 0o700 });
  try {
    const writer = new BackupWriter(staging);
    const store = await backupStore(options, writer);
    const warehouse = createLocalWarehouse({ root: warehouseRootOf(options.root, options.model) });
    const tables = await backupWarehouse(warehouse, writer, {
      ...(options.lockWaitMs !== undefined ? { lockWaitMs: options.lockWaitMs } : {}),
      ...(options.onTable ? { onTable: options.onTable } : {}),
    });
    const keyFile = maskingKeyFile(options.root);
    const maskingKey = existsSync(keyFile);
    if (maskingKey) await writer.copy(MASKING_KEY_FILE, keyFile, 0o600);
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      meshworkVersion: MESHWORK_VERSION,
      createdAt: (options.now ?? (() => new Date()))().toISOString(),
      mesh: options.model.name,
      store,
      warehouse: { location: warehouse.location, tables },
      maskingKey,
      files: writer.files,
    };
    await writeFile(join(staging, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
    await syncFile(join(staging, MANIFEST_FILE));
    await syncFile(staging);
    await moveIntoPlace(staging, target);
    await syncFile(dirname(target));
    return { folder: target, manifest };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

async function backupStore(options: BackupOptions, writer: BackupWriter): Promise<BackupStoreSection> {
  const config = metadataStoreConfig(options.root, options.model.config, options.env.MESHWORK_DATABASE_URL);
  if (config.kind === 'sqlite') return backupSqliteStore(config.path, writer);
  return exportPostgresStore(parsePostgresTarget(config.url, config.schema), writer);
}

async function assertEmptyTarget(target: string): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    if (code === 'ENOTDIR') throw notEmpty(target, 'it is a file');
    throw error;
  }
  if (entries.length > 0)
    throw notEmpty(target, `it holds ${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}`);
}

/** rename(2) replaces an empty folder; a folder filled meanwhile is refused. */
async function moveIntoPlace(staging: string, target: string): Promise<void> {
  try {
    await rename(staging, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTEMPTY' || code === 'EEXIST') throw notEmpty(target, 'something was written into it meanwhile');
    throw error;
  }
}

function notEmpty(target: string, why: string): InputError {
  return new InputError('MW8310', `cannot back up into ${target}: ${why}; choose a new or empty folder`);
}
