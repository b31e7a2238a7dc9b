/**
 * A commit (`POST …/tables/{table}`, the spec's CommitTableRequest) read into typed requirements
 * and updates. Unknown types are refused with 400 naming them and what this catalog supports, as
 * the spec requires ("fail with a 400 if any unknown updates or requirements are received").
 */
import { InputError } from '@meshwork/core';
import type { IcebergSchema, IcebergSnapshotRef } from '../table-metadata.js';
import {
  jsonObject,
  longValue,
  optionalInt,
  pointer,
  requiredArray,
  requiredInt,
  requiredLong,
  requiredString,
  stringList,
  stringMap,
  type JsonObject,
} from './json-fields.js';
import {
  readPartitionSpec,
  readSchema,
  readSortOrder,
  type UnboundSortOrder,
  type UnboundSpec,
} from './schema-fields.js';
import { readRef, readSnapshot, type SnapshotInput } from './snapshot-fields.js';

export type TableRequirement =
  | { readonly type: 'assert-create' }
  | { readonly type: 'assert-table-uuid'; readonly uuid: string }
  | { readonly type: 'assert-ref-snapshot-id'; readonly ref: string; readonly snapshotId: bigint | null }
  | { readonly type: 'assert-last-assigned-field-id'; readonly value: number }
  | { readonly type: 'assert-current-schema-id'; readonly value: number }
  | { readonly type: 'assert-last-assigned-partition-id'; readonly value: number }
  | { readonly type: 'assert-default-spec-id'; readonly value: number }
  | { readonly type: 'assert-default-sort-order-id'; readonly value: number };

export type TableUpdate =
  | { readonly action: 'assign-uuid'; readonly uuid: string }
  | { readonly action: 'upgrade-format-version'; readonly formatVersion: number }
  | { readonly action: 'add-schema'; readonly schema: IcebergSchema; readonly lastColumnId?: number }
  | { readonly action: 'set-current-schema'; readonly schemaId: number }
  | { readonly action: 'add-spec'; readonly spec: UnboundSpec }
  | { readonly action: 'set-default-spec'; readonly specId: number }
  | { readonly action: 'add-sort-order'; readonly sortOrder: UnboundSortOrder }
  | { readonly action: 'set-default-sort-order'; readonly sortOrderId: number }
  | { readonly action: 'add-snapshot'; readonly snapshot: SnapshotInput }
  | { readonly action: 'set-snapshot-ref'; readonly refName: string; readonly ref: IcebergSnapshotRef }
  | { readonly action: 'remove-snapshots'; readonly snapshotIds: readonly bigint[] }
  | { readonly action: 'remove-snapshot-ref'; readonly refName: string }
  | { readonly action: 'set-location'; readonly location: string }
  | { readonly action: 'set-properties'; readonly updates: Readonly<Record<string, string>> }
  | { readonly action: 'remove-properties'; readonly removals: readonly string[] };

export interface CommitRequest {
  readonly requirements: readonly TableRequirement[];
  readonly updates: readonly TableUpdate[];
}

/** The integer-valued requirements: type → the field holding the expected value. */
const INT_REQUIREMENTS = {
  'assert-last-assigned-field-id': 'last-assigned-field-id',
  'assert-current-schema-id': 'current-schema-id',
  'assert-last-assigned-partition-id': 'last-assigned-partition-id',
  'assert-default-spec-id': 'default-spec-id',
  'assert-default-sort-order-id': 'default-sort-order-id',
} as const;

export const REQUIREMENT_TYPES = [
  'assert-create',
  'assert-table-uuid',
  'assert-ref-snapshot-id',
  ...Object.keys(INT_REQUIREMENTS),
];

