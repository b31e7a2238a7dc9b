import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringifyIcebergJson } from '../iceberg-json.js';
import { NO_SNAPSHOT } from '../table-metadata.js';
import { applyUpdates } from './apply-table-updates.js';
import { draftOf, emptyDraft, metadataOf } from './metadata-draft.js';
import { decodeTableMetadata } from '../format/table-metadata-json.js';
import { appendUpdates, commit, createdTable, NOW, snapshot, UUID } from './test-support/metadata-fixtures.js';

function applied(updates: object[], base = createdTable()) {
  const draft = draftOf(base);
  applyUpdates(draft, commit({ requirements: [], updates }).updates, NOW + 1000);
  return metadataOf(draft, NOW + 1000);
}

describe('applyUpdates: schemas, specs and sort orders', () => {
  const wider = {
    type: 'struct',
    fields: [
      { id: 1, name: 'id', type: 'long', required: true },
      { id: 2, name: 'at', type: 'timestamptz', required: false },
      { id: 3, name: 'kind', type: 'string', required: false },
      { id: 4, name: 'amount', type: 'decimal(12,2)', required: false },
    ],
  };

  it('adds a schema under the next id, makes it current with -1, and raises last-column-id', () => {
    const metadata = applied([
      { action: 'add-schema', schema: { ...wider, 'schema-id': 7 } },
      { action: 'set-current-schema', 'schema-id': -1 },
    ]);
    expect(metadata.schemas.map((s) => s['schema-id'])).toEqual([0, 1]);
    expect(metadata['current-schema-id']).toBe(1);
    expect(metadata['last-column-id']).toBe(4);
  });

  it('reuses the id of an identical schema instead of adding it twice', () => {
    const once = applied([{ action: 'add-schema', schema: wider }]);
    const twice = applied(
      [
        { action: 'add-schema', schema: wider },
        { action: 'set-current-schema', 'schema-id': -1 },
      ],
      once,
    );
    expect(twice.schemas).toHaveLength(2);
    expect(twice['current-schema-id']).toBe(1);
    const same = applied([
      { action: 'add-schema', schema: createdTable().schemas[0] },
      { action: 'set-current-schema', 'schema-id': -1 },
    ]);
    expect(same.schemas).toHaveLength(1);
  });

  it('assigns partition field ids from last-partition-id and reuses identical specs', () => {
    const metadata = applied([
      {
        action: 'add-spec',
        spec: {
          fields: [
            { 'source-id': 2, name: 'at_day', transform: 'day' },
            { 'source-id': 3, name: 'kind_bucket', transform: 'bucket[16]' },
          ],
        },
      },
      { action: 'set-default-spec', 'spec-id': -1 },
    ]);
    expect(metadata['partition-specs'][1]).toEqual({
      'spec-id': 1,
      fields: [
        { 'source-id': 2, 'field-id': 1000, name: 'at_day', transform: 'day' },
        { 'source-id': 3, 'field-id': 1001, name: 'kind_bucket', transform: 'bucket[16]' },
      ],
    });
    expect(metadata['default-spec-id']).toBe(1);
    expect(metadata['last-partition-id']).toBe(1001);
    const unpartitioned = applied(
      [
        { action: 'add-spec', spec: { fields: [] } },
        { action: 'set-default-spec', 'spec-id': -1 },
      ],
      metadata,
    );
    expect(unpartitioned['partition-specs']).toHaveLength(2);
    expect(unpartitioned['default-spec-id']).toBe(0);
  });

  it('keeps the unsorted order as 0 and numbers sorted ones from 1', () => {
    const metadata = applied([
      {
        action: 'add-sort-order',
        'sort-order': {
          'order-id': 99,
          fields: [{ 'source-id': 1, transform: 'identity', direction: 'desc', 'null-order': 'nulls-last' }],
        },
      },
      { action: 'set-default-sort-order', 'sort-order-id': -1 },
    ]);
    expect(metadata['sort-orders'].map((o) => o['order-id'])).toEqual([0, 1]);
    expect(metadata['default-sort-order-id']).toBe(1);
    expect(applied([{ action: 'set-default-sort-order', 'sort-order-id': 0 }], metadata)['default-sort-order-id']).toBe(
      0,
    );
  });

  it('refuses ids that do not exist and -1 without an addition, naming the update', () => {
    expect(() => applied([{ action: 'set-current-schema', 'schema-id': 5 }])).toThrow(
      expect.objectContaining({ code: 'MW8253', message: '/updates/0: no schema 5 in the table (it has 0)' }),
    );
    expect(() =>
      applied([
        { action: 'set-properties', updates: {} },
        { action: 'set-default-spec', 'spec-id': -1 },
      ]),
    ).toThrow(
      expect.objectContaining({
        code: 'MW8253',
        message: expect.stringMatching(/^\/updates\/1: -1 means the partition spec added/),
      }),
    );
    expect(() =>
      applied([{ action: 'add-spec', spec: { fields: [{ 'source-id': 9, name: 'x', transform: 'identity' }] } }]),
    ).toThrow(
      expect.objectContaining({
        code: 'MW8253',
        message: expect.stringContaining('/updates/0/spec/fields/0/source-id: no field 9'),
      }),
    );
  });
});

