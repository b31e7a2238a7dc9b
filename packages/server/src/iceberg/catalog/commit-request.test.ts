import { describe, expect, it } from 'vitest';
import { checkRequirements } from './table-requirements.js';
import { draftOf, metadataOf } from './metadata-draft.js';
import { applyUpdates } from './apply-table-updates.js';
import { appendUpdates, commit, createdTable, NOW, UUID } from './test-support/metadata-fixtures.js';

describe('reading a commit', () => {
  it('reads every supported requirement and update, longs as bigint', () => {
    const request = commit(
      '{"requirements":[{"type":"assert-ref-snapshot-id","ref":"main","snapshot-id":9223372036854775807},' +
        '{"type":"assert-ref-snapshot-id","ref":"dev","snapshot-id":null},{"type":"assert-current-schema-id","current-schema-id":0}],' +
        '"updates":[{"action":"remove-snapshots","snapshot-ids":[9223372036854775806,1]}]}',
    );
    expect(request.requirements).toEqual([
      { type: 'assert-ref-snapshot-id', ref: 'main', snapshotId: 9223372036854775807n },
      { type: 'assert-ref-snapshot-id', ref: 'dev', snapshotId: null },
      { type: 'assert-current-schema-id', value: 0 },
    ]);
    expect(request.updates).toEqual([{ action: 'remove-snapshots', snapshotIds: [9223372036854775806n, 1n] }]);
  });

  it('refuses unknown update and requirement types with 400, naming them and what is supported', () => {
    expect(() => commit({ requirements: [], updates: [{ action: 'set-statistics', statistics: {} }] })).toThrow(
      expect.objectContaining({
        code: 'MW8252',
        kind: 'input',
        message: expect.stringMatching(
          /^\/updates\/0\/action: unknown or unsupported update type "set-statistics"; supported: assign-uuid, .*remove-properties\.$/,
        ),
      }),
    );
    expect(() => commit({ requirements: [{ type: 'assert-view-uuid', uuid: 'x' }], updates: [] })).toThrow(
      expect.objectContaining({
        code: 'MW8252',
        message: expect.stringContaining('/requirements/0/type: unknown requirement type "assert-view-uuid"'),
      }),
    );
  });

  it('names the malformed field as a JSON pointer', () => {
    const cases: [object, string][] = [
      [{ updates: [] }, '/requirements: is required (an array)'],
      [{ requirements: [], updates: {} }, '/updates: must be a JSON array'],
      [
        { requirements: [], updates: [{ action: 'add-snapshot', snapshot: { 'snapshot-id': 'abc' } }] },
        '/updates/0/snapshot/snapshot-id: must be a 64-bit integer',
      ],
      [
        {
          requirements: [],
          updates: [
            {
              action: 'add-snapshot',
              snapshot: { 'snapshot-id': 1, 'timestamp-ms': 1, 'manifest-list': 'm', summary: { operation: 'merge' } },
            },
          ],
        },
        '/updates/0/snapshot/summary/operation: must be one of append, replace, overwrite, delete',
      ],
      [
        {
          requirements: [],
          updates: [
            {
              action: 'add-schema',
              schema: { type: 'struct', fields: [{ id: 1, name: 'a', type: 'varchar', required: true }] },
            },
          ],
        },
        '/updates/0/schema/fields/0/type: unknown type "varchar"',
      ],
      [
        {
          requirements: [],
          updates: [
            {
              action: 'add-schema',
              schema: {
                type: 'struct',
                fields: [
                  { id: 1, name: 'a', type: 'int', required: true },
                  { id: 1, name: 'b', type: 'int', required: true },
                ],
              },
            },
          ],
        },
        '/updates/0/schema: field id 1 is used twice in the schema',
      ],
      [
        {
          requirements: [],
          updates: [{ action: 'add-spec', spec: { fields: [{ 'source-id': 1, name: 'p', transform: 'bucket[0]' }] } }],
        },
        '/updates/0/spec/fields/0/transform: unknown transform "bucket[0]"',
      ],
      [
        { requirements: [], updates: [{ action: 'set-properties', updates: { a: 1 } }] },
        '/updates/0/updates/a: must be a string',
      ],
      [{ requirements: [{ type: 'assert-table-uuid' }], updates: [] }, '/requirements/0/uuid: is required (a string)'],
      [
        { requirements: [], updates: [{ action: 'set-snapshot-ref', 'ref-name': 'main/x~', type: 'branch' }] },
        '/updates/0/snapshot-id: is required (a 64-bit integer)',
      ],
    ];
    for (const [body, message] of cases) {
      expect(() => commit(body), message).toThrow(
        expect.objectContaining({ code: 'MW8250', message: expect.stringContaining(message) }),
      );
    }
    expect(() => commit('[]')).toThrow(expect.objectContaining({ message: 'the request body: must be a JSON object' }));
  });
});

