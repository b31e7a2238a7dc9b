import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IcebergTableMetadata } from '../table-metadata.js';
import { assignFieldIds, type AssignedSchema, type SchemaColumn } from './assign-field-ids.js';

const col = (name: string, type: string, nullable = true): SchemaColumn => ({ name, type, nullable });

/** Just enough metadata to carry a schema history forward. */
function metadataOf(...assigned: AssignedSchema[]): IcebergTableMetadata {
  const last = assigned.at(-1)!;
  const schemas = assigned
    .map((a) => a.schema)
    .filter((s, i, all) => all.findIndex((o) => o['schema-id'] === s['schema-id']) === i);
  return {
    'format-version': 2,
    'table-uuid': '9c12d441-03fe-4693-9a96-a0705ddf69c1',
    location: 'file:///t',
    'last-sequence-number': 0,
    'last-updated-ms': 0,
    'last-column-id': last.lastColumnId,
    schemas,
    'current-schema-id': last.schema['schema-id'],
    'partition-specs': [{ 'spec-id': 0, fields: [] }],
    'default-spec-id': 0,
    'last-partition-id': 999,
    'sort-orders': [{ 'order-id': 0, fields: [] }],
    'default-sort-order-id': 0,
  };
}

describe('assignFieldIds', () => {
  it('numbers a first schema: each struct’s own fields first, then what is nested in them', () => {
    const { schema, lastColumnId } = assignFieldIds(undefined, [
      col('id', 'BIGINT', false),
      col('tags', 'VARCHAR[]'),
      col('detail', 'STRUCT(kind VARCHAR, scores DOUBLE[])'),
      col('extras', 'MAP(VARCHAR, DECIMAL(12,2))'),
    ]);
    expect(schema).toEqual({
      type: 'struct',
      'schema-id': 0,
      fields: [
        { id: 1, name: 'id', required: true, type: 'long' },
        {
          id: 2,
          name: 'tags',
          required: false,
          type: { type: 'list', 'element-id': 5, element: 'string', 'element-required': false },
        },
        {
          id: 3,
          name: 'detail',
          required: false,
          type: {
            type: 'struct',
            fields: [
              { id: 6, name: 'kind', required: false, type: 'string' },
              {
                id: 7,
                name: 'scores',
                required: false,
                type: { type: 'list', 'element-id': 8, element: 'double', 'element-required': false },
              },
            ],
          },
        },
        {
          id: 4,
          name: 'extras',
          required: false,
          type: {
            type: 'map',
            'key-id': 9,
            key: 'string',
            'value-id': 10,
            value: 'decimal(12,2)',
            'value-required': false,
          },
        },
      ],
    });
    expect(lastColumnId).toBe(10);
  });

  it('maps DuckDB types to Iceberg types as DuckDB writes them to Parquet', () => {
    const types: [string, string][] = [
      ['BOOLEAN', 'boolean'],
      ['TINYINT', 'int'],
      ['SMALLINT', 'int'],
      ['INTEGER', 'int'],
      ['UTINYINT', 'int'],
      ['USMALLINT', 'int'],
      ['BIGINT', 'long'],
      ['UINTEGER', 'long'],
      ['HUGEINT', 'double'],
      ['FLOAT', 'float'],
      ['DOUBLE', 'double'],
      ['DECIMAL(38,10)', 'decimal(38,10)'],
      ['DATE', 'date'],
      ['TIME', 'time'],
      ['TIMESTAMP', 'timestamp'],
      ['TIMESTAMP_S', 'timestamp'],
      ['TIMESTAMP_MS', 'timestamp'],
      ['TIMESTAMP WITH TIME ZONE', 'timestamptz'],
      ['VARCHAR', 'string'],
      ["ENUM('a', 'b')", 'string'],
      ['JSON', 'string'],
      ['UUID', 'uuid'],
      ['BLOB', 'binary'],
    ];
    const { schema } = assignFieldIds(
      undefined,
      types.map(([type], i) => col(`c${i}`, type)),
    );
    expect(schema.fields.map((f) => f.type)).toEqual(types.map(([, iceberg]) => iceberg));
  });

  it('refuses types Iceberg v2 cannot hold with MW8201, naming the column path and the cast that fixes it', () => {
    const cases: [SchemaColumn, RegExp][] = [
      [col('n', 'UBIGINT'), /Column "n" has type UBIGINT.*DECIMAL\(20,0\)/],
      [col('at', 'TIMESTAMP_NS'), /Column "at" has type TIMESTAMP_NS.*TIMESTAMP \(microseconds\)/],
      [col('d', 'STRUCT(span INTERVAL)'), /Column "d\.span" has type INTERVAL.*VARCHAR/],
      [col('l', 'TIME WITH TIME ZONE[]'), /Column "l\.element" has type TIME WITH TIME ZONE/],
      [col('u', 'UNION(a INTEGER, b VARCHAR)'), /Column "u" has type UNION\(a INTEGER, b VARCHAR\)/],
      [col('v', 'VARIANT'), /VARCHAR \(JSON text\)/],
      [col('g', 'GEOMETRY'), /Column "g" has type GEOMETRY/],
    ];
    for (const [column, message] of cases) {
      expect(() => assignFieldIds(undefined, [column]), column.type).toThrow(
        expect.objectContaining({ kind: 'input', code: 'MW8201', message: expect.stringMatching(message) }),
      );
    }
    expect(() => assignFieldIds(undefined, [col('x', 'STRUCT(')])).toThrow(expect.objectContaining({ code: 'MW8202' }));
  });

  it('keeps ids by name across snapshots; new columns get last-column-id + 1; the schema id moves only on change', () => {
    const first = assignFieldIds(undefined, [col('id', 'BIGINT'), col('tags', 'VARCHAR[]')]);
    const same = assignFieldIds(metadataOf(first), [col('id', 'BIGINT'), col('tags', 'VARCHAR[]')]);
    expect(same).toEqual(first);

    // Reordered, one column added (nested), nothing renumbered.
    const grown = assignFieldIds(metadataOf(first), [
      col('tags', 'VARCHAR[]'),
      col('detail', 'STRUCT(a INTEGER)'),
      col('id', 'BIGINT'),
    ]);
    expect(grown.schema['schema-id']).toBe(1);
    expect(grown.schema.fields.map((f) => [f.name, f.id])).toEqual([
      ['tags', 2],
      ['detail', 4],
      ['id', 1],
    ]);
    expect(grown.schema.fields[1]!.type).toMatchObject({ fields: [{ id: 5, name: 'a' }] });
    expect(grown.lastColumnId).toBe(5);

    // A dropped column's id is never reused, even when a column of that name comes back.
    const dropped = assignFieldIds(metadataOf(first, grown), [col('id', 'BIGINT')]);
    const back = assignFieldIds(metadataOf(first, grown, dropped), [
      col('id', 'BIGINT'),
      col('detail', 'STRUCT(a INTEGER)'),
    ]);
    expect(back.schema.fields.map((f) => f.id)).toEqual([1, 6]);
    expect(back.schema['schema-id']).toBe(3);

    // Back to an earlier shape whose columns the current schema still has: that schema, id and all.
    const again = assignFieldIds(metadataOf(first, grown), [col('id', 'BIGINT'), col('tags', 'VARCHAR[]')]);
    expect(again).toEqual({ schema: first.schema, lastColumnId: 5 });
  });

  it('keeps the id through an allowed type promotion, and gives a changed type a fresh one', () => {
    const first = assignFieldIds(undefined, [
      col('n', 'INTEGER'),
      col('x', 'FLOAT'),
      col('amount', 'DECIMAL(10,2)'),
      col('code', 'INTEGER'),
      col('list', 'INTEGER[]'),
    ]);
    const next = assignFieldIds(metadataOf(first), [
      col('n', 'BIGINT'),
      col('x', 'DOUBLE'),
      col('amount', 'DECIMAL(18,2)'),
      col('code', 'VARCHAR'),
      col('list', 'VARCHAR[]'),
    ]);
    const ids = Object.fromEntries(next.schema.fields.map((f) => [f.name, f.id]));
    expect(ids).toEqual({ n: 1, x: 2, amount: 3, code: 7, list: 5 });
    // The list keeps its id; its element, now strings, is a new field.
    expect(next.schema.fields[4]!.type).toMatchObject({ 'element-id': 8, element: 'string' });
    expect(next.schema['schema-id']).toBe(1);
  });

  it('gives every field of any schema a distinct id, and the same ids when assigned again', () => {
    const name = fc.constantFrom('a', 'b', 'c', 'd');
    const type = fc.constantFrom(
      'INTEGER',
      'VARCHAR[]',
      'STRUCT(a INTEGER, b VARCHAR[])',
      'MAP(VARCHAR, BIGINT)',
      'DATE',
    );
    const columns = fc.uniqueArray(fc.record({ name, type }), { selector: (c) => c.name, minLength: 1 });
    fc.assert(
      fc.property(columns, columns, (before, after) => {
        const first = assignFieldIds(
          undefined,
          before.map((c) => col(c.name, c.type)),
        );
        const next = assignFieldIds(
          metadataOf(first),
          after.map((c) => col(c.name, c.type)),
        );
        const ids = JSON.stringify(next.schema)
          .match(/"(?:id|element-id|key-id|value-id)":\d+/g)!
          .map((m) => Number(m.split(':')[1]));
        expect(new Set(ids).size).toBe(ids.length);
        expect(Math.max(...ids)).toBeLessThanOrEqual(next.lastColumnId);
        expect(
          assignFieldIds(
            metadataOf(first),
            after.map((c) => col(c.name, c.type)),
          ),
        ).toEqual(next);
        for (const field of next.schema.fields) {
          const old = first.schema.fields.find((f) => f.name === field.name);
          if (old && JSON.stringify(old.type) === JSON.stringify(field.type)) expect(field.id).toBe(old.id);
        }
      }),
      { seed: 20250301, numRuns: 200 },
    );
  });
});
