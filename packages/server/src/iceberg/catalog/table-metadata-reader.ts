/**
 * A v2 `metadata.json` read back into the typed model: every long (snapshot ids in snapshots,
 * refs, logs and `current-snapshot-id`) as `bigint`, whatever size it had in the file, and the
 * structure checked so that a damaged file is reported instead of half-used.
 */
import type { IcebergSnapshot, IcebergSnapshotRef, IcebergTableMetadata } from '../table-metadata.js';
import {
  invalid,
  jsonArray,
  jsonObject,
  optionalLong,
  pointer,
  requiredInt,
  requiredString,
  stringMap,
} from './json-fields.js';
import { readBoundPartitionFields, readPartitionSpec, readSchema, readSortOrder } from './schema-fields.js';
import { readMetadataLog, readRef, readSnapshot, readSnapshotLog } from './snapshot-fields.js';

export function readTableMetadata(value: unknown): IcebergTableMetadata {
  const object = jsonObject(value, '');
  if (object['format-version'] !== 2) throw invalid('/format-version', 'must be 2');
  const list = (key: string) => jsonArray(object[key] ?? [], `/${key}`);
  const snapshots = list('snapshots').map((item, index): IcebergSnapshot => {
    const snapshot = readSnapshot(item, `/snapshots/${index}`);
    if (snapshot['sequence-number'] === undefined) throw invalid(`/snapshots/${index}/sequence-number`, 'is required');
    return { ...snapshot, 'sequence-number': snapshot['sequence-number'] };
  });
  const refs: Record<string, IcebergSnapshotRef> = {};
  for (const [name, ref] of Object.entries(jsonObject(object.refs ?? {}, '/refs'))) {
    refs[name] = readRef(ref, pointer('/refs', name));
  }
  const current = optionalLong(object, 'current-snapshot-id', '');
  const statistics = object.statistics === undefined ? undefined : list('statistics');
  const partitionStatistics = object['partition-statistics'] === undefined ? undefined : list('partition-statistics');
  return {
    'format-version': 2,
    'table-uuid': requiredString(object, 'table-uuid', ''),
    location: requiredString(object, 'location', ''),
    'last-sequence-number': requiredInt(object, 'last-sequence-number', ''),
    'last-updated-ms': requiredInt(object, 'last-updated-ms', ''),
    'last-column-id': requiredInt(object, 'last-column-id', ''),
    schemas: list('schemas').map((schema, index) => {
      if (jsonObject(schema, `/schemas/${index}`)['schema-id'] === undefined) {
        throw invalid(`/schemas/${index}/schema-id`, 'is required');
      }
      return readSchema(schema, `/schemas/${index}`);
    }),
    'current-schema-id': requiredInt(object, 'current-schema-id', ''),
    'partition-specs': list('partition-specs').map((item, index) => {
      const at = `/partition-specs/${index}`;
      const spec = readPartitionSpec(item, at);
      if (spec.specId === undefined) throw invalid(`${at}/spec-id`, 'is required');
      return { 'spec-id': spec.specId, fields: readBoundPartitionFields(spec, at) };
    }),
    'default-spec-id': requiredInt(object, 'default-spec-id', ''),
    'last-partition-id': requiredInt(object, 'last-partition-id', ''),
    properties: stringMap(object, 'properties', ''),
    ...(current !== undefined ? { 'current-snapshot-id': current } : {}),
    snapshots,
    'snapshot-log': readSnapshotLog(object['snapshot-log'], '/snapshot-log'),
    'metadata-log': readMetadataLog(object['metadata-log'], '/metadata-log'),
    'sort-orders': list('sort-orders').map((item, index) => {
      const order = readSortOrder(item, `/sort-orders/${index}`);
      if (order.orderId === undefined) throw invalid(`/sort-orders/${index}/order-id`, 'is required');
      return { 'order-id': order.orderId, fields: order.fields };
    }),
    'default-sort-order-id': requiredInt(object, 'default-sort-order-id', ''),
    refs,
    ...(statistics !== undefined ? { statistics } : {}),
    ...(partitionStatistics !== undefined ? { 'partition-statistics': partitionStatistics } : {}),
  };
}