describe('applyUpdates: snapshots and refs', () => {
  it('appends a snapshot, moves main and logs it, assigning the next sequence number', () => {
    const metadata = applied(appendUpdates(10n));
    expect(metadata['current-snapshot-id']).toBe(10n);
    expect(metadata.snapshots).toEqual([expect.objectContaining({ 'snapshot-id': 10n, 'sequence-number': 1 })]);
    expect(metadata['last-sequence-number']).toBe(1);
    expect(metadata['snapshot-log']).toEqual([{ 'timestamp-ms': NOW + 10, 'snapshot-id': 10n }]);
    expect(metadata.refs).toEqual({ main: { 'snapshot-id': 10n, type: 'branch' } });
    const next = applied(appendUpdates(11n, 10n), metadata);
    expect(next.snapshots?.map((s) => [s['snapshot-id'], s['sequence-number']])).toEqual([
      [10n, 1],
      [11n, 2],
    ]);
  });

  it('refuses a duplicate snapshot, a sequence number that does not grow, and refs to unknown snapshots', () => {
    const base = applied(appendUpdates(10n));
    expect(() => applied([{ action: 'add-snapshot', snapshot: snapshot(10n) }], base)).toThrow(
      expect.objectContaining({
        code: 'MW8253',
        message: '/updates/0/snapshot/snapshot-id: snapshot 10 already exists',
      }),
    );
    expect(() => applied([{ action: 'add-snapshot', snapshot: snapshot(11n, 10n, 1) }], base)).toThrow(
      expect.objectContaining({
        message: expect.stringContaining("not greater than the table's last sequence number 1"),
      }),
    );
    expect(() =>
      applied([{ action: 'set-snapshot-ref', 'ref-name': 'dev', type: 'branch', 'snapshot-id': 12 }], base),
    ).toThrow(expect.objectContaining({ message: '/updates/0/snapshot-id: no snapshot 12 in the table' }));
    expect(() =>
      applied([{ action: 'set-snapshot-ref', 'ref-name': 'main', type: 'tag', 'snapshot-id': 10 }], base),
    ).toThrow(expect.objectContaining({ message: '/updates/0/type: main must be a branch' }));
  });

  it('removes snapshots with the refs pointing at them, and refs alone', () => {
    let metadata = applied([
      ...appendUpdates(10n),
      { action: 'set-snapshot-ref', 'ref-name': 'v1', type: 'tag', 'snapshot-id': 10 },
    ]);
    metadata = applied(appendUpdates(11n, 10n), metadata);
    const removed = applied([{ action: 'remove-snapshots', 'snapshot-ids': [10] }], metadata);
    expect(removed.snapshots?.map((s) => s['snapshot-id'])).toEqual([11n]);
    expect(Object.keys(removed.refs ?? {})).toEqual(['main']);
    expect(removed['snapshot-log']?.map((e) => e['snapshot-id'])).toEqual([11n]);
    const unref = applied([{ action: 'remove-snapshot-ref', 'ref-name': 'main' }], removed);
    expect(unref['current-snapshot-id']).toBe(NO_SNAPSHOT);
    expect(unref.refs).toEqual({});
  });
});

