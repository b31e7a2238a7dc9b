/**
 * What the warehouse stores about one snapshot: the manifest (`metadata/snap-<id>.json`) and the
 * table's pointer (`metadata/current.json`). Beside them each publish writes the table's Iceberg
 * v2 metadata (see ../iceberg/format), generated from these records.
 *
 * Snapshot ids are decimal strings here and bare JSON numbers on disk (see manifest-json.ts).
 */

/** One column of the snapshot's physical schema. */
export interface ColumnSchema {
  readonly name: string;
  /** DuckDB type as DuckDB spells it: `BIGINT`, `VARCHAR`, `DECIMAL(18,2)`, `STRUCT(a INTEGER)`… */
  readonly type: string;
  readonly nullable: boolean;
}

/** One Parquet file of the snapshot. */
export interface DataFile {
  /** Relative to the table folder, with `/` separators: `data/<snapshotId>/part-00000.parquet`. */
  readonly path: string;
  readonly sizeBytes: number;
  readonly rowCount: number;
}

export interface SnapshotColumnStats {
  readonly column: string;
  readonly nullCount: number;
  readonly distinctCount?: number;
  /** Bounds as text, because DuckDB values (dates, decimals, huge integers) do not fit JSON numbers. */
  readonly min?: string;
  readonly max?: string;
}

/** How the audit of the staged data went; the full report lives with the run. */
export interface ChecksSummary {
  readonly passed: number;
  readonly failed: number;
  readonly warnings: number;
}

/**
 * What sampling one text column found (computed by `../profiling` in the runtime's audit step):
 * rates only, never values — the values are the personal data being looked for.
 */
export interface SnapshotColumnProfile {
  readonly column: string;
  /** Non-null values sampled. */
  readonly sampled: number;
  /** Detector name (`email`, `phone`, `iban`, `paymentCard`, `nationalId`) → fraction 0..1 of the sample it accepts. */
  readonly matches: Readonly<Record<string, number>>;
  /** The contract's pattern for the column and the fraction 0..1 of the sample fully matching it. */
  readonly pattern?: { readonly regex: string; readonly matched: number };
}

export interface SnapshotManifest {
  readonly formatVersion: 1;
  /** 1..2^63-1 as a decimal string (Iceberg's signed long). */
  readonly snapshotId: string;
  /** The snapshot that was current when this one was published; null for the first. */
  readonly parentSnapshotId: string | null;
  /** Iceberg's sequence number: parent's + 1, starting at 1. Orders snapshots and tells published from not. */
  readonly sequenceNumber: number;
  /** `domain.product`. */
  readonly productId: string;
  readonly port: string;
  readonly major: number;
  readonly runId: string;
  /** ISO-8601 UTC. */
  readonly createdAt: string;
  readonly contract: { readonly id: string; readonly version: string };
  readonly schema: readonly ColumnSchema[];
  readonly rowCount: number;
  readonly files: readonly DataFile[];
  readonly columnStats: readonly SnapshotColumnStats[];
  readonly checks: ChecksSummary;
  /** Profile of the text columns; absent in manifests written before profiling, or when it failed. */
  readonly profile?: readonly SnapshotColumnProfile[];
  /** The audit report, opaque to the warehouse; must be plain JSON. */
  readonly audit?: unknown;
}

/** `metadata/current.json`: the only thing a reader trusts to say which snapshot is live. */
export interface CurrentPointer {
  readonly snapshotId: string;
  readonly sequenceNumber: number;
  /** When this snapshot became current (retention rewriting the pointer keeps it). */
  readonly updatedAt: string;
  /**
   * The current Iceberg table metadata file, relative to the table folder
   * (`metadata/v<N>.metadata.json`). Absent in pointers written before tables were Iceberg tables.
   */
  readonly metadata?: string;
}

export const MANIFEST_FORMAT_VERSION = 1;
