/**
 * A mutable working copy of table metadata for one commit: updates change it in order, then it
 * becomes the next immutable `IcebergTableMetadata`. It also remembers what this commit added
 * (the last schema, spec and sort order, for the `-1` "last added" ids, and the new snapshots).
 */
import {
  NO_SNAPSHOT,
  PARTITION_FIELD_ID_START,
  type IcebergMetadataLogEntry,
  type IcebergPartitionSpec,
  type IcebergSchema,
  type IcebergSnapshot,
  type IcebergSnapshotLogEntry,
  type IcebergSnapshotRef,
  type IcebergSortOrder,
  type IcebergTableMetadata,
} from '../table-metadata.js';

export const MAIN_BRANCH = 'main';

export interface MetadataDraft {
  tableUuid: string;
  location: string;
  lastSequenceNumber: number;
  lastColumnId: number;
  schemas: IcebergSchema[];
  currentSchemaId: number;
  specs: IcebergPartitionSpec[];
  defaultSpecId: number;
  lastPartitionId: number;
  properties: Record<string, string>;
  snapshots: IcebergSnapshot[];
  refs: Record<string, IcebergSnapshotRef>;
  snapshotLog: IcebergSnapshotLogEntry[];
  metadataLog: IcebergMetadataLogEntry[];
  sortOrders: IcebergSortOrder[];
  defaultSortOrderId: number;
  statistics?: readonly unknown[];
  partitionStatistics?: readonly unknown[];
  /** Set by this commit's add-schema / add-spec / add-sort-order, for the `-1` ids. */
  lastAddedSchemaId?: number;
  lastAddedSpecId?: number;
  lastAddedSortOrderId?: number;
  /** Snapshots this commit added (their timestamps go into the snapshot log). */
  readonly addedSnapshots: Set<bigint>;
}

export function draftOf(metadata: IcebergTableMetadata): MetadataDraft {
  return {
    tableUuid: metadata['table-uuid'],
    location: metadata.location,
    lastSequenceNumber: metadata['last-sequence-number'],
    lastColumnId: metadata['last-column-id'],
    schemas: [...metadata.schemas],
    currentSchemaId: metadata['current-schema-id'],
    specs: [...metadata['partition-specs']],
    defaultSpecId: metadata['default-spec-id'],
    lastPartitionId: metadata['last-partition-id'],
    properties: { ...metadata.properties },
    snapshots: [...(metadata.snapshots ?? [])],
    refs: { ...metadata.refs },
    snapshotLog: [...(metadata['snapshot-log'] ?? [])],
    metadataLog: [...(metadata['metadata-log'] ?? [])],
    sortOrders: [...metadata['sort-orders']],
    defaultSortOrderId: metadata['default-sort-order-id'],
    ...(metadata.statistics !== undefined ? { statistics: metadata.statistics } : {}),
    ...(metadata['partition-statistics'] !== undefined
      ? { partitionStatistics: metadata['partition-statistics'] }
      : {}),
    addedSnapshots: new Set(),
  };
}

/** The starting point of a create transaction: nothing but a uuid and a location. */
export function emptyDraft(tableUuid: string, location: string): MetadataDraft {
  return {
    tableUuid,
    location,
    lastSequenceNumber: 0,
    lastColumnId: 0,
    schemas: [],
    currentSchemaId: -1,
    specs: [],
    defaultSpecId: -1,
    lastPartitionId: PARTITION_FIELD_ID_START - 1,
    properties: {},
    snapshots: [],
    refs: {},
    snapshotLog: [],
    metadataLog: [],
    sortOrders: [],
    defaultSortOrderId: -1,
    addedSnapshots: new Set(),
  };
}

/** The snapshot `main` points to, or -1 (Iceberg's "no snapshot", as Java writes it). */
export function currentSnapshotId(draft: Pick<MetadataDraft, 'refs'>): bigint {
  const main = draft.refs[MAIN_BRANCH];
  return main && main.type === 'branch' ? main['snapshot-id'] : NO_SNAPSHOT;
}

export function metadataOf(draft: MetadataDraft, lastUpdatedMs: number): IcebergTableMetadata {
  return {
    'format-version': 2,
    'table-uuid': draft.tableUuid,
    location: draft.location,
    'last-sequence-number': draft.lastSequenceNumber,
    'last-updated-ms': lastUpdatedMs,
    'last-column-id': draft.lastColumnId,
    schemas: draft.schemas,
    'current-schema-id': draft.currentSchemaId,
    'partition-specs': draft.specs,
    'default-spec-id': draft.defaultSpecId,
    'last-partition-id': draft.lastPartitionId,
    properties: draft.properties,
    'current-snapshot-id': currentSnapshotId(draft),
    snapshots: draft.snapshots,
    'snapshot-log': draft.snapshotLog,
    'metadata-log': draft.metadataLog,
    'sort-orders': draft.sortOrders,
    'default-sort-order-id': draft.defaultSortOrderId,
    refs: draft.refs,
    ...(draft.statistics !== undefined ? { statistics: draft.statistics } : {}),
    ...(draft.partitionStatistics !== undefined ? { 'partition-statistics': draft.partitionStatistics } : {}),
  };
}