const UPDATE_READERS: Record<TableUpdate['action'], (update: JsonObject, at: string) => TableUpdate> = {
  'assign-uuid': (u, at) => ({ action: 'assign-uuid', uuid: requiredString(u, 'uuid', at) }),
  'upgrade-format-version': (u, at) => ({
    action: 'upgrade-format-version',
    formatVersion: requiredInt(u, 'format-version', at),
  }),
  'add-schema': (u, at) => {
    const lastColumnId = optionalInt(u, 'last-column-id', at);
    return {
      action: 'add-schema',
      schema: readSchema(u.schema, pointer(at, 'schema')),
      ...(lastColumnId !== undefined ? { lastColumnId } : {}),
    };
  },
  'set-current-schema': (u, at) => ({ action: 'set-current-schema', schemaId: requiredInt(u, 'schema-id', at) }),
  'add-spec': (u, at) => ({ action: 'add-spec', spec: readPartitionSpec(u.spec, pointer(at, 'spec')) }),
  'set-default-spec': (u, at) => ({ action: 'set-default-spec', specId: requiredInt(u, 'spec-id', at) }),
  'add-sort-order': (u, at) => ({
    action: 'add-sort-order',
    sortOrder: readSortOrder(u['sort-order'], pointer(at, 'sort-order')),
  }),
  'set-default-sort-order': (u, at) => ({
    action: 'set-default-sort-order',
    sortOrderId: requiredInt(u, 'sort-order-id', at),
  }),
  'add-snapshot': (u, at) => ({ action: 'add-snapshot', snapshot: readSnapshot(u.snapshot, pointer(at, 'snapshot')) }),
  'set-snapshot-ref': (u, at) => ({
    action: 'set-snapshot-ref',
    refName: requiredString(u, 'ref-name', at),
    ref: readRef(u, at),
  }),
  'remove-snapshots': (u, at) => ({
    action: 'remove-snapshots',
    snapshotIds: requiredArray(u, 'snapshot-ids', at).map((id, index) =>
      longValue(id, pointer(pointer(at, 'snapshot-ids'), index)),
    ),
  }),
  'remove-snapshot-ref': (u, at) => ({ action: 'remove-snapshot-ref', refName: requiredString(u, 'ref-name', at) }),
  'set-location': (u, at) => ({ action: 'set-location', location: requiredString(u, 'location', at) }),
  'set-properties': (u, at) => ({ action: 'set-properties', updates: stringMap(u, 'updates', at) }),
  'remove-properties': (u, at) => ({ action: 'remove-properties', removals: stringList(u, 'removals', at) }),
};

export const UPDATE_ACTIONS = Object.keys(UPDATE_READERS);

export function readCommitRequest(body: unknown): CommitRequest {
  const object = jsonObject(body, '');
  const requirements = requiredArray(object, 'requirements', '').map((item, index) =>
    readRequirement(item, `/requirements/${index}`),
  );
  const updates = requiredArray(object, 'updates', '').map((item, index) => readUpdate(item, `/updates/${index}`));
  return { requirements, updates };
}

export function readRequirement(value: unknown, at: string): TableRequirement {
  const object = jsonObject(value, at);
  const type = requiredString(object, 'type', at);
  if (type === 'assert-create') return { type };
  if (type === 'assert-table-uuid') return { type, uuid: requiredString(object, 'uuid', at) };
  if (type === 'assert-ref-snapshot-id') {
    // `snapshot-id` is required but may be null: then the ref must not exist.
    const snapshotId = object['snapshot-id'] === null ? null : requiredLong(object, 'snapshot-id', at);
    return { type, ref: requiredString(object, 'ref', at), snapshotId };
  }
  if (Object.hasOwn(INT_REQUIREMENTS, type)) {
    const key = INT_REQUIREMENTS[type as keyof typeof INT_REQUIREMENTS];
    return { type: type as keyof typeof INT_REQUIREMENTS, value: requiredInt(object, key, at) };
  }
  throw new InputError(
    'MW8252',
    `${pointer(at, 'type')}: unknown requirement type ${JSON.stringify(type)}; supported: ${REQUIREMENT_TYPES.join(', ')}.`,
  );
}

export function readUpdate(value: unknown, at: string): TableUpdate {
  const object = jsonObject(value, at);
  const action = requiredString(object, 'action', at);
  const reader = Object.hasOwn(UPDATE_READERS, action) ? UPDATE_READERS[action as TableUpdate['action']] : undefined;
  if (!reader) {
    throw new InputError(
      'MW8252',
      `${pointer(at, 'action')}: unknown or unsupported update type ${JSON.stringify(action)}; supported: ${UPDATE_ACTIONS.join(', ')}.`,
    );
  }
  return reader(object, at);
}
