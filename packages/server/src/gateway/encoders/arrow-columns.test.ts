/**
 * Arrow for every DuckDB type, straight from a DuckDB result (no gateway: these tests are about
 * the column building, and the gateway refuses some literal syntaxes used here).
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { arrowEncoder, loadArrow } from './arrow-encoder.js';
import { writableByteWriter } from './byte-writer.js';
import { duckdbStream } from './test-support/duckdb-stream.js';

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

async function arrowTable(sql: string) {
  const arrow = await loadArrow();
  const pieces: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      pieces.push(chunk);
      done();
    },
  });
  await arrowEncoder.encode(await duckdbStream(connection, sql), writableByteWriter(sink), { maxBytes: 1024 ** 3 });
  return arrow.tableFromIPC(Buffer.concat(pieces));
}

describe('DuckDB columns as Arrow columns', () => {
  it('maps each type to its Arrow type, keeping every value exact, NULLs included', async () => {
    const table = await arrowTable(`
      SELECT * FROM (VALUES
        (true, (-5)::TINYINT, 300::SMALLINT, 70000::INTEGER, 9223372036854775807::BIGINT, 255::UTINYINT,
         18446744073709551615::UBIGINT, 1.5::FLOAT, 2.25::DOUBLE, -12345678901234567.89::DECIMAL(38,2),
         DATE '2026-01-03', TIME '10:11:12.000013', TIMESTAMP '2026-01-03 10:00:00.000001',
         TIMESTAMPTZ '2026-01-03 10:00:00+02', TIMESTAMP_NS '2026-01-03 10:00:00.123456789',
         '\\xCA\\xFE'::BLOB, 'héllo', 'b'::ENUM('a', 'b'), 170141183460469231731687303715884105727::HUGEINT,
         INTERVAL '1 month 2 days', '6f1e1f5a-0c2b-4b7e-9a51-7f5d1a2b3c4d'::UUID,
         [1, NULL, 3], [[1.5::DOUBLE]], ['x', 'y']::VARCHAR[2], {'a': 1, 'b': 'z'}, MAP {'k': 7, 'l': NULL}),
        (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
         NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)
      ) AS t(b, i8, i16, i32, i64, u8, u64, f32, f64, dec, d, t, ts, tstz, tsns, blob, s, e, huge, iv, u,
             l, ll, arr, st, m)`);
    expect(table.numRows).toBe(2);
    expect(table.schema.fields.map((f) => String(f.type))).toEqual([
      'Bool',
      'Int8',
      'Int16',
      'Int32',
      'Int64',
      'Uint8',
      'Uint64',
      'Float32',
      'Float64',
      'Decimal[38e+2]',
      'Date32<DAY>',
      'Time64<MICROSECOND>',
      'Timestamp<MICROSECOND>',
      'Timestamp<MICROSECOND, UTC>',
      'Timestamp<NANOSECOND>',
      'Binary',
      'Utf8',
      'Utf8',
      'Utf8',
      'Utf8',
      'Utf8',
      'List<Int32>',
      'List<List<Float64>>',
      'FixedSizeList[2]<Utf8>',
      'Struct<{a:Int32, b:Utf8}>',
      'Map<{key:Utf8, value:Int32}>',
    ]);
    const [row, nulls] = [table.get(0)!.toJSON(), table.get(1)!.toJSON()];
    expect(Object.values(nulls).every((v) => v === null)).toBe(true);
    const raw = (name: string) => table.getChild(name)!.data[0]!.values as ArrayLike<unknown>;
    expect(row.b).toBe(true);
    expect([row.i8, row.i16, row.i32, row.u8]).toEqual([-5, 300, 70000, 255]);
    expect(row.i64).toBe(9223372036854775807n);
    expect(row.u64).toBe(18446744073709551615n);
    expect([row.f32, row.f64]).toEqual([1.5, 2.25]);
    // Decimal128 words of -1234567890123456789 (the value times 10^2), two's complement.
    const words = raw('dec') as Uint32Array;
    const unscaled = BigInt.asIntN(
      128,
      [...words.subarray(0, 4)].reduceRight((sum, word) => (sum << 32n) | BigInt(word), 0n),
    );
    expect(unscaled).toBe(-1234567890123456789n);
    expect(raw('d')[0]).toBe(20456);
    expect(raw('t')[0]).toBe(36672000013n);
    expect(raw('ts')[0]).toBe(1767434400000001n);
    expect(raw('tstz')[0]).toBe(1767427200000000n);
    expect(raw('tsns')[0]).toBe(1767434400123456789n);
    expect([...(row.blob as Uint8Array)]).toEqual([0xca, 0xfe]);
    expect([row.s, row.e, row.huge, row.iv, row.u]).toEqual([
      'héllo',
      'b',
      '170141183460469231731687303715884105727',
      'P1M2D',
      '6f1e1f5a-0c2b-4b7e-9a51-7f5d1a2b3c4d',
    ]);
    expect(JSON.parse(JSON.stringify(row.l))).toEqual([1, null, 3]);
    expect(JSON.parse(JSON.stringify(row.ll))).toEqual([[1.5]]);
    expect(JSON.parse(JSON.stringify(row.arr))).toEqual(['x', 'y']);
    expect(JSON.parse(JSON.stringify(row.st))).toEqual({ a: 1, b: 'z' });
    expect(JSON.parse(JSON.stringify(row.m))).toEqual({ k: 7, l: null });
  });

  it('writes one record batch per chunk, with the schema first even when there are no rows', async () => {
    const many = await arrowTable('SELECT range AS n FROM range(5000)');
    expect(many.numRows).toBe(5000);
    expect(many.batches.length).toBeGreaterThan(1);
    expect(many.getChild('n')!.get(4999)).toBe(4999n);
    const none = await arrowTable('SELECT 1 AS n WHERE false');
    expect(none.numRows).toBe(0);
    expect(none.schema.fields.map((f) => f.name)).toEqual(['n']);
  });
});
