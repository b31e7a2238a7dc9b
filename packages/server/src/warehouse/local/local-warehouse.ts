/**
 * The Warehouse on a local folder: checks arguments, finds the table's folder and lock, and hands
 * over to the protocol files (publish-snapshot.ts, recover-warehouse.ts, retain-snapshots.ts).
 */
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ConflictError, NotFoundError, UnavailableError } from '@meshwork/core';
import type { IcebergTableMetadata } from '../../iceberg/table-metadata.js';
import type { CurrentPointer, SnapshotManifest } from '../snapshot-manifest.js';
import { assertSnapshotId, randomSnapshotId } from '../snapshot-id.js';
import { assertLockOwner, assertTableRef, parseProductId, tableLabel } from '../table-ref.js';
import type { Warehouse } from '../warehouse.js';
import type {
  LockOwner,
  ProductLock,
  PublishInput,
  PublishOptions,
  RecoveryReport,
  RetainOptions,
  StagedSnapshot,
  StageRequest,
  TableRef,
  WarehouseFaults,
} from '../warehouse-types.js';
import { guard, pathExists } from './fs-guard.js';
import { listMetadataVersions, pointerVersion, readPointedMetadata } from './iceberg-reader.js';
import { removeIcebergFiles } from './iceberg-removal.js';
import { removeFile } from './iceberg-writer.js';
import { acquireLock, assertLockHeld, releaseLock } from './product-lock.js';
import { onSharedFileSystem } from './network-file-system.js';
import { PointerCache } from './pointer-cache.js';
import { publishSnapshot } from './publish-snapshot.js';
import { recoverWarehouse } from './recover-warehouse.js';
import { assertRetainOptions, retainSnapshots } from './retain-snapshots.js';
import { removeData, removeFolder, removeManifest } from './snapshot-removal.js';
import {
  fileUri,
  lockPath,
  parseStagingName,
  runTag,
  stagingName,
  tablePaths,
  type TablePaths,
} from './table-paths.js';
import { isPublished, readCurrent, readIfExists, readManifest, readPointer, readPublished } from './table-reader.js';
import { decodeTableMetadata } from '../../iceberg/format/table-metadata-json.js';
import { walkTableFolders } from './table-walk.js';

export interface LocalWarehouseOptions {
  /** The warehouse folder; by default `<workspace>/.meshwork/warehouse` (defaultWarehouseRoot). */
  readonly root: string;
  /** Clock for manifests, pointers and locks. */
  readonly now?: () => Date;
  /** Test seam: where snapshot ids come from (default: 63 random bits from the system CSPRNG). */
  readonly generateSnapshotId?: () => string;
  /** Test seam: simulated crashes between the steps of publish and retain. */
  readonly faults?: WarehouseFaults;
}

export class LocalWarehouse implements Warehouse {
  readonly location: string;
  readonly #now: () => Date;
  readonly #generateSnapshotId: () => string;
  readonly #faults: WarehouseFaults | undefined;
  readonly #pointers: PointerCache;

  constructor(options: LocalWarehouseOptions) {
    this.location = resolve(options.root);
    this.#pointers = new PointerCache(() => !onSharedFileSystem(this.location));
    this.#now = options.now ?? (() => new Date());
    this.#generateSnapshotId = options.generateSnapshotId ?? randomSnapshotId;
    this.#faults = options.faults;
  }

