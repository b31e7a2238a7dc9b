/**
 * A commit's updates applied in order to a draft of the table metadata, then the result checked
 * as a whole (a current schema, default spec and sort order that exist; refs to snapshots that
 * exist). An update that cannot apply is 400 MW8253 naming it (`/updates/3`) and why.
 */
import { InputError } from '@meshwork/core';
import { NO_SNAPSHOT, PARTITION_FIELD_ID_START, type IcebergSnapshot } from '../table-metadata.js';
import type { TableUpdate } from './commit-request.js';
import { currentSnapshotId, MAIN_BRANCH, type MetadataDraft } from './metadata-draft.js';
import { addSchema, addSortOrder, addSpec } from './schema-updates.js';

/** How many previous metadata files the metadata log keeps (Iceberg's default). */
export const METADATA_LOG_MAX = 100;

export function applyUpdates(draft: MetadataDraft, updates: readonly TableUpdate[], now: number): void {
  updates.forEach((update, index) => applyUpdate(draft, update, `/updates/${index}`, now));
  completeDraft(draft);
}

function fail(at: string, message: string): InputError {
  return new InputError('MW8253', `${at}: ${message}`);
}

function applyUpdate(draft: MetadataDraft, update: TableUpdate, at: string, now: number): void {
  switch (update.action) {
    case 'assign-uuid':
      if (update.uuid.toLowerCase() !== draft.tableUuid.toLowerCase()) {
        throw fail(at, `the table's uuid is ${draft.tableUuid}; a uuid is assigned once, at creation`);
      }
      return;
    case 'upgrade-format-version':
      if (update.formatVersion < 2) throw fail(at, `cannot downgrade format version 2 to ${update.formatVersion}`);
      if (update.formatVersion > 2) {
        throw fail(at, `format version ${update.formatVersion} is not supported by this catalog (tables are v2)`);
      }
      return;
    case 'add-schema':
      return addSchema(draft, update.schema, update.lastColumnId, at);
    case 'set-current-schema':
      draft.currentSchemaId = chosenId(
        update.schemaId,
        draft.lastAddedSchemaId,
        draft.schemas.map((s) => s['schema-id']),
        'schema',
        at,
      );
      return;
    case 'add-spec':
      return addSpec(draft, update.spec, at);
    case 'set-default-spec':
      draft.defaultSpecId = chosenId(
        update.specId,
        draft.lastAddedSpecId,
        draft.specs.map((s) => s['spec-id']),
        'partition spec',
        at,
      );
      return;
    case 'add-sort-order':
      return addSortOrder(draft, update.sortOrder, at);
    case 'set-default-sort-order':
      draft.defaultSortOrderId = chosenId(
        update.sortOrderId,
        draft.lastAddedSortOrderId,
        draft.sortOrders.map((o) => o['order-id']),
        'sort order',
        at,
      );
      return;
    case 'add-snapshot':
      return addSnapshot(draft, update.snapshot, at);
    case 'set-snapshot-ref':
      return setRef(draft, update.refName, update.ref, at, now);
    case 'remove-snapshots':
      return removeSnapshots(draft, new Set(update.snapshotIds));
    case 'remove-snapshot-ref':
      delete draft.refs[update.refName];
      return;
    case 'set-location':
      if (update.location.trim() === '') throw fail(`${at}/location`, 'must not be empty');
      draft.location = update.location;
      return;
    case 'set-properties':
      Object.assign(draft.properties, update.updates);
      return;
    case 'remove-properties':
      for (const key of update.removals) delete draft.properties[key];
      return;
  }
}

/** `-1` means "the one this commit added last"; any other id must exist. */
function chosenId(
  id: number,
  lastAdded: number | undefined,
  existing: readonly number[],
  what: string,
  at: string,
): number {
  if (id === -1) {
    if (lastAdded === undefined) throw fail(at, `-1 means the ${what} added by this commit, and it adds none`);
    return lastAdded;
  }
  if (!existing.includes(id)) throw fail(at, `no ${what} ${id} in the table (it has ${existing.join(', ') || 'none'})`);
  return id;
}

