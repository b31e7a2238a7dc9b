import { describe, expect, it } from 'vitest';
import { parseDuckDbType } from './duckdb-type.js';

const primitive = (name: string, args: string[] = []) => ({ kind: 'primitive', name, args });

describe('parseDuckDbType', () => {
  it('reads primitives, with arguments and multi-word names', () => {
    expect(parseDuckDbType('BIGINT')).toEqual(primitive('BIGINT'));
    expect(parseDuckDbType('DECIMAL(18,2)')).toEqual(primitive('DECIMAL', ['18', '2']));
    expect(parseDuckDbType('TIMESTAMP WITH TIME ZONE')).toEqual(primitive('TIMESTAMP WITH TIME ZONE'));
    expect(parseDuckDbType("ENUM('a', 'it''s')")).toEqual(primitive('ENUM', ['a', "it's"]));
  });

  it('reads nested types as DESCRIBE spells them, quoted field names included', () => {
    expect(parseDuckDbType('STRUCT("select" INTEGER, "a""b" VARCHAR[], "A B" STRUCT("c d" DATE))')).toEqual({
      kind: 'struct',
      fields: [
        { name: 'select', type: primitive('INTEGER') },
        { name: 'a"b', type: { kind: 'list', element: primitive('VARCHAR') } },
        { name: 'A B', type: { kind: 'struct', fields: [{ name: 'c d', type: primitive('DATE') }] } },
      ],
    });
    expect(parseDuckDbType('MAP(VARCHAR, STRUCT(x TIMESTAMP WITH TIME ZONE))[]')).toEqual({
      kind: 'list',
      element: {
        kind: 'map',
        key: primitive('VARCHAR'),
        value: { kind: 'struct', fields: [{ name: 'x', type: primitive('TIMESTAMP WITH TIME ZONE') }] },
      },
    });
    // A fixed-size ARRAY is a list to Iceberg.
    expect(parseDuckDbType('INTEGER[2][]')).toEqual({
      kind: 'list',
      element: { kind: 'list', element: primitive('INTEGER') },
    });
    expect(parseDuckDbType('UNION(k INTEGER, s VARCHAR)')).toMatchObject({ kind: 'union' });
  });

  it('refuses text that is not a type, with MW8202 quoting it', () => {
    for (const text of ['', 'STRUCT(', 'INTEGER]', 'MAP(VARCHAR)', '"unterminated', 'DECIMAL(x)', 'INTEGER INTEGER(']) {
      expect(() => parseDuckDbType(text), text).toThrow(expect.objectContaining({ code: 'MW8202' }));
    }
  });
});
