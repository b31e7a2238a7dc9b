/**
 * The warehouse port: immutable snapshots of output ports, published write → audit → publish.
 *
 * A run takes the product lock, stages a snapshot, lets the engine write Parquet files into
 * `dataDir`, audits them, and publishes. Publishing moves the table's current pointer in one
 * atomic step; until then nothing of the new snapshot is visible, and after a crash at any point
 * the previous snapshot keeps serving. One adapter today (`local/`); object storage later.
 */
import type { IcebergTableMetadata } from '../iceberg/table-metadata.js';
import type { CurrentPointer, SnapshotManifest } from './snapshot-manifest.js';
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
} from './warehouse-types.js';

export interface Warehouse {
  /** Where the warehouse lives, for messages (a folder, later a bucket URI). */
  readonly location: string;

  /**
   * One writer per product, across processes. Held by a live process → ConflictError naming its
   * run; held by a process that died → taken over.
   */
  acquireProductLock(productId: string, owner: LockOwner): Promise<ProductLock>;

  /** Reserves a snapshot id and an empty `dataDir` to write into. Requires the product lock. */
  stage(request: StageRequest): Promise<StagedSnapshot>;

  /**
   * Makes the staged data the table's current snapshot, atomically, if the current snapshot is
   * still `expectedParent`; otherwise ConflictError and nothing changes. Requires the product lock.
   */
  publish(staged: StagedSnapshot, input: PublishInput, options?: PublishOptions): Promise<SnapshotManifest>;

  /** Drops a staged snapshot that will not be published. Never removes a published one. */
  abort(staged: StagedSnapshot): Promise<void>;

  /** The current snapshot's manifest, or undefined when nothing was published yet. */
  current(table: TableRef): Promise<SnapshotManifest | undefined>;

  /** The pointer itself (id, sequence number, when it moved), or undefined. */
  currentPointer(table: TableRef): Promise<CurrentPointer | undefined>;

  /** A published snapshot; NotFoundError when it does not exist (or was never published). */
  getSnapshot(table: TableRef, snapshotId: string): Promise<SnapshotManifest>;

  /** Published snapshots still kept, newest first. */
  listSnapshots(table: TableRef): Promise<readonly SnapshotManifest[]>;

  /**
   * The table's current Apache Iceberg v2 metadata and where it lives (`metadataLocation`: the
   * `file://` URI of the metadata file, for catalogs and engines). Undefined when nothing was
   * published yet — and for a table last published before tables were Iceberg tables, until its
   * next publish writes the metadata.
   */
  icebergTable(
    table: TableRef,
  ): Promise<{ readonly metadataLocation: string; readonly metadata: IcebergTableMetadata } | undefined>;

  /** Every table that has a current snapshot, sorted by product, port and major. */
  listTables(): Promise<readonly TableRef[]>;

  /** Locations of a published snapshot's Parquet files, for readers (`read_parquet([...])`). */
  snapshotFiles(table: TableRef, snapshotId: string): Promise<readonly string[]>;

  /**
   * Removes what crashed writers left: staging of runs that no longer hold their lock, data and
   * manifests that were never published, temporary files. Never a published snapshot.
   */
  recover(): Promise<RecoveryReport>;

  /** Removes old published snapshots; never the current one or a referenced one. Returns their ids. */
  retain(table: TableRef, options: RetainOptions): Promise<readonly string[]>;
}