describe('commit requirements', () => {
  const table = (() => {
    const draft = draftOf(createdTable());
    applyUpdates(draft, commit({ requirements: [], updates: appendUpdates(10n) }).updates, NOW);
    return metadataOf(draft, NOW);
  })();

  it('pass when the table is as the client expects', () => {
    const request = commit({
      requirements: [
        { type: 'assert-table-uuid', uuid: UUID },
        { type: 'assert-ref-snapshot-id', ref: 'main', 'snapshot-id': 10 },
        { type: 'assert-ref-snapshot-id', ref: 'dev', 'snapshot-id': null },
        { type: 'assert-last-assigned-field-id', 'last-assigned-field-id': 3 },
        { type: 'assert-current-schema-id', 'current-schema-id': 0 },
        { type: 'assert-last-assigned-partition-id', 'last-assigned-partition-id': 999 },
        { type: 'assert-default-spec-id', 'default-spec-id': 0 },
        { type: 'assert-default-sort-order-id', 'default-sort-order-id': 0 },
      ],
      updates: [],
    });
    expect(() => checkRequirements(request.requirements, table, 's.events')).not.toThrow();
    expect(() =>
      checkRequirements(
        commit({ requirements: [{ type: 'assert-create' }], updates: [] }).requirements,
        undefined,
        's.events',
      ),
    ).not.toThrow();
  });

  it('fail with 409 naming the requirement, the expected and the current value', () => {
    const cases: [object, string][] = [
      [{ type: 'assert-create' }, 'requirement 0 (assert-create) does not hold: the table already exists'],
      [{ type: 'assert-table-uuid', uuid: 'x' }, `expected table uuid x, the table's is ${UUID}`],
      [
        { type: 'assert-ref-snapshot-id', ref: 'main', 'snapshot-id': 9 },
        'expected ref main at snapshot 9, it is at snapshot 10',
      ],
      [
        { type: 'assert-ref-snapshot-id', ref: 'main', 'snapshot-id': null },
        'expected ref main not to exist, it points to snapshot 10',
      ],
      [
        { type: 'assert-ref-snapshot-id', ref: 'dev', 'snapshot-id': 10 },
        'expected ref dev at snapshot 10, the ref does not exist',
      ],
      [
        { type: 'assert-last-assigned-field-id', 'last-assigned-field-id': 4 },
        "expected last assigned field id 4, the table's is 3",
      ],
      [{ type: 'assert-current-schema-id', 'current-schema-id': 1 }, "expected current schema id 1, the table's is 0"],
      [
        { type: 'assert-last-assigned-partition-id', 'last-assigned-partition-id': 1000 },
        "expected last assigned partition id 1000, the table's is 999",
      ],
      [{ type: 'assert-default-spec-id', 'default-spec-id': 2 }, "expected default spec id 2, the table's is 0"],
      [
        { type: 'assert-default-sort-order-id', 'default-sort-order-id': 1 },
        "expected default sort order id 1, the table's is 0",
      ],
    ];
    for (const [requirement, message] of cases) {
      const { requirements } = commit({ requirements: [requirement], updates: [] });
      expect(() => checkRequirements(requirements, table, 's.events'), message).toThrow(
        expect.objectContaining({ code: 'MW8260', kind: 'conflict', message: expect.stringContaining(message) }),
      );
    }
  });
});
