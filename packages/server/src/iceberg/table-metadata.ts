/**
 * Apache Iceberg v2 table metadata (`metadata.json`) as Meshwork reads and writes it: the subset
 * of the spec's fields that v2 requires plus the optional ones we produce or pass through. Snapshot
 * ids are 64-bit signed longs and are held as `bigint` — a JS number would round ids above 2^53
 * (see iceberg-json.ts, which parses and writes them exactly). Everything else fits a number.
 *
 * Spec: https://iceberg.apache.org/spec/#table-metadata-fields
 */

/** `boolean`, `int`, `long`, `float`, `double`, `decimal(P,S)`, `date`, `time`, `timestamp`, `timestamptz`, `string`, `uuid`, `fixed[L]`, `binary`. */
export type IcebergPrimitiveType = string;

export interface IcebergStructField {
  readonly id: number;
  readonly name: string;
  readonly required: boolean;
  readonly type: IcebergType;
  readonly doc?: string;
}

export interface IcebergStructType {
  readonly type: 'struct';
  readonly fields: readonly IcebergStructField[];
}

export interface IcebergListType {
  readonly type: 'list';
  readonly 'element-id': number;
  readonly element: IcebergType;
  readonly 'element-required': boolean;
}

export interface IcebergMapType {
  readonly type: 'map';
  readonly 'key-id': number;
  readonly key: IcebergType;
  readonly 'value-id': number;
  readonly value: IcebergType;
  readonly 'value-required': boolean;
}

export type IcebergType = IcebergPrimitiveType | IcebergStructType | IcebergListType | IcebergMapType;

export interface IcebergSchema extends IcebergStructType {
  readonly 'schema-id': number;
  readonly 'identifier-field-ids'?: readonly number[];
}

export interface IcebergPartitionField {
  readonly 'source-id': number;
  readonly 'field-id': number;
  readonly name: string;
  readonly transform: string;
}

export interface IcebergPartitionSpec {
  readonly 'spec-id': number;
  readonly fields: readonly IcebergPartitionField[];
}

export interface IcebergSortField {
  readonly 'source-id': number;
  readonly transform: string;
  readonly direction: 'asc' | 'desc';
  readonly 'null-order': 'nulls-first' | 'nulls-last';
}

export interface IcebergSortOrder {
  readonly 'order-id': number;
  readonly fields: readonly IcebergSortField[];
}

export interface IcebergSnapshot {
  readonly 'snapshot-id': bigint;
  readonly 'parent-snapshot-id'?: bigint;
  readonly 'sequence-number': number;
  readonly 'timestamp-ms': number;
  /** Location of the snapshot's manifest list (Avro). */
  readonly 'manifest-list': string;
  /** `operation` is required: append | replace | overwrite | delete. */
  readonly summary: Readonly<Record<string, string>> & { readonly operation: string };
  readonly 'schema-id'?: number;
}

export interface IcebergSnapshotRef {
  readonly 'snapshot-id': bigint;
  readonly type: 'branch' | 'tag';
  readonly 'max-ref-age-ms'?: number;
  readonly 'max-snapshot-age-ms'?: number;
  readonly 'min-snapshots-to-keep'?: number;
}

export interface IcebergSnapshotLogEntry {
  readonly 'timestamp-ms': number;
  readonly 'snapshot-id': bigint;
}

export interface IcebergMetadataLogEntry {
  readonly 'timestamp-ms': number;
  readonly 'metadata-file': string;
}

export interface IcebergTableMetadata {
  readonly 'format-version': 2;
  readonly 'table-uuid': string;
  readonly location: string;
  readonly 'last-sequence-number': number;
  readonly 'last-updated-ms': number;
  readonly 'last-column-id': number;
  readonly schemas: readonly IcebergSchema[];
  readonly 'current-schema-id': number;
  readonly 'partition-specs': readonly IcebergPartitionSpec[];
  readonly 'default-spec-id': number;
  readonly 'last-partition-id': number;
  readonly properties?: Readonly<Record<string, string>>;
  /** Absent (or -1 in files other writers produced) when the table has no snapshot yet. */
  readonly 'current-snapshot-id'?: bigint;
  readonly snapshots?: readonly IcebergSnapshot[];
  readonly 'snapshot-log'?: readonly IcebergSnapshotLogEntry[];
  readonly 'metadata-log'?: readonly IcebergMetadataLogEntry[];
  readonly 'sort-orders': readonly IcebergSortOrder[];
  readonly 'default-sort-order-id': number;
  readonly refs?: Readonly<Record<string, IcebergSnapshotRef>>;
  readonly statistics?: readonly unknown[];
  readonly 'partition-statistics'?: readonly unknown[];
}

/** Iceberg's id of "no snapshot" in `current-snapshot-id` (Java writes -1). */
export const NO_SNAPSHOT = -1n;

/** Field ids of partition fields start here, so an unpartitioned table's last-partition-id is 999. */
export const PARTITION_FIELD_ID_START = 1000;
