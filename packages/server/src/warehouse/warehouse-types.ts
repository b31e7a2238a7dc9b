/**
 * The values the Warehouse port takes and returns. Nothing here names a file system: a location
 * is a string (an absolute path for the local adapter, a URI for object storage later).
 */
import type { ChecksSummary, ColumnSchema, SnapshotColumnProfile, SnapshotColumnStats } from './snapshot-manifest.js';

/** One table: an output port at one major version (v1 and v2 are two tables). */
export interface TableRef {
  /** `domain.product`. */
  readonly productId: string;
  readonly port: string;
  readonly major: number;
}

/** Who holds a product's write lock. */
export interface LockOwner {
  readonly runId: string;
  /** Defaults to this process. */
  readonly pid?: number;
}

export interface ProductLock {
  readonly productId: string;
  readonly runId: string;
  /** Idempotent; releases only if the lock is still this one. */
  release(): Promise<void>;
}

export interface StageRequest extends TableRef {
  /** The run that holds the product lock (see acquireProductLock). */
  readonly runId: string;
}

export interface StagedSnapshot {
  readonly stagingId: string;
  readonly snapshotId: string;
  readonly runId: string;
  readonly table: TableRef;
  /** The snapshot that was current when staging began; the default `expectedParent` of publish. */
  readonly baseSnapshotId: string | null;
  /** A local folder the writer fills with Parquet files (e.g. DuckDB `COPY … TO`). Invisible to readers. */
  readonly dataDir: string;
}

/** What the caller knows about the staged data; files and sizes the warehouse finds itself. */
export interface PublishInput {
  readonly contract: { readonly id: string; readonly version: string };
  readonly schema: readonly ColumnSchema[];
  readonly rowCount: number;
  /** Rows per file, by path relative to `dataDir`. Needed when there is more than one file. */
  readonly fileRowCounts?: Readonly<Record<string, number>>;
  readonly columnStats: readonly SnapshotColumnStats[];
  readonly checks: ChecksSummary;
  /** Profile of the text columns (see SnapshotManifest.profile). */
  readonly profile?: readonly SnapshotColumnProfile[];
  readonly audit?: unknown;
}

export interface PublishOptions {
  /**
   * The snapshot the caller believes is current (null: none yet). Defaults to the one current at
   * stage time. Publishing fails with a conflict, and changes nothing, when it is not.
   */
  readonly expectedParent?: string | null;
}

export interface RetainOptions {
  /** Keep the newest N published snapshots (the current one counts). */
  readonly keepLast?: number;
  /** Keep snapshots created at or after this instant. */
  readonly olderThan?: Date;
  /** Snapshots a consumer still uses (pinned reads, agreements); never removed. */
  readonly isReferenced?: (snapshotId: string) => boolean | Promise<boolean>;
  /** The run that already holds the product lock, if the caller does; otherwise retain takes it. */
  readonly runId?: string;
}

export interface RemovedItem {
  /** `metadata`: Iceberg files (table metadata versions, manifest lists, manifests). */
  readonly kind: 'staging' | 'data' | 'manifest' | 'metadata' | 'temp';
  /** Relative to the warehouse root, `/`-separated. */
  readonly path: string;
}

export interface RecoveryReport {
  readonly removed: readonly RemovedItem[];
}

/** The steps of publish (and retain) after which a crash can be simulated in tests. */
export type PublishStep =
  'data-moved' | 'manifest-written' | 'metadata-written' | 'pointer-prepared' | 'pointer-swapped';
/** `expiry-committed`: the pointer names table metadata without the expired snapshots. */
export type RetainStep = 'expiry-committed' | 'manifest-removed';

/** Test seam: a hook that throws (or never returns) stops the operation right there, like a crash. */
export interface WarehouseFaults {
  afterStep?(step: PublishStep | RetainStep, snapshotId: string): void | Promise<void>;
}
