/**
 * `mesh restore <dir>`: a backup back into a workspace whose platform state is empty — the
 * metadata store (the same kind as the backup's), the warehouse folder and the masking key.
 *
 * Nothing becomes visible until everything is staged and checked: every file against its
 * checksum, the store against its migrations and its audit chain against the recorded head.
 * Then restore-journal.ts makes the staged parts the real ones (renames, and the PostgreSQL
 * commit); a restore killed while doing that is completed by running it again.
 *
 * @example
 * const summary = await restoreBackup({ root, model, env: process.env, source: 'backups/2026-07-01' });
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError, type MeshModel } from '@meshwork/core';
import type { MetadataStoreConfig } from '../../metadata/create-metadata-store.js';
import { MIGRATIONS } from '../../metadata/migrations/migration-list.js';
import type { Migration } from '../../metadata/migrations/migration.js';
import { parsePostgresTarget } from '../../metadata/postgres/postgres-target.js';
import { metadataStoreConfig } from '../../metadata/store-from-config.js';
import { acquireInstanceLock } from '../../platform/instance-lock.js';
import { readBackupManifest, type BackupManifest } from './backup-manifest.js';
import { MASKING_KEY_FILE } from './create-backup.js';
import { postgresHoldsData, stagePostgresStore } from './postgres-store-restore.js';
import { BackupReader } from './restore-files.js';
import { abandonJournal, completeJournal, readJournal, writeJournal, type RestoreJournal } from './restore-journal.js';
import { assertSqliteEmpty, assertWarehouseEmpty, notEmpty } from './restore-target.js';
import { stageSqliteStore } from './sqlite-store-restore.js';
import { WAREHOUSE_FOLDER } from './warehouse-backup.js';
import { maskingKeyFile, warehouseRootOf } from './workspace-state.js';

/** Test seam: `staged` — all staged, nothing visible; `committing` — the journal is written. */
export type RestoreFaultPoint = 'staged' | 'committing';

export interface RestoreOptions {
  readonly root: string;
  readonly model: MeshModel;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The backup folder (written by `mesh backup`). */
  readonly source: string;
  readonly faultPoint?: (point: RestoreFaultPoint) => Promise<void>;
}

export interface RestoreSummary {
  readonly manifest: BackupManifest;
  /** True when this call finished a restore that had been interrupted while committing. */
  readonly resumed: boolean;
  /** Things the operator should know (another mesh, another warehouse path, the key in the environment). */
  readonly notes: readonly string[];
}

export async function restoreBackup(options: RestoreOptions): Promise<RestoreSummary> {
  const { root, model } = options;
  const source = resolve(root, options.source);
  // No server may start on this workspace while its state is replaced.
  const lock = acquireInstanceLock(join(root, '.meshwork', 'serve.lock'), `mesh restore in ${root}`);
  try {
    const manifest = await readBackupManifest(source);
    const backup = new BackupReader(source, manifest);
    const config = metadataStoreConfig(root, model.config, options.env.MESHWORK_DATABASE_URL);
    const notes = restoreNotes(options, manifest);
    const journal = await readJournal(root);
    if (journal && (await resume(root, journal, source, config, manifest))) return { manifest, resumed: true, notes };
    if (config.kind !== manifest.store.kind) {
      throw new InputError(
        'MW8315',
        `the backup holds a ${manifest.store.kind} metadata store, but this workspace uses ${config.kind}; restore it into a workspace on ${manifest.store.kind}`,
      );
    }
    await restoreAfresh(options, backup, config, migrationsOf(manifest));
    return { manifest, resumed: false, notes };
  } finally {
    lock.release();
  }
}