describe('applyUpdates: the rest', () => {
  it('sets and removes properties, sets the location, accepts its own uuid and v2', () => {
    const metadata = applied([
      { action: 'assign-uuid', uuid: UUID.toUpperCase() },
      { action: 'upgrade-format-version', 'format-version': 2 },
      { action: 'set-properties', updates: { a: '1', b: '2' } },
      { action: 'remove-properties', removals: ['a', 'zz'] },
      { action: 'set-location', location: 's3://bucket/events' },
    ]);
    expect(metadata.properties).toEqual({ b: '2' });
    expect(metadata.location).toBe('s3://bucket/events');
    expect(metadata['table-uuid']).toBe(UUID);
  });

  it('refuses another uuid and other format versions', () => {
    expect(() => applied([{ action: 'assign-uuid', uuid: 'other' }])).toThrow(
      expect.objectContaining({ code: 'MW8253' }),
    );
    expect(() => applied([{ action: 'upgrade-format-version', 'format-version': 3 }])).toThrow(
      expect.objectContaining({
        message: '/updates/0: format version 3 is not supported by this catalog (tables are v2)',
      }),
    );
    expect(() => applied([{ action: 'upgrade-format-version', 'format-version': 1 }])).toThrow(
      expect.objectContaining({ message: expect.stringContaining('cannot downgrade') }),
    );
  });

  it('builds a whole table from a create transaction, with the defaults it leaves out', () => {
    const draft = emptyDraft(UUID, 'file:///w/t');
    const updates = commit({
      requirements: [{ type: 'assert-create' }],
      updates: [
        { action: 'assign-uuid', uuid: UUID },
        { action: 'upgrade-format-version', 'format-version': 2 },
        { action: 'add-schema', schema: createdTable().schemas[0], 'last-column-id': 3 },
        { action: 'set-current-schema', 'schema-id': -1 },
        { action: 'set-properties', updates: { owner: 'ana' } },
        ...appendUpdates(5n),
      ],
    }).updates;
    applyUpdates(draft, updates, NOW);
    const metadata = metadataOf(draft, NOW);
    expect(metadata).toMatchObject({
      'current-schema-id': 0,
      'last-column-id': 3,
      'partition-specs': [{ 'spec-id': 0, fields: [] }],
      'default-spec-id': 0,
      'last-partition-id': 999,
      'sort-orders': [{ 'order-id': 0, fields: [] }],
      'current-snapshot-id': 5n,
      properties: { owner: 'ana' },
    });
    expect(() => applyUpdates(emptyDraft(UUID, 'x'), commit({ requirements: [], updates: [] }).updates, NOW)).toThrow(
      expect.objectContaining({ message: expect.stringContaining('the table needs a current schema') }),
    );
  });

  it('keeps every 64-bit snapshot id exact through a commit, a file and a reload', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
        fc.bigInt({ min: 1n, max: 2n ** 63n - 1n }),
        (id, other) => {
          fc.pre(id !== other);
          const text = `{"requirements":[],"updates":[{"action":"add-snapshot","snapshot":{"snapshot-id":${id},"timestamp-ms":1,"manifest-list":"m","summary":{"operation":"append"}}},{"action":"add-snapshot","snapshot":{"snapshot-id":${other},"parent-snapshot-id":${id},"timestamp-ms":2,"manifest-list":"n","summary":{"operation":"append"}}},{"action":"set-snapshot-ref","ref-name":"main","type":"branch","snapshot-id":${other}}]}`;
          const draft = draftOf(createdTable());
          applyUpdates(draft, commit(text).updates, NOW);
          const file = stringifyIcebergJson(metadataOf(draft, NOW));
          expect(file).toContain(`"current-snapshot-id":${other}`);
          expect(file).toContain(`"parent-snapshot-id":${id}`);
          const reread = decodeTableMetadata(file, 'test');
          expect(reread['current-snapshot-id']).toBe(other);
          expect(reread.snapshots?.map((s) => s['snapshot-id'])).toEqual([id, other]);
        },
      ),
    );
  });
});
