import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDuckType, parseDuckType } from './duckdb-type-parser.js';

const canonical = (text: string) => {
  const type = parseDuckType(text);
  return type ? formatDuckType(type) : undefined;
};

describe('parseDuckType', () => {
  it.each([
    ['varchar', 'VARCHAR'],
    ['TEXT', 'VARCHAR'],
    ['String', 'VARCHAR'],
    ['varchar(20)', 'VARCHAR'],
    ['character varying(5)', 'VARCHAR'],
    ['INT', 'INTEGER'],
    ['int4', 'INTEGER'],
    ['INT8', 'BIGINT'],
    ['long', 'BIGINT'],
    ['int2', 'SMALLINT'],
    ['float8', 'DOUBLE'],
    ['double precision', 'DOUBLE'],
    ['real', 'FLOAT'],
    ['bool', 'BOOLEAN'],
    ['numeric(12, 2)', 'DECIMAL(12,2)'],
    ['DECIMAL(10)', 'DECIMAL(10,0)'],
    ['decimal', 'DECIMAL(18,3)'],
    ['timestamptz', 'TIMESTAMP WITH TIME ZONE'],
    ['timestamp with time zone', 'TIMESTAMP WITH TIME ZONE'],
    ['datetime', 'TIMESTAMP'],
    ['timetz', 'TIME WITH TIME ZONE'],
    ['bytea', 'BLOB'],
    ['int[]', 'INTEGER[]'],
    ['INTEGER[3]', 'INTEGER[3]'],
    ['varchar[][]', 'VARCHAR[][]'],
    ['list(text)', 'VARCHAR[]'],
    ['map(varchar, int)', 'MAP(VARCHAR, INTEGER)'],
    ['STRUCT(a INTEGER, "b ""c""" VARCHAR[])', 'STRUCT("a" INTEGER, "b ""c""" VARCHAR[])'],
    ["ENUM('a', 'it''s')", "ENUM('a', 'it''s')"],
  ])('%s reads as %s', (text, expected) => {
    expect(canonical(text)).toBe(expected);
  });

  it.each([
    'float(3,2)',
    'NUMBER(10)',
    'NVARCHAR2(20)',
    'VARHCAR',
    'INTEGER(4)',
    'ARRAY<INT>',
    'STRUCT(a)',
    '',
    'MAP(INT)',
  ])('%s is not a DuckDB type', (text) => {
    expect(parseDuckType(text)).toBeUndefined();
  });

  it('formats to a spelling it reads back identically', () => {
    const names = ['INTEGER', 'VARCHAR', 'DOUBLE', 'DECIMAL(9,2)', 'DATE', 'TIMESTAMP WITH TIME ZONE'];
    const type: fc.Arbitrary<string> = fc.letrec<{ t: string }>((tie) => ({
      t: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.constantFrom(...names),
        tie('t').map((t) => `${t}[]`),
        fc.tuple(tie('t'), fc.integer({ min: 1, max: 9 })).map(([t, n]) => `${t}[${n}]`),
        fc.tuple(tie('t'), tie('t')).map(([k, v]) => `MAP(${k}, ${v})`),
        fc
          .array(fc.tuple(fc.string({ minLength: 1, maxLength: 5 }), tie('t')), { minLength: 1, maxLength: 3 })
          .map((fields) => `STRUCT(${fields.map(([n, t]) => `"${n.replaceAll('"', '""')}" ${t}`).join(', ')})`),
      ),
    })).t;
    fc.assert(
      fc.property(type, (text) => {
        const once = canonical(text);
        expect(once).toBeDefined();
        expect(canonical(once!)).toBe(once);
      }),
    );
  });
});
