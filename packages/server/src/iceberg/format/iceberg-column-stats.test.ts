/**
 * Column statistics in the manifests the warehouse writes, checked against the files themselves:
 * real DuckDB writes the Parquet (several row groups, two files), the real local warehouse
 * publishes it, avsc decodes the manifest, the bounds are decoded back from Iceberg's binary
 * single-value serialization here (not with the writer's code), and every number is compared
 * with what a DuckDB query over the same file says. icebird then reads the table, and a table
 * whose first snapshot was written without statistics (as before they existed) still reads.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { icebergRead } from 'icebird';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLocalWarehouse } from '../../warehouse/local/create-local-warehouse.js';
import type { ColumnSchema, SnapshotManifest } from '../../warehouse/snapshot-manifest.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import type { IcebergSchema } from '../table-metadata.js';
import { assignFieldIds } from './assign-field-ids.js';
import { decodeAvroFile, encodeAvroFile } from './avro-container.js';
import { MANIFEST_ENTRY_SCHEMA, MANIFEST_FILE_SCHEMA } from './avro-schemas.js';
import { parquetIcebergOptions } from './parquet-field-ids.js';
import { readAvroWithAvsc } from './test-support/avsc-file.js';
import { fileFetch } from './test-support/file-fetch.js';

const TABLE = { productId: 'sales.orders', port: 'orders', major: 1 };
const OLD_TABLE = { productId: 'sales.legacy', port: 'legacy', major: 1 };

/** Rows `from`..`to`-1 of a table with every kind of column; the first file spans 3 row groups. */
const source: Source = (from, to) => `SELECT
  range::INTEGER AS i,
  CASE WHEN range % 10 = 3 THEN NULL ELSE range * 1000 - 5 END::BIGINT AS b,
  CASE WHEN range % 7 = 0 THEN NULL ELSE (range - 100000) / 8.0 END::DOUBLE AS d,
  'name-' || lpad(range::VARCHAR, 7, '0') AS s,
  DATE '1969-12-25' + (range % 1000)::INTEGER AS dt,
  TIMESTAMP '2024-02-29 12:34:56.789012' + to_seconds(range) AS ts,
  CASE WHEN range % 5 = 0 THEN NULL ELSE (range - 150000) / 100 END::DECIMAL(12,2) AS amount,
  CASE WHEN range % 11 = 0 THEN NULL ELSE range % 3 = 0 END AS flag,
  lpad(range::VARCHAR, 7, '0') || repeat('é', 8) || '日本語x' AS long_text,
  repeat('x', 300) || range AS very_long_text,
  NULL::INTEGER AS nothing,
  CASE WHEN range % 4 = 0 THEN 'nan'::DOUBLE ELSE range END::DOUBLE AS with_nan,
  ('00000000-0000-0000-0000-' || lpad(range::VARCHAR, 12, '0'))::UUID AS u,
  [range::INTEGER, 1] AS tags
FROM range(${from}, ${to})`;

type Source = (from: number, to: number) => string;

const FILES = [
  { name: 'part-00000.parquet', from: 0, to: 250_000 },
  { name: 'part-00001.parquet', from: 1_000_000, to: 1_000_005 },
];

/** Iceberg units, computed by DuckDB from the file's rows: what each bound must decode to. */
const EXPECTED_BOUNDS: Record<string, { min: string; max: string; decode: (bytes: Buffer) => unknown }> = {
  i: { min: 'min(i)::BIGINT', max: 'max(i)::BIGINT', decode: (bytes) => BigInt(int32(bytes)) },
  b: { min: 'min(b)', max: 'max(b)', decode: int64 },
  d: { min: 'min(d)', max: 'max(d)', decode: (bytes) => bytes.readDoubleLE() },
  s: { min: 'min(s)', max: 'max(s)', decode: (bytes) => bytes.toString('utf8') },
  dt: {
    min: "(min(dt) - DATE '1970-01-01')::BIGINT",
    max: "(max(dt) - DATE '1970-01-01')::BIGINT",
    decode: (bytes) => BigInt(int32(bytes)),
  },
  ts: { min: 'epoch_us(min(ts))', max: 'epoch_us(max(ts))', decode: int64 },
  amount: { min: '(min(amount) * 100)::BIGINT', max: '(max(amount) * 100)::BIGINT', decode: decimal },
  flag: { min: 'min(flag)', max: 'max(flag)', decode: (bytes) => bytes.length === 1 && bytes[0] !== 0 },
  // truncate(16): the first 16 code points; the upper bound's 16th incremented.
  long_text: {
    min: 'left(min(long_text), 16)',
    max: 'left(max(long_text), 15) || chr(unicode(substring(max(long_text), 16, 1)) + 1)',
    decode: (bytes) => bytes.toString('utf8'),
  },
};

