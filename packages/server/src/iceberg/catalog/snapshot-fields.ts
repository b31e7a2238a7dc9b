/**
 * Snapshots and refs read from request bodies (commits). Snapshot ids are
 * longs and stay `bigint` from the parsed JSON to the written file: 9223372036854775807 survives.
 */
import type { IcebergSnapshot, IcebergSnapshotRef } from '../table-metadata.js';
import {
  invalid,
  jsonObject,
  optionalInt,
  optionalLong,
  pointer,
  requiredInt,
  requiredLong,
  requiredObject,
  requiredString,
} from './json-fields.js';

const OPERATIONS = ['append', 'replace', 'overwrite', 'delete'];

/** A snapshot as sent: the catalog assigns the sequence number when it is missing. */
export type SnapshotInput = Omit<IcebergSnapshot, 'sequence-number'> & { readonly 'sequence-number'?: number };

export function readSnapshot(value: unknown, at: string): SnapshotInput {
  const object = jsonObject(value, at);
  const id = requiredLong(object, 'snapshot-id', at);
  const summaryAt = pointer(at, 'summary');
  const summary = requiredObject(object, 'summary', at);
  const texts: Record<string, string> = {};
  for (const [key, text] of Object.entries(summary)) {
    if (typeof text !== 'string') throw invalid(pointer(summaryAt, key), 'must be a string');
    texts[key] = text;
  }
  const operation = texts.operation;
  if (operation === undefined || !OPERATIONS.includes(operation)) {
    throw invalid(pointer(summaryAt, 'operation'), `must be one of ${OPERATIONS.join(', ')}`);
  }
  const parent = optionalLong(object, 'parent-snapshot-id', at);
  const sequenceNumber = optionalInt(object, 'sequence-number', at);
  const schemaId = optionalInt(object, 'schema-id', at);
  return {
    'snapshot-id': id,
    ...(parent !== undefined ? { 'parent-snapshot-id': parent } : {}),
    ...(sequenceNumber !== undefined ? { 'sequence-number': sequenceNumber } : {}),
    'timestamp-ms': requiredInt(object, 'timestamp-ms', at),
    'manifest-list': requiredString(object, 'manifest-list', at),
    summary: { ...texts, operation },
    ...(schemaId !== undefined ? { 'schema-id': schemaId } : {}),
  };
}

/** A ref's fields (shared by metadata `refs` and the set-snapshot-ref update). */
export function readRef(value: unknown, at: string): IcebergSnapshotRef {
  const object = jsonObject(value, at);
  const type = requiredString(object, 'type', at);
  if (type !== 'branch' && type !== 'tag') throw invalid(pointer(at, 'type'), 'must be "branch" or "tag"');
  const maxRefAge = optionalInt(object, 'max-ref-age-ms', at);
  const maxSnapshotAge = optionalInt(object, 'max-snapshot-age-ms', at);
  const minSnapshots = optionalInt(object, 'min-snapshots-to-keep', at);
  return {
    'snapshot-id': requiredLong(object, 'snapshot-id', at),
    type,
    ...(maxRefAge !== undefined ? { 'max-ref-age-ms': maxRefAge } : {}),
    ...(maxSnapshotAge !== undefined ? { 'max-snapshot-age-ms': maxSnapshotAge } : {}),
    ...(minSnapshots !== undefined ? { 'min-snapshots-to-keep': minSnapshots } : {}),
  };
}