async function restoreAfresh(
  options: RestoreOptions,
  backup: BackupReader,
  config: MetadataStoreConfig,
  migrations: readonly Migration[],
): Promise<void> {
  const { root } = options;
  const warehouseRoot = warehouseRootOf(root, options.model);
  const keyFile = maskingKeyFile(root);
  await assertWarehouseEmpty(warehouseRoot);
  if (config.kind === 'sqlite') assertSqliteEmpty(config.path);
  const finalPaths = [warehouseRoot, keyFile, ...(config.kind === 'sqlite' ? [config.path] : [])];
  for (const path of finalPaths) await removeStaleStaging(path);
  const suffix = `.restore-${randomBytes(6).toString('hex')}`;
  const staged = (path: string) => join(dirname(path), `.${basename(path)}${suffix}`);
  const moves: { from: string; to: string }[] = [];
  try {
    await mkdir(staged(warehouseRoot), { recursive: true });
    moves.push({ from: staged(warehouseRoot), to: warehouseRoot });
    for (const file of backup.filesUnder(`${WAREHOUSE_FOLDER}/`)) {
      await backup.copyOut(file.path, join(staged(warehouseRoot), ...file.path.split('/').slice(1)));
    }
    if (backup.manifest.maskingKey) {
      await mkdir(dirname(keyFile), { recursive: true });
      await backup.copyOut(MASKING_KEY_FILE, staged(keyFile), 0o600);
      moves.push({ from: staged(keyFile), to: keyFile });
    }
    // An empty warehouse folder (with its lock folder) makes way; renames replace files.
    const removes: RestoreJournal['removes'] = [{ path: warehouseRoot, kind: 'empty-folder' }];
    if (config.kind === 'sqlite') {
      await mkdir(dirname(config.path), { recursive: true });
      await stageSqliteStore(backup, staged(config.path));
      moves.push({ from: staged(config.path), to: config.path });
      await options.faultPoint?.('staged');
      // The -wal and -shm of an empty store file being replaced must not pair with the new file.
      const journal: RestoreJournal = {
        backup: backup.folder,
        removes: [...removes, ...sqliteSideFiles(config.path)],
        moves,
        postgres: false,
      };
      await writeJournal(root, journal);
      await options.faultPoint?.('committing');
      await completeJournal(root, journal);
      return;
    }
    const store = await stagePostgresStore(parsePostgresTarget(config.url, config.schema), backup, migrations);
    const journal: RestoreJournal = { backup: backup.folder, removes, moves, postgres: true };
    try {
      await options.faultPoint?.('staged');
      await writeJournal(root, journal);
      await options.faultPoint?.('committing');
    } catch (error) {
      await store.rollback();
      throw error;
    }
    await store.commit();
    await completeJournal(root, journal);
  } catch (error) {
    // Before the journal, nothing is visible: the staging goes. After it, the journal decides.
    if (!(await readJournal(root))) for (const { from } of moves) await rm(from, { recursive: true, force: true });
    throw error;
  }
}

/** Finishes (true) or abandons (false) a restore interrupted while committing. */
async function resume(
  root: string,
  journal: RestoreJournal,
  source: string,
  config: MetadataStoreConfig,
  manifest: BackupManifest,
): Promise<boolean> {
  if (journal.backup !== '' && journal.backup !== source) {
    throw notEmpty(
      `a restore of ${journal.backup} was interrupted; finish it first with \`mesh restore ${journal.backup}\``,
    );
  }
  if (journal.postgres && config.kind === 'postgres') {
    const committed = await postgresHoldsData(
      parsePostgresTarget(config.url, config.schema),
      manifest.store.tables ?? [],
    );
    if (!committed) {
      await abandonJournal(root, journal);
      return false;
    }
  }
  if (journal.moves.length === 0) {
    await abandonJournal(root, journal);
    return false;
  }
  await completeJournal(root, journal);
  return true;
}

/** The backup's migrations, which must be this build's first ones in order (MW8316 otherwise). */
function migrationsOf(manifest: BackupManifest): readonly Migration[] {
  const ids = manifest.store.migrations;
  const known = MIGRATIONS.slice(0, ids.length);
  if (known.length !== ids.length || known.some((migration, i) => migration.id !== ids[i])) {
    const unknown = ids.filter((id) => !MIGRATIONS.some((m) => m.id === id));
    throw new InputError(
      'MW8316',
      `the backup's metadata store has migrations this Meshwork does not know (${unknown.join(', ') || ids.join(', ')}); upgrade Meshwork to ${manifest.meshworkVersion} or newer`,
    );
  }
  return known;
}

function sqliteSideFiles(path: string): RestoreJournal['removes'] {
  return [`${path}-wal`, `${path}-shm`].map((file) => ({ path: file, kind: 'file' as const }));
}

/** Hidden staging left by a restore killed before its journal: never visible, safe to remove. */
async function removeStaleStaging(path: string): Promise<void> {
  const prefix = `.${basename(path)}.restore-`;
  let names: string[];
  try {
    names = await readdir(dirname(path));
  } catch {
    return;
  }
  for (const name of names)
    if (name.startsWith(prefix)) await rm(join(dirname(path), name), { recursive: true, force: true });
}

function restoreNotes(options: RestoreOptions, manifest: BackupManifest): string[] {
  const notes: string[] = [];
  if (manifest.mesh !== options.model.name) {
    notes.push(`the backup is of the mesh "${manifest.mesh}"; this workspace is "${options.model.name}"`);
  }
  const warehouseRoot = warehouseRootOf(options.root, options.model);
  if (manifest.warehouse.location !== warehouseRoot && manifest.warehouse.tables.length > 0) {
    notes.push(
      `the warehouse was at ${manifest.warehouse.location}: its Iceberg metadata names data files there, so engines reading the Iceberg files directly see them again after each product's next publish`,
    );
  }
  if (manifest.maskingKey && options.env.MESHWORK_MASKING_KEY) {
    notes.push('MESHWORK_MASKING_KEY is set: it wins over the restored .meshwork/masking.key');
  }
  if (!manifest.maskingKey && !existsSync(maskingKeyFile(options.root)) && !options.env.MESHWORK_MASKING_KEY) {
    notes.push('the backup holds no masking key: masked tokens change unless MESHWORK_MASKING_KEY is the original key');
  }
  return notes;
}
