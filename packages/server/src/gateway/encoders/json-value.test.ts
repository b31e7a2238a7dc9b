import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { toJsonValue, type JsonValue } from './json-value.js';

let instance: DuckDBInstance;
let connection: DuckDBConnection;

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
});
afterAll(() => {
  connection?.closeSync();
  instance?.closeSync();
});

/** The first row of `SELECT <expressions>`, converted, by column name. */
async function convert(expressions: string): Promise<Record<string, JsonValue>> {
  const reader = await connection.runAndReadAll(`SELECT ${expressions}`);
  const row = reader.getRows()[0]!;
  return Object.fromEntries(row.map((value, i) => [reader.columnName(i), toJsonValue(value, reader.columnType(i))]));
}

describe('DuckDB values as JSON values', () => {
  it('BOOLEAN and NULL', async () => {
    expect(await convert('true AS t, false AS f, NULL::BOOLEAN AS n, NULL AS untyped')).toEqual({
      t: true,
      f: false,
      n: null,
      untyped: null,
    });
  });

  it('integers up to 32 bits stay numbers, signed and unsigned', async () => {
    expect(
      await convert(
        '(-128)::TINYINT AS a, (-32768)::SMALLINT AS b, (-2147483648)::INTEGER AS c, 255::UTINYINT AS d, 65535::USMALLINT AS e, 4294967295::UINTEGER AS f',
      ),
    ).toEqual({ a: -128, b: -32768, c: -2147483648, d: 255, e: 65535, f: 4294967295 });
  });

  it('BIGINT, UBIGINT, HUGEINT, UHUGEINT and BIGNUM are exact strings', async () => {
    expect(
      await convert(
        `9223372036854775807::BIGINT AS a, 18446744073709551615::UBIGINT AS b,
         (-170141183460469231731687303715884105728)::HUGEINT AS c, 340282366920938463463374607431768211455::UHUGEINT AS d,
         '123456789012345678901234567890123456789012'::BIGNUM AS e, 1::BIGINT AS small`,
      ),
    ).toEqual({
      a: '9223372036854775807',
      b: '18446744073709551615',
      c: '-170141183460469231731687303715884105728',
      d: '340282366920938463463374607431768211455',
      e: '123456789012345678901234567890123456789012',
      small: '1',
    });
  });

  it('DECIMAL keeps every digit as a string, at every width', async () => {
    expect(
      await convert(
        `12.50::DECIMAL(4,2) AS a, -1234567.891::DECIMAL(18,3) AS b, 12345678901234567890.123456789::DECIMAL(38,9) AS c, 0.01::DECIMAL(9,2) AS d`,
      ),
    ).toEqual({ a: '12.50', b: '-1234567.891', c: '12345678901234567890.123456789', d: '0.01' });
  });

  it('FLOAT prints as DuckDB does, DOUBLE as is; NaN and infinities as strings', async () => {
    expect(
      await convert(
        `0.1::FLOAT AS f, 1.5::DOUBLE AS d, 'nan'::DOUBLE AS nan, 'inf'::DOUBLE AS inf, '-inf'::FLOAT AS ninf, 1e300::DOUBLE AS big`,
      ),
    ).toEqual({ f: 0.1, d: 1.5, nan: 'NaN', inf: 'Infinity', ninf: '-Infinity', big: 1e300 });
  });

  it('VARCHAR, ENUM, UUID and BIT are their text', async () => {
    expect(
      await convert(
        `'héllo ✓' AS s, 'b'::ENUM('a', 'b') AS e, '6f1e1f5a-0c2b-4b7e-9a51-7f5d1a2b3c4d'::UUID AS u, '10110'::BIT AS bits`,
      ),
    ).toEqual({ s: 'héllo ✓', e: 'b', u: '6f1e1f5a-0c2b-4b7e-9a51-7f5d1a2b3c4d', bits: '10110' });
  });

  it('BLOB is base64', async () => {
    expect(await convert(`'\\xDE\\xAD\\xBE\\xEF'::BLOB AS b, ''::BLOB AS empty`)).toEqual({
      b: Buffer.from([0xde, 0xad, 0xbe, 0xef]).toString('base64'),
      empty: '',
    });
  });

  it('DATE is ISO 8601, including years outside 0001–9999 and infinities', async () => {
    expect(
      await convert(
        `DATE '2026-01-03' AS d, DATE '1970-01-01' AS epoch, DATE '1969-12-31' AS before, DATE '2024-02-29' AS leap,
         '0044-03-15 (BC)'::DATE AS bc, DATE '12345-06-07' AS far, 'infinity'::DATE AS inf, '-infinity'::DATE AS ninf`,
      ),
    ).toEqual({
      d: '2026-01-03',
      epoch: '1970-01-01',
      before: '1969-12-31',
      leap: '2024-02-29',
      bc: '-000043-03-15',
      far: '+012345-06-07',
      inf: 'infinity',
      ninf: '-infinity',
    });
  });

  it('TIMESTAMP in every unit is ISO 8601 with its precision; TIMESTAMPTZ is UTC with Z', async () => {
    expect(
      await convert(
        `TIMESTAMP '2026-01-03 10:00:00' AS t, TIMESTAMP '2026-01-03 10:00:00.5' AS half, TIMESTAMP '1969-12-31 23:59:59.999999' AS micros,
         TIMESTAMP_S '2026-01-03 10:00:01' AS s, TIMESTAMP_MS '2026-01-03 10:00:00.123' AS ms, TIMESTAMP_NS '2026-01-03 10:00:00.123456789' AS ns,
         TIMESTAMPTZ '2026-01-03 10:00:00+02' AS tz, 'infinity'::TIMESTAMP AS inf, '-infinity'::TIMESTAMPTZ AS ninf`,
      ),
    ).toEqual({
      t: '2026-01-03T10:00:00',
      half: '2026-01-03T10:00:00.500',
      micros: '1969-12-31T23:59:59.999999',
      s: '2026-01-03T10:00:01',
      ms: '2026-01-03T10:00:00.123',
      ns: '2026-01-03T10:00:00.123456789',
      tz: '2026-01-03T08:00:00Z',
      inf: 'infinity',
      ninf: '-infinity',
    });
  });

  it('TIME and TIMETZ are ISO 8601 times', async () => {
    expect(
      await convert(
        `TIME '10:11:12' AS t, TIME '10:11:12.000123' AS micro, TIMETZ '10:11:12+05:30' AS tz, TIMETZ '23:00:00-08' AS west`,
      ),
    ).toEqual({ t: '10:11:12', micro: '10:11:12.000123', tz: '10:11:12+05:30', west: '23:00:00-08:00' });
  });

  it('INTERVAL is an ISO 8601 duration, each component with its sign', async () => {
    expect(
      await convert(
        `INTERVAL '1 year 2 months 3 days 04:05:06.5' AS a, INTERVAL '0 seconds' AS zero, INTERVAL '-1 month 2 days' AS mixed,
         INTERVAL '-90 minutes' AS negative, INTERVAL '1 microsecond' AS tiny`,
      ),
    ).toEqual({
      a: 'P1Y2M3DT4H5M6.500S',
      zero: 'PT0S',
      mixed: 'P-1M2D',
      negative: 'PT-1H-30M',
      tiny: 'PT0.000001S',
    });
  });

  it('LIST and ARRAY are arrays of converted values, STRUCT an object', async () => {
    expect(
      await convert(
        `[1, NULL, 3] AS l, [[DATE '2026-01-01']] AS nested, [1.5, 2.25]::DECIMAL(5,2)[2] AS arr,
         {'id': 9223372036854775807::BIGINT, 'at': TIMESTAMP '2026-01-03 10:00:00', 'tags': ['a']} AS s, []::INTEGER[] AS empty`,
      ),
    ).toEqual({
      l: [1, null, 3],
      nested: [['2026-01-01']],
      arr: ['1.50', '2.25'],
      s: { id: '9223372036854775807', at: '2026-01-03T10:00:00', tags: ['a'] },
      empty: [],
    });
  });

  it('MAP with text keys is an object, other maps are {key, value} entries', async () => {
    expect(await convert(`MAP {'a': 1, 'b': 2} AS text_keys, MAP {1: DATE '2026-01-01'} AS int_keys`)).toEqual({
      text_keys: { a: 1, b: 2 },
      int_keys: [{ key: 1, value: '2026-01-01' }],
    });
  });

  it('a map key named __proto__ is data, not a prototype', async () => {
    const row = await convert(`MAP {'__proto__': 2, 'x': 3} AS m`);
    expect(Object.keys(row.m as object)).toEqual(['__proto__', 'x']);
    expect(JSON.stringify(row)).toBe('{"m":{"__proto__":2,"x":3}}');
  });

  it('UNION is the value of its member', async () => {
    expect(
      await convert(
        `union_value(n := 7)::UNION(n INTEGER, s VARCHAR) AS n, union_value(s := 'x')::UNION(n INTEGER, s VARCHAR) AS s`,
      ),
    ).toEqual({ n: 7, s: 'x' });
  });
});