function addSnapshot(
  draft: MetadataDraft,
  snapshot: Omit<IcebergSnapshot, 'sequence-number'> & { 'sequence-number'?: number },
  at: string,
): void {
  const id = snapshot['snapshot-id'];
  if (draft.snapshots.some((s) => s['snapshot-id'] === id))
    throw fail(`${at}/snapshot/snapshot-id`, `snapshot ${id} already exists`);
  const sequence = snapshot['sequence-number'] ?? draft.lastSequenceNumber + 1;
  // Iceberg's rule: a snapshot with a parent must come after the table's last sequence number.
  if (sequence <= draft.lastSequenceNumber && snapshot['parent-snapshot-id'] !== undefined) {
    throw fail(
      `${at}/snapshot/sequence-number`,
      `sequence number ${sequence} is not greater than the table's last sequence number ${draft.lastSequenceNumber}`,
    );
  }
  draft.snapshots.push({ ...snapshot, 'sequence-number': sequence });
  draft.lastSequenceNumber = Math.max(draft.lastSequenceNumber, sequence);
  draft.addedSnapshots.add(id);
}

function setRef(draft: MetadataDraft, name: string, ref: MetadataDraft['refs'][string], at: string, now: number): void {
  const snapshot = draft.snapshots.find((s) => s['snapshot-id'] === ref['snapshot-id']);
  if (!snapshot) throw fail(`${at}/snapshot-id`, `no snapshot ${ref['snapshot-id']} in the table`);
  if (name === MAIN_BRANCH && ref.type !== 'branch') throw fail(`${at}/type`, 'main must be a branch');
  const before = currentSnapshotId(draft);
  draft.refs[name] = ref;
  if (name === MAIN_BRANCH && before !== ref['snapshot-id']) {
    const timestamp = draft.addedSnapshots.has(ref['snapshot-id']) ? snapshot['timestamp-ms'] : now;
    draft.snapshotLog.push({ 'timestamp-ms': timestamp, 'snapshot-id': ref['snapshot-id'] });
  }
}

function removeSnapshots(draft: MetadataDraft, ids: ReadonlySet<bigint>): void {
  draft.snapshots = draft.snapshots.filter((s) => !ids.has(s['snapshot-id']));
  // Refs to removed snapshots go with them (main too: the table then has no current snapshot).
  for (const [name, ref] of Object.entries(draft.refs)) if (ids.has(ref['snapshot-id'])) delete draft.refs[name];
  draft.snapshotLog = draft.snapshotLog.filter((entry) => !ids.has(entry['snapshot-id']));
  if (draft.statistics) draft.statistics = draft.statistics.filter((s) => !ids.has(statisticsSnapshot(s)));
  if (draft.partitionStatistics) {
    draft.partitionStatistics = draft.partitionStatistics.filter((s) => !ids.has(statisticsSnapshot(s)));
  }
}

function statisticsSnapshot(file: unknown): bigint {
  const id = (file as { 'snapshot-id'?: unknown })['snapshot-id'];
  return typeof id === 'bigint' ? id : typeof id === 'number' ? BigInt(id) : NO_SNAPSHOT;
}

/** What a create transaction may leave unset, and the checks every commit's result must pass. */
function completeDraft(draft: MetadataDraft): void {
  if (!draft.schemas.some((s) => s['schema-id'] === draft.currentSchemaId)) {
    throw fail('/updates', 'the table needs a current schema: add-schema, then set-current-schema -1');
  }
  if (draft.specs.length === 0) {
    draft.specs.push({ 'spec-id': 0, fields: [] });
    draft.defaultSpecId = 0;
    draft.lastPartitionId = Math.max(draft.lastPartitionId, PARTITION_FIELD_ID_START - 1);
  }
  if (!draft.specs.some((s) => s['spec-id'] === draft.defaultSpecId)) {
    throw fail('/updates', `default partition spec ${draft.defaultSpecId} does not exist`);
  }
  if (draft.sortOrders.length === 0) {
    draft.sortOrders.push({ 'order-id': 0, fields: [] });
    draft.defaultSortOrderId = 0;
  }
  if (!draft.sortOrders.some((o) => o['order-id'] === draft.defaultSortOrderId)) {
    throw fail('/updates', `default sort order ${draft.defaultSortOrderId} does not exist`);
  }
}
