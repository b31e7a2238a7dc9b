/** Parquet for every DuckDB type a table can hold, straight from a DuckDB result. */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { materializeParquet } from './parquet-encoder.js';
import { duckdbStream } from './test-support/duckdb-stream.js';

let instance: DuckDBInstance;
let connection: DuckDBConnection;
let scratch: string;

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
  scratch = await mkdtemp(join(tmpdir(), 'meshwork-parquet-'));
});
afterAll(async () => {
  connection?.closeSync();
  instance?.closeSync();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

async function roundTrip(sql: string): Promise<{ rows: Record<string, unknown>[]; types: Record<string, string> }> {
  const file = await materializeParquet(await duckdbStream(connection, sql), {
    maxBytes: 1024 ** 3,
    tempDirectory: join(scratch, 'tmp'),
  });
  const pieces: Buffer[] = [];
  try {
    await file.writeTo({
      bytes: 0,
      write: async (data) => void pieces.push(Buffer.from(data)),
    });
  } finally {
    await file.dispose();
  }
  const path = join(scratch, 'result.parquet');
  await writeFile(path, Buffer.concat(pieces));
  const read = await connection.runAndReadAll(`SELECT * FROM read_parquet('${path}')`);
  const types = Object.fromEntries(read.columnNames().map((name, i) => [name, read.columnType(i).toString()]));
  return { rows: read.getRowObjectsJson() as Record<string, unknown>[], types };
}

describe('Parquet results', () => {
  it('keeps types and values, nested ones and repeated names included, and removes its files', async () => {
    const { rows, types } = await roundTrip(`
      SELECT 9223372036854775807::BIGINT AS big, -12.34::DECIMAL(18,2) AS dec, DATE '2026-01-03' AS d,
             TIMESTAMPTZ '2026-01-03 10:00:00+02' AS tstz, 'b'::ENUM('a', 'b') AS e,
             '6f1e1f5a-0c2b-4b7e-9a51-7f5d1a2b3c4d'::UUID AS u, [1, 2] AS l, {'a': 1} AS s, MAP {'k': 1} AS m,
             union_value(n := 1)::UNION(n INTEGER, s VARCHAR) AS un, NULL::INTEGER AS n, 1 AS x, 2 AS x`);
    expect(rows).toEqual([
      {
        big: '9223372036854775807',
        dec: '-12.34',
        d: '2026-01-03',
        tstz: expect.stringMatching(/^2026-01-03/),
        e: 'b',
        u: '6f1e1f5a-0c2b-4b7e-9a51-7f5d1a2b3c4d',
        l: [1, 2],
        s: { a: 1 },
        m: [{ key: 'k', value: 1 }],
        // DuckDB writes a UNION to Parquet as a struct of its tag and members.
        un: expect.objectContaining({ n: 1, s: null }),
        n: null,
        x: 1,
        x_1: 2,
      },
    ]);
    expect(types).toMatchObject({ big: 'BIGINT', dec: 'DECIMAL(18,2)', d: 'DATE', l: 'INTEGER[]' });
    expect(await readdir(join(scratch, 'tmp'))).toEqual([]);
  });

  it('rewrites the file with fewer rows until it fits maxBytes, or fails with MW5012 when asked to', async () => {
    const sql = 'SELECT range AS n, md5(range::VARCHAR) AS h FROM range(50000)';
    const file = await materializeParquet(await duckdbStream(connection, sql), {
      maxBytes: 100_000,
      tempDirectory: join(scratch, 'tmp'),
    });
    await file.dispose();
    expect(file.bytes).toBeLessThanOrEqual(100_000);
    expect(file.truncated).toBe(true);
    expect(file.rows).toBeGreaterThan(0);
    expect(file.rows).toBeLessThan(50_000);
    await expect(
      materializeParquet(await duckdbStream(connection, sql), {
        maxBytes: 100_000,
        onLimit: 'fail',
        tempDirectory: join(scratch, 'tmp'),
      }),
    ).rejects.toMatchObject({ code: 'MW5012' });
    expect(await readdir(join(scratch, 'tmp'))).toEqual([]);
  });
});
