/**
 * Iceberg v2 manifests and manifest lists as Avro files. A Meshwork snapshot is a full refresh,
 * so its one manifest lists the snapshot's new files as ADDED and the parent's files as DELETED:
 * a reader of the snapshot sees only the new files (DELETED entries are skipped in scans), and an
 * incremental reader sees exactly what changed.
 *
 * ADDED entries leave their sequence numbers null, to be inherited from the manifest list (the
 * spec's rule for new files); DELETED entries carry the sequence number their file was added with.
 * An entry with `stats` carries its file's column statistics (data-file-stats.ts); without, the
 * statistics maps are null, which every reader takes as "no statistics".
 */
import { encodeAvroFile, decodeAvroFile } from './avro-container.js';
import { MANIFEST_ENTRY_SCHEMA, MANIFEST_FILE_SCHEMA } from './avro-schemas.js';
import type { DataFileStats } from './data-file-stats.js';
import { stringifyIcebergJson } from '../iceberg-json.js';
import type { IcebergSchema } from '../table-metadata.js';

export const ENTRY_ADDED = 1;
export const ENTRY_DELETED = 2;

export interface ManifestEntry {
  readonly status: typeof ENTRY_ADDED | typeof ENTRY_DELETED;
  /** The snapshot that added the file, or deleted it (status 2). */
  readonly snapshotId: bigint;
  /** Required for DELETED entries: the data sequence number the file was added with. */
  readonly sequenceNumber?: number;
  /** Absolute URI of the Parquet file. */
  readonly filePath: string;
  readonly sizeBytes: number;
  readonly rowCount: number;
  /** The file's column statistics, by field id. */
  readonly stats?: DataFileStats;
}

/** A manifest of data files of an unpartitioned table written with `schema`. */
export function encodeManifest(schema: IcebergSchema, entries: readonly ManifestEntry[]): Buffer {
  const records = entries.map((entry) => {
    const sequence = entry.status === ENTRY_DELETED ? BigInt(requireSequence(entry)) : null;
    return {
      status: entry.status,
      snapshot_id: entry.snapshotId,
      sequence_number: sequence,
      file_sequence_number: sequence,
      data_file: {
        content: 0,
        file_path: entry.filePath,
        file_format: 'PARQUET',
        partition: {},
        record_count: BigInt(entry.rowCount),
        file_size_in_bytes: BigInt(entry.sizeBytes),
        column_sizes: avroMap(entry.stats?.columnSizes),
        value_counts: avroMap(entry.stats?.valueCounts),
        null_value_counts: avroMap(entry.stats?.nullValueCounts),
        nan_value_counts: null,
        lower_bounds: avroMap(entry.stats?.lowerBounds),
        upper_bounds: avroMap(entry.stats?.upperBounds),
        key_metadata: null,
        split_offsets: null,
        equality_ids: null,
        sort_order_id: null,
        referenced_data_file: null,
      },
    };
  });
  return encodeAvroFile(MANIFEST_ENTRY_SCHEMA, records, {
    schema: stringifyIcebergJson(schema),
    'schema-id': String(schema['schema-id']),
    'partition-spec': '[]',
    'partition-spec-id': '0',
    'format-version': '2',
    content: 'data',
  });
}

export interface ManifestListEntry {
  /** Absolute URI of the manifest. */
  readonly manifestPath: string;
  readonly manifestLength: number;
  readonly sequenceNumber: number;
  /** The lowest data sequence number of the manifest's live (ADDED or EXISTING) files. */
  readonly minSequenceNumber: number;
  readonly addedSnapshotId: bigint;
  readonly addedFiles: number;
  readonly addedRows: number;
  readonly deletedFiles: number;
  readonly deletedRows: number;
}

export interface ManifestListContext {
  readonly snapshotId: bigint;
  readonly parentSnapshotId?: bigint;
  readonly sequenceNumber: number;
}

export function encodeManifestList(entries: readonly ManifestListEntry[], context: ManifestListContext): Buffer {
  const records = entries.map((entry) => ({
    manifest_path: entry.manifestPath,
    manifest_length: BigInt(entry.manifestLength),
    partition_spec_id: 0,
    content: 0,
    sequence_number: BigInt(entry.sequenceNumber),
    min_sequence_number: BigInt(entry.minSequenceNumber),
    added_snapshot_id: entry.addedSnapshotId,
    added_files_count: entry.addedFiles,
    existing_files_count: 0,
    deleted_files_count: entry.deletedFiles,
    added_rows_count: BigInt(entry.addedRows),
    existing_rows_count: 0n,
    deleted_rows_count: BigInt(entry.deletedRows),
    partitions: [],
    key_metadata: null,
  }));
  return encodeAvroFile(MANIFEST_FILE_SCHEMA, records, {
    'snapshot-id': context.snapshotId.toString(),
    'parent-snapshot-id': context.parentSnapshotId?.toString() ?? 'null',
    'sequence-number': String(context.sequenceNumber),
    'format-version': '2',
  });
}

/** The manifests a manifest list names. */
export function manifestPaths(manifestList: Buffer): string[] {
  return decodeAvroFile(manifestList).records.map((record) => String(record.manifest_path));
}

/** The data files a manifest names, with their entry status (1 added, 2 deleted, 0 existing). */
export function manifestDataFiles(manifest: Buffer): { status: number; filePath: string }[] {
  return decodeAvroFile(manifest).records.map((record) => ({
    status: Number(record.status),
    filePath: String((record.data_file as Record<string, unknown>).file_path),
  }));
}

/** An int-keyed map as Avro stores it (key/value records, by key); null when empty. */
function avroMap<V>(map: ReadonlyMap<number, V> | undefined): { key: number; value: V }[] | null {
  if (map === undefined || map.size === 0) return null;
  return [...map].sort(([a], [b]) => a - b).map(([key, value]) => ({ key, value }));
}

function requireSequence(entry: ManifestEntry): number {
  if (entry.sequenceNumber === undefined) throw new Error(`deleted entry ${entry.filePath} needs its sequence number`);
  return entry.sequenceNumber;
}