let dir: string;
let warehouse: Warehouse;
let duck: DuckDBConnection;
let closeDuck: () => void;
let schema: IcebergSchema;
let snapshot: SnapshotManifest;

beforeAll(async () => {
  vi.stubGlobal('fetch', fileFetch(globalThis.fetch));
  dir = await mkdtemp(join(tmpdir(), 'meshwork-iceberg-stats-'));
  const instance = await DuckDBInstance.create(':memory:');
  duck = await instance.connect();
  closeDuck = () => {
    duck.closeSync();
    instance.closeSync();
  };
  warehouse = createLocalWarehouse({ root: join(dir, 'warehouse') });
  const columns = await columnsOf(source(0, 1));
  schema = assignFieldIds(undefined, columns).schema;
  snapshot = await publish(TABLE, 'run-1', columns, FILES);
}, 120_000);

afterAll(async () => {
  vi.unstubAllGlobals();
  closeDuck?.();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function columnsOf(sql: string): Promise<ColumnSchema[]> {
  const described = await duck.runAndReadAll(`DESCRIBE ${sql}`);
  return (described.getRowObjectsJS() as { column_name: string; column_type: string }[]).map((row) => ({
    name: row.column_name,
    type: row.column_type,
    nullable: true,
  }));
}

/** Stages, writes the files as the runtime does (field ids, zstd), publishes. */
async function publish(
  table: typeof TABLE,
  runId: string,
  columns: readonly ColumnSchema[],
  files: readonly { name: string; from: number; to: number }[],
  sql: Source = source,
): Promise<SnapshotManifest> {
  const lock = await warehouse.acquireProductLock(table.productId, { runId });
  try {
    const staged = await warehouse.stage({ ...table, runId });
    const previous = (await warehouse.icebergTable(table))?.metadata;
    const options = parquetIcebergOptions(assignFieldIds(previous, columns).schema);
    for (const file of files) {
      await duck.run(
        `COPY (${sql(file.from, file.to)}) TO '${join(staged.dataDir, file.name)}' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 100000, ${options})`,
      );
    }
    const rows = files.map((file) => file.to - file.from);
    return await warehouse.publish(staged, {
      contract: { id: 'orders-contract', version: '1.0.0' },
      schema: columns,
      rowCount: rows.reduce((a, b) => a + b, 0),
      fileRowCounts: Object.fromEntries(files.map((file, index) => [file.name, rows[index]!])),
      columnStats: [],
      checks: { passed: 1, failed: 0, warnings: 0 },
    });
  } finally {
    await lock.release();
  }
}

async function tableDir(table: typeof TABLE): Promise<string> {
  return fileURLToPath((await warehouse.icebergTable(table))!.metadata.location);
}

async function manifestRecords(table: typeof TABLE, snapshotId: string): Promise<Record<string, unknown>[]> {
  const manifest = await readAvroWithAvsc(join(await tableDir(table), 'metadata', `${snapshotId}-m0.avro`));
  return manifest.records.map((record) => record.data_file as Record<string, unknown>);
}

/** An Avro map of int keys (an array of key/value records) as an object; null stays null. */
function byId(map: unknown): Record<number, unknown> | null {
  if (map === null) return null;
  return Object.fromEntries((map as { key: number; value: unknown }[]).map(({ key, value }) => [key, value]));
}

function fieldId(name: string): number {
  return schema.fields.find((field) => field.name === name)!.id;
}

async function one(sql: string): Promise<unknown> {
  return (await duck.runAndReadAll(sql)).getRowsJS()[0]![0];
}

describe('column statistics in Iceberg manifests', () => {
  it('writes, per data file, counts and sizes exactly as DuckDB reads them from the file', async () => {
    const entries = await manifestRecords(TABLE, snapshot.snapshotId);
    expect(entries).toHaveLength(2);
    const groups = await one(
      `SELECT count(DISTINCT row_group_id) FROM parquet_metadata('${(await warehouse.snapshotFiles(TABLE, snapshot.snapshotId))[0]}')`,
    );
    expect(groups).toBe(3n);
    const primitives = schema.fields.filter((field) => typeof field.type === 'string').map((field) => field.name);
    expect(primitives).toEqual(expect.arrayContaining(['i', 'nothing', 'with_nan', 'u', 'very_long_text']));
    expect(primitives).not.toContain('tags');
    for (const [index, file] of (await warehouse.snapshotFiles(TABLE, snapshot.snapshotId)).entries()) {
      const entry = entries[index]!;
      expect(entry.file_path).toBe(`file://${file}`);
      const expected = { sizes: {}, values: {}, nulls: {} } as Record<string, Record<number, bigint>>;
      for (const name of primitives) {
        const id = fieldId(name);
        expected.sizes![id] = (await one(
          `SELECT sum(total_compressed_size)::BIGINT FROM parquet_metadata('${file}') WHERE path_in_schema = '${name}'`,
        )) as bigint;
        expected.values![id] = (await one(`SELECT count(*) FROM read_parquet('${file}')`)) as bigint;
        expected.nulls![id] = (await one(`SELECT count(*) - count("${name}") FROM read_parquet('${file}')`)) as bigint;
      }
      expect(byId(entry.column_sizes), file).toEqual(expected.sizes);
      expect(byId(entry.value_counts), file).toEqual(expected.values);
      expect(byId(entry.null_value_counts), file).toEqual(expected.nulls);
      // The footer holds no NaN counts; none is better than a wrong one.
      expect(entry.nan_value_counts).toBeNull();
    }
    const [big] = entries;
    expect(byId(big!.null_value_counts)![fieldId('nothing')]).toBe(250_000n);
    expect(byId(big!.null_value_counts)![fieldId('b')]).toBe(25_000n);
  });

  it('writes lower and upper bounds over all row groups that decode to what DuckDB computes', async () => {
    const entries = await manifestRecords(TABLE, snapshot.snapshotId);
    for (const [index, file] of (await warehouse.snapshotFiles(TABLE, snapshot.snapshotId)).entries()) {
      const lower = byId(entries[index]!.lower_bounds) as Record<number, Buffer>;
      const upper = byId(entries[index]!.upper_bounds) as Record<number, Buffer>;
      // Bounds for the columns listed; none for the all-null column, the one with NaNs (DuckDB
      // writes no statistic), uuid, strings DuckDB's statistic truncated (inexact), nested columns.
      expect(
        Object.keys(lower)
          .map(Number)
          .sort((a, b) => a - b),
      ).toEqual(
        Object.keys(EXPECTED_BOUNDS)
          .map(fieldId)
          .sort((a, b) => a - b),
      );
      expect(Object.keys(upper)).toEqual(Object.keys(lower));
      for (const [name, expected] of Object.entries(EXPECTED_BOUNDS)) {
        const [min, max] = (
          await duck.runAndReadAll(`SELECT ${expected.min}, ${expected.max} FROM read_parquet('${file}')`)
        ).getRowsJS()[0]!;
        expect(expected.decode(lower[fieldId(name)]!), `${name} lower in ${file}`).toEqual(min);
        expect(expected.decode(upper[fieldId(name)]!), `${name} upper in ${file}`).toEqual(max);
      }
    }
    // The big file's extremes are in different row groups, some of them negative.
    const lower = byId(entries[0]!.lower_bounds) as Record<number, Buffer>;
    const upper = byId(entries[0]!.upper_bounds) as Record<number, Buffer>;
    expect(int32(lower[fieldId('i')]!)).toBe(0);
    expect(int32(upper[fieldId('i')]!)).toBe(249_999);
    expect(int32(lower[fieldId('dt')]!)).toBe(-7);
    expect(decimal(lower[fieldId('amount')]!)).toBe(-149_999n);
    // decimal(12,2): the unscaled value in the fewest bytes, big-endian two's complement.
    expect([...lower[fieldId('amount')]!]).toEqual([0xfd, 0xb6, 0x11]);
    expect([...upper[fieldId('amount')]!]).toEqual([0x01, 0x86, 0x9f]);
  });

  it('truncates long strings to 16 code points without cutting a character, the upper bound still above', async () => {
    const entries = await manifestRecords(TABLE, snapshot.snapshotId);
    const [file] = await warehouse.snapshotFiles(TABLE, snapshot.snapshotId);
    const lower = byId(entries[0]!.lower_bounds) as Record<number, Buffer>;
    const upper = byId(entries[0]!.upper_bounds) as Record<number, Buffer>;
    const [min, max] = (
      await duck.runAndReadAll(`SELECT min(long_text), max(long_text) FROM read_parquet('${file}')`)
    ).getRowsJS()[0] as [string, string];
    expect(Array.from(min)).toHaveLength(19);
    const low = lower[fieldId('long_text')]!;
    const high = upper[fieldId('long_text')]!;
    // Valid UTF-8 (decoding and encoding again gives the same bytes), 16 code points.
    for (const bound of [low, high]) {
      expect(Buffer.from(bound.toString('utf8'), 'utf8').equals(bound)).toBe(true);
      expect(Array.from(bound.toString('utf8'))).toHaveLength(16);
    }
    // The 16th code point is 日 (3 bytes): kept whole below, incremented to 旦 above.
    expect(low.toString('utf8')).toBe(`0000000${'é'.repeat(8)}日`);
    expect(high.toString('utf8')).toBe(`0249999${'é'.repeat(8)}旦`);
    expect(Buffer.compare(low, Buffer.from(min))).toBeLessThanOrEqual(0);
    expect(Buffer.compare(high, Buffer.from(max))).toBeGreaterThan(0);
  });

  it('is read by icebird, across both files of the snapshot', async () => {
    const rows = (await icebergRead({
      tableUrl: (await warehouse.icebergTable(TABLE))!.metadata.location,
      rowStart: 249_997,
      rowEnd: 250_002,
    })) as { i: number }[];
    expect(rows.map((row) => row.i)).toEqual([249_997, 249_998, 249_999, 1_000_000, 1_000_001]);
  });

  it('still reads snapshots written without statistics, and writes them for the next one', async () => {
    const columns = await columnsOf('SELECT 1::INTEGER AS i');
    const ints: Source = (from, to) => `SELECT range::INTEGER AS i FROM range(${from}, ${to})`;
    const old = await publish(OLD_TABLE, 'run-old', columns, [{ name: 'part-00000.parquet', from: 0, to: 3 }], ints);
    await stripStatistics(await tableDir(OLD_TABLE), old.snapshotId);
    expect((await manifestRecords(OLD_TABLE, old.snapshotId))[0]).toMatchObject({
      column_sizes: null,
      lower_bounds: null,
    });
    const next = await publish(OLD_TABLE, 'run-new', columns, [{ name: 'part-00000.parquet', from: 10, to: 12 }], ints);
    const location = (await warehouse.icebergTable(OLD_TABLE))!.metadata.location;
    for (const [version, expected] of [
      ['v1.metadata.json', [0, 1, 2]],
      ['v2.metadata.json', [10, 11]],
    ] as const) {
      const rows = (await icebergRead({ tableUrl: location, metadataFileName: version })) as { i: number }[];
      expect(rows.map((row) => row.i)).toEqual(expected);
    }
    const [added, deleted] = await manifestRecords(OLD_TABLE, next.snapshotId);
    expect(int32((byId(added!.lower_bounds) as Record<number, Buffer>)[1]!)).toBe(10);
    expect(deleted!.lower_bounds).toBeNull();
    expect(await warehouse.retain(OLD_TABLE, { keepLast: 1 })).toEqual([old.snapshotId]);
    expect((await warehouse.recover()).removed).toEqual([]);
  });
  it('refuses to publish a staged file whose Parquet footer cannot be read, before anything moves', async () => {
    const before = await warehouse.icebergTable(TABLE);
    const lock = await warehouse.acquireProductLock(TABLE.productId, { runId: 'run-bad' });
    try {
      const staged = await warehouse.stage({ ...TABLE, runId: 'run-bad' });
      await writeFile(join(staged.dataDir, 'part-00000.parquet'), 'not parquet at all');
      await expect(
        warehouse.publish(staged, {
          contract: { id: 'orders-contract', version: '1.0.0' },
          schema: [{ name: 'i', type: 'INTEGER', nullable: true }],
          rowCount: 1,
          columnStats: [],
          checks: { passed: 1, failed: 0, warnings: 0 },
        }),
      ).rejects.toMatchObject({ code: 'MW8109', message: expect.stringContaining('part-00000.parquet') });
      expect(await warehouse.icebergTable(TABLE)).toEqual(before);
      await warehouse.abort(staged);
    } finally {
      await lock.release();
    }
  });
});

/** Rewrites a snapshot's manifest as a writer without statistics did, and its list to match. */
async function stripStatistics(table: string, snapshotId: string): Promise<void> {
  const manifestPath = join(table, 'metadata', `${snapshotId}-m0.avro`);
  const manifest = decodeAvroFile(await readFile(manifestPath));
  const records = manifest.records.map((record) => ({
    ...record,
    data_file: {
      ...(record.data_file as Record<string, unknown>),
      column_sizes: null,
      value_counts: null,
      null_value_counts: null,
      lower_bounds: null,
      upper_bounds: null,
    },
  }));
  const bytes = encodeAvroFile(MANIFEST_ENTRY_SCHEMA, records, manifest.metadata);
  await writeFile(manifestPath, bytes);
  const listPath = join(table, 'metadata', `snap-${snapshotId}.avro`);
  const list = decodeAvroFile(await readFile(listPath));
  const entries = list.records.map((record) => ({ ...record, manifest_length: BigInt(bytes.length) }));
  await writeFile(listPath, encodeAvroFile(MANIFEST_FILE_SCHEMA, entries, list.metadata));
}

function int32(bytes: Buffer): number {
  expect(bytes).toHaveLength(4);
  return bytes.readInt32LE();
}

function int64(bytes: Buffer): bigint {
  expect(bytes).toHaveLength(8);
  return bytes.readBigInt64LE();
}

/** Big-endian two's complement of any length. */
function decimal(bytes: Buffer): bigint {
  const unsigned = [...bytes].reduce((value, byte) => (value << 8n) | BigInt(byte), 0n);
  return BigInt.asIntN(bytes.length * 8, unsigned);
}
