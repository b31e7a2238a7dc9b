/**
 * The next version of a table's metadata: one more snapshot (a publish), or fewer (retention).
 * Pure. Every table is unpartitioned and unsorted: partition spec 0 with no fields
 * (last-partition-id 999, the id before the first partition field's 1000) and sort order 0.
 */
import { randomUUID } from 'node:crypto';
import {
  PARTITION_FIELD_ID_START,
  type IcebergMetadataLogEntry,
  type IcebergSnapshot,
  type IcebergTableMetadata,
} from '../table-metadata.js';
import type { AssignedSchema } from './assign-field-ids.js';
import { nameMapping } from './name-mapping.js';

/** How many earlier metadata files `metadata-log` keeps (older files are removed with it). */
export const METADATA_LOG_LIMIT = 10;

export interface SnapshotCommit {
  /** The table folder as a URI. */
  readonly location: string;
  readonly snapshotId: bigint;
  readonly parentSnapshotId?: bigint;
  readonly sequenceNumber: number;
  readonly timestampMs: number;
  /** URI of the snapshot's manifest list. */
  readonly manifestList: string;
  readonly schema: AssignedSchema;
  readonly summary: Readonly<Record<string, string>> & { readonly operation: string };
  /** Table properties to set (kept ones from `previous` stay). */
  readonly properties?: Readonly<Record<string, string>>;
  /** URI of the metadata file this version replaces, for `metadata-log`. */
  readonly previousFile?: string;
  readonly nowMs: number;
}

export function metadataWithSnapshot(
  previous: IcebergTableMetadata | undefined,
  commit: SnapshotCommit,
): IcebergTableMetadata {
  const { schema } = commit.schema;
  const schemas = previous?.schemas.some((s) => s['schema-id'] === schema['schema-id'])
    ? previous.schemas
    : [...(previous?.schemas ?? []), schema];
  const snapshot: IcebergSnapshot = {
    'snapshot-id': commit.snapshotId,
    ...(commit.parentSnapshotId === undefined ? {} : { 'parent-snapshot-id': commit.parentSnapshotId }),
    'sequence-number': commit.sequenceNumber,
    'timestamp-ms': commit.timestampMs,
    'manifest-list': commit.manifestList,
    summary: commit.summary,
    'schema-id': schema['schema-id'],
  };
  return {
    'format-version': 2,
    'table-uuid': previous?.['table-uuid'] ?? randomUUID(),
    location: commit.location,
    'last-sequence-number': Math.max(commit.sequenceNumber, previous?.['last-sequence-number'] ?? 0),
    'last-updated-ms': Math.max(commit.nowMs, previous?.['last-updated-ms'] ?? 0),
    'last-column-id': commit.schema.lastColumnId,
    schemas,
    'current-schema-id': schema['schema-id'],
    'partition-specs': [{ 'spec-id': 0, fields: [] }],
    'default-spec-id': 0,
    'last-partition-id': PARTITION_FIELD_ID_START - 1,
    'sort-orders': [{ 'order-id': 0, fields: [] }],
    'default-sort-order-id': 0,
    properties: {
      ...previous?.properties,
      ...commit.properties,
      // Lets readers map files written without field ids by column name.
      'schema.name-mapping.default': nameMapping(schema),
    },
    'current-snapshot-id': commit.snapshotId,
    refs: { main: { 'snapshot-id': commit.snapshotId, type: 'branch' } },
    snapshots: [...(previous?.snapshots ?? []), snapshot],
    'snapshot-log': [
      ...(previous?.['snapshot-log'] ?? []),
      { 'timestamp-ms': commit.timestampMs, 'snapshot-id': commit.snapshotId },
    ],
    'metadata-log': nextMetadataLog(previous, commit.previousFile),
  };
}

/** The metadata without the `expired` snapshots (never the current one), or undefined when none is listed. */
export function metadataWithoutSnapshots(
  previous: IcebergTableMetadata,
  expired: ReadonlySet<bigint>,
  previousFile: string,
  nowMs: number,
): IcebergTableMetadata | undefined {
  const current = previous['current-snapshot-id'];
  const gone = (id: bigint) => expired.has(id) && id !== current;
  const snapshots = previous.snapshots ?? [];
  if (!snapshots.some((snapshot) => gone(snapshot['snapshot-id']))) return undefined;
  return {
    ...previous,
    'last-updated-ms': Math.max(nowMs, previous['last-updated-ms']),
    snapshots: snapshots.filter((snapshot) => !gone(snapshot['snapshot-id'])),
    // The spec: prune snapshot-log entries after expiring snapshots.
    'snapshot-log': (previous['snapshot-log'] ?? []).filter((entry) => !gone(entry['snapshot-id'])),
    'metadata-log': nextMetadataLog(previous, previousFile),
  };
}

function nextMetadataLog(
  previous: IcebergTableMetadata | undefined,
  previousFile: string | undefined,
): IcebergMetadataLogEntry[] {
  const log = [...(previous?.['metadata-log'] ?? [])];
  if (previous && previousFile !== undefined) {
    log.push({ 'timestamp-ms': previous['last-updated-ms'], 'metadata-file': previousFile });
  }
  return log.slice(-METADATA_LOG_LIMIT);
}
