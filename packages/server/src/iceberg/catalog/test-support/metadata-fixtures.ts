/** Small builders for the catalog's unit tests: a created table, snapshots, commit bodies. */
import { parseIcebergJson, stringifyIcebergJson } from '../../iceberg-json.js';
import type { IcebergTableMetadata } from '../../table-metadata.js';
import { readCommitRequest, type CommitRequest } from '../commit-request.js';
import { newTableMetadata, readCreateTableRequest } from '../new-table-metadata.js';

export const UUID = '6f0c5a2e-1b2c-4d3e-8f90-a1b2c3d4e5f6';
export const NOW = 1_717_000_000_000;

/** A table of three columns (ids 1–3), unpartitioned, unsorted, no snapshot. */
export function createdTable(overrides: Record<string, unknown> = {}): IcebergTableMetadata {
  const request = readCreateTableRequest({
    name: 'events',
    schema: {
      type: 'struct',
      fields: [
        { id: 1, name: 'id', type: 'long', required: true },
        { id: 2, name: 'at', type: 'timestamptz', required: false },
        { id: 3, name: 'kind', type: 'string', required: false },
      ],
    },
    ...overrides,
  });
  return newTableMetadata(request, UUID, 'file:///w/.catalog/s/events', NOW);
}

/** A commit as a client sends it: JSON text, parsed 64-bit-safe. */
export function commit(body: string | object): CommitRequest {
  return readCommitRequest(parseIcebergJson(typeof body === 'string' ? body : stringifyIcebergJson(body)));
}

export function snapshot(id: bigint, parent?: bigint, sequence?: number): Record<string, unknown> {
  return {
    'snapshot-id': id,
    ...(parent !== undefined ? { 'parent-snapshot-id': parent } : {}),
    ...(sequence !== undefined ? { 'sequence-number': sequence } : {}),
    'timestamp-ms': NOW + Number(id % 1000n),
    'manifest-list': `file:///w/snap-${id}.avro`,
    summary: { operation: 'append', 'added-records': '3' },
  };
}

/** add-snapshot + set-snapshot-ref main: what an append commits. */
export function appendUpdates(id: bigint, parent?: bigint): object[] {
  return [
    { action: 'add-snapshot', snapshot: snapshot(id, parent) },
    { action: 'set-snapshot-ref', 'ref-name': 'main', type: 'branch', 'snapshot-id': id },
  ];
}