  async acquireProductLock(productId: string, owner: LockOwner): Promise<ProductLock> {
    parseProductId(productId);
    const checked = assertLockOwner(owner);
    const path = lockPath(this.location, productId);
    const record = await acquireLock(path, checked, this.#now());
    let released = false;
    return {
      productId,
      runId: checked.runId,
      release: async () => {
        if (released) return;
        released = true;
        await releaseLock(path, record);
      },
    };
  }

  async stage(request: StageRequest): Promise<StagedSnapshot> {
    const table = assertTableRef(request);
    const { runId } = assertLockOwner({ runId: request.runId });
    await assertLockHeld(lockPath(this.location, table.productId), table.productId, runId);
    const paths = tablePaths(this.location, table);
    const pointer = await readPointer(paths);
    const snapshotId = await this.#freshSnapshotId(paths);
    const stagingId = stagingName(snapshotId, runId);
    const dataDir = join(paths.staging, stagingId, 'data');
    await guard('create', dataDir, () => mkdir(dataDir, { recursive: true }));
    return { stagingId, snapshotId, runId, table, baseSnapshotId: pointer?.snapshotId ?? null, dataDir };
  }

  async publish(staged: StagedSnapshot, input: PublishInput, options: PublishOptions = {}): Promise<SnapshotManifest> {
    const { paths, stagingDir } = this.#resolveStaged(staged);
    const expected = options.expectedParent === undefined ? staged.baseSnapshotId : options.expectedParent;
    if (expected !== null) assertSnapshotId(expected);
    const lockFile = lockPath(this.location, staged.table.productId);
    const context = { paths, lockFile, stagingDir, now: this.#now(), faults: this.#faults };
    return publishSnapshot(context, staged, input, expected);
  }

  async abort(staged: StagedSnapshot): Promise<void> {
    const { paths, stagingDir } = this.#resolveStaged(staged);
    await removeFolder(stagingDir);
    // A publish that failed half-way may have left its data and manifest; a published one stays.
    const pointer = await readPointer(paths);
    if (pointer?.snapshotId === staged.snapshotId) return;
    const manifest = await readManifest(paths, staged.table, staged.snapshotId);
    if (manifest && isPublished(manifest, pointer)) return;
    await removeManifest(paths, staged.snapshotId);
    await removeIcebergFiles(paths, staged.snapshotId, new Set());
    await removeData(paths, staged.snapshotId);
    await this.#removeMetadataOf(paths, staged.snapshotId, pointerVersion(pointer));
  }

  async current(table: TableRef): Promise<SnapshotManifest | undefined> {
    const checked = assertTableRef(table);
    return readCurrent(tablePaths(this.location, checked), checked);
  }

  async currentPointer(table: TableRef): Promise<CurrentPointer | undefined> {
    const paths = tablePaths(this.location, assertTableRef(table));
    // Asked for every relation of every gateway query: re-read only when the file changed.
    return this.#pointers.get(paths.current, () => readPointer(paths));
  }

  async getSnapshot(table: TableRef, snapshotId: string): Promise<SnapshotManifest> {
    const checked = assertTableRef(table);
    const paths = tablePaths(this.location, checked);
    const manifest = await readManifest(paths, checked, assertSnapshotId(snapshotId));
    if (manifest && isPublished(manifest, await readPointer(paths))) return manifest;
    throw new NotFoundError('MW8111', `Snapshot ${snapshotId} of ${tableLabel(checked)} not found.`);
  }

  async listSnapshots(table: TableRef): Promise<readonly SnapshotManifest[]> {
    const checked = assertTableRef(table);
    return readPublished(tablePaths(this.location, checked), checked);
  }

  async icebergTable(
    table: TableRef,
  ): Promise<{ readonly metadataLocation: string; readonly metadata: IcebergTableMetadata } | undefined> {
    const paths = tablePaths(this.location, assertTableRef(table));
    // A retention may replace the metadata file between reading the pointer and the file: then
    // the pointer is read again. Only a pointer that stays on a missing file is damage.
    let pointer = await readPointer(paths);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      try {
        const pointed = await readPointedMetadata(paths, pointer);
        return pointed && { metadataLocation: fileUri(pointed.file), metadata: pointed.metadata };
      } catch (error) {
        const again = await readPointer(paths);
        if (again?.metadata === pointer?.metadata) throw error;
        pointer = again;
      }
    }
    throw new UnavailableError('MW8104', `Warehouse metadata damaged: ${tableLabel(table)} keeps moving its metadata.`);
  }

  async listTables(): Promise<readonly TableRef[]> {
    const tables: TableRef[] = [];
    for (const table of await walkTableFolders(this.location)) {
      if (await pathExists(tablePaths(this.location, table).current)) tables.push(table);
    }
    return tables.sort(compareTables);
  }

  async snapshotFiles(table: TableRef, snapshotId: string): Promise<readonly string[]> {
    const manifest = await this.getSnapshot(table, snapshotId);
    const dir = tablePaths(this.location, manifest).dir;
    return manifest.files.map((file) => join(dir, ...file.path.split('/')));
  }

  async recover(): Promise<RecoveryReport> {
    return { removed: await recoverWarehouse(this.location, this.#now()) };
  }

  async retain(table: TableRef, options: RetainOptions): Promise<readonly string[]> {
    const checked = assertTableRef(table);
    assertRetainOptions(options);
    const paths = tablePaths(this.location, checked);
    const context = (runId: string) => ({
      paths,
      table: checked,
      faults: this.#faults,
      now: this.#now(),
      owner: runTag(runId),
    });
    if (options.runId !== undefined) {
      await assertLockHeld(lockPath(this.location, checked.productId), checked.productId, options.runId);
      return retainSnapshots(context(options.runId), options);
    }
    const lock = await this.acquireProductLock(checked.productId, { runId: `retain-${randomUUID()}` });
    try {
      return await retainSnapshots(context(lock.runId), options);
    } finally {
      await lock.release();
    }
  }

  /** The staging folder a StagedSnapshot stands for, checked against its own fields. */
  #resolveStaged(staged: StagedSnapshot): { paths: TablePaths; stagingDir: string } {
    const table = assertTableRef(staged.table);
    assertSnapshotId(staged.snapshotId);
    const paths = tablePaths(this.location, table);
    const stagingDir = join(paths.staging, staged.stagingId);
    const parsed = parseStagingName(staged.stagingId);
    const consistent =
      parsed?.snapshotId === staged.snapshotId &&
      parsed.runTag === runTag(staged.runId) &&
      staged.dataDir === join(stagingDir, 'data');
    if (!consistent) {
      throw new ConflictError(
        'MW8108',
        `Snapshot ${staged.snapshotId} was not staged by this warehouse for ${tableLabel(table)}.`,
      );
    }
    return { paths, stagingDir };
  }

  /** Metadata versions above the pointer's that a failed publish of `snapshotId` wrote. */
  async #removeMetadataOf(paths: TablePaths, snapshotId: string, current: number): Promise<void> {
    for (const version of await listMetadataVersions(paths)) {
      if (version <= current) continue;
      const file = paths.metadataFile(version);
      const text = await readIfExists(file);
      const metadata = text === undefined ? undefined : decodeTableMetadata(text, file);
      if (metadata?.['current-snapshot-id'] === BigInt(snapshotId)) await removeFile(file);
    }
  }

  /** A random id no manifest or data folder of the table uses (a collision is astronomically rare). */
  async #freshSnapshotId(paths: TablePaths): Promise<string> {
    for (let attempt = 0; attempt < 8; attempt += 1) {
      const id = assertSnapshotId(this.#generateSnapshotId());
      const taken = await Promise.all([paths.manifest(id), paths.data(id)].map(pathExists));
      if (!taken.includes(true)) return id;
    }
    throw new Error('Snapshot id generator keeps returning ids that are in use.');
  }
}

function compareTables(a: TableRef, b: TableRef): number {
  if (a.productId !== b.productId) return a.productId < b.productId ? -1 : 1;
  if (a.port !== b.port) return a.port < b.port ? -1 : 1;
  return a.major - b.major;
}
