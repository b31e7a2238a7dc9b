/**
 * Products as Iceberg v2 tables, end to end: the real runtime builds a product three times (the
 * second build adds columns), and the tables it publishes are read back by independent readers —
 * icebird (Iceberg metadata, Avro manifests, Parquet by field id), avsc (the Avro files and their
 * field-id attributes) and DuckDB (`parquet_schema` field ids, the rows of each snapshot).
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { icebergRead } from 'icebird';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createMetadataStore } from '../../metadata/create-metadata-store.js';
import { metadataStoreConfig } from '../../metadata/store-from-config.js';
import { createRunEngine } from '../../runtime/duckdb-session.js';
import { runProducts } from '../../runtime/run-products.js';
import { createTempWorkspace, type TempWorkspace } from '../../test-support/temp-workspace.js';
import { createLocalWarehouse, defaultWarehouseRoot } from '../../warehouse/local/create-local-warehouse.js';
import type { SnapshotManifest } from '../../warehouse/snapshot-manifest.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import { loadWorkspaceFromDisk } from '../../workspace/load-workspace-from-disk.js';
import { parseIcebergJson } from '../iceberg-json.js';
import type { IcebergSchema, IcebergTableMetadata, IcebergType } from '../table-metadata.js';
import { tableMetadataProblems } from './table-metadata-validation.js';
import { readAvroWithAvsc } from './test-support/avsc-file.js';
import { fileFetch } from './test-support/file-fetch.js';

const ORDERS = { productId: 'sales.orders', port: 'orders', major: 1 };
/** Snapshot ids from the id seam: two beyond 2^53, where a JS number would round them. */
const IDS = ['9007199254740993', '9223372036854775807', '4611686018427387905', '1234567890123456789'];

const WIDER_SQL = `SELECT
  CAST(id AS VARCHAR)           AS id,
  CAST(name AS VARCHAR)         AS name,
  CAST(amount AS DECIMAL(12,2)) AS amount,
  CAST(created_at AS DATE)      AS created_on,
  [CAST(amount AS INTEGER), 7]  AS tags,
  {'kind': lower(name), 'big': CAST(id AS BIGINT) * 1000000000000} AS detail
FROM raw_input
WHERE id IS NOT NULL
`;

let ws: TempWorkspace;
let warehouse: Warehouse;
let duck: DuckDBConnection;
let closeDuck: () => void;
const snapshots: SnapshotManifest[] = [];
const closing: { close(): Promise<void> | void }[] = [];

async function run() {
  const workspace = await loadWorkspaceFromDisk(ws.root, {});
  const store = await createMetadataStore(metadataStoreConfig(ws.root, workspace.model.config));
  const engine = createRunEngine({ tempDirectory: join(ws.root, '.meshwork', 'tmp') });
  closing.push(store, engine);
  const ctx = { model: workspace.model, root: ws.root, store, warehouse, engine };
  const [result] = await runProducts(ctx, [], ['sales.orders'], { trigger: 'manual', requestedBy: 'test' });
  if (!result || result.outcome === 'skipped') throw new Error('no run');
  return result.summary;
}

async function build(): Promise<SnapshotManifest> {
  const summary = await run();
  expect(summary.status, summary.error?.message).toBe('succeeded');
  return (await warehouse.current(ORDERS))!;
}

beforeAll(async () => {
  vi.stubGlobal('fetch', fileFetch(globalThis.fetch));
  ws = await createTempWorkspace([['sales', 'orders']]);
  const ids = [...IDS];
  warehouse = createLocalWarehouse({ root: defaultWarehouseRoot(ws.root), generateSnapshotId: () => ids.shift()! });
  snapshots.push(await build());
  await ws.write('domains/sales/orders/orders.sql', WIDER_SQL);
  await ws.edit('domains/sales/orders/orders.odcs.yaml', (yaml) =>
    yaml.replace(
      '        description: Day the record was created.\n',
      `        description: Day the record was created.
      - name: tags
        logicalType: array
        physicalType: INTEGER[]
        classification: internal
        description: Tags.
      - name: detail
        logicalType: object
        physicalType: STRUCT(kind VARCHAR, big BIGINT)
        classification: internal
        description: Detail.
`,
    ),
  );
  snapshots.push(await build());
  await ws.edit('domains/sales/orders/data/sample.csv', (csv) => `${csv}3,Gamma,30.25,2026-01-03\n`);
  snapshots.push(await build());
  const instance = await DuckDBInstance.create(':memory:');
  duck = await instance.connect();
  closeDuck = () => {
    duck.closeSync();
    instance.closeSync();
  };
}, 120_000);

afterAll(async () => {
  vi.unstubAllGlobals();
  closeDuck?.();
  for (const item of closing.splice(0).reverse()) await item.close();
  await ws?.dispose();
});

async function metadataFile(version: number): Promise<{ text: string; metadata: IcebergTableMetadata }> {
  const iceberg = (await warehouse.icebergTable(ORDERS))!;
  const text = await readFile(
    join(fileURLToPath(iceberg.metadata.location), 'metadata', `v${version}.metadata.json`),
    'utf8',
  );
  return { text, metadata: parseIcebergJson(text) as IcebergTableMetadata };
}

/** Rows as plain JSON values, sorted by id, so two readers' rows compare equal. */
function normalize(rows: readonly Record<string, unknown>[]): unknown[] {
  const plain = (value: unknown): unknown => {
    if (typeof value === 'bigint') return Number(value);
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if (Array.isArray(value)) return value.map(plain);
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, plain(inner)]));
    }
    return value;
  };
  return rows
    .map((row) => plain(row))
    .sort((a, b) => String((a as { id: string }).id).localeCompare((b as { id: string }).id));
}

async function duckRows(snapshot: SnapshotManifest): Promise<unknown[]> {
  const files = (await warehouse.snapshotFiles(ORDERS, snapshot.snapshotId)).map((f) => `'${f}'`).join(', ');
  const reader = await duck.runAndReadAll(
    `SELECT * REPLACE (amount::DOUBLE AS amount, created_on::VARCHAR AS created_on) FROM read_parquet([${files}])`,
  );
  return normalize(reader.getRowObjectsJS() as Record<string, unknown>[]);
}

describe('products as Iceberg v2 tables', () => {
  it('icebird reads every snapshot, by its metadata version, with the rows DuckDB reads from the same files', async () => {
    const iceberg = (await warehouse.icebergTable(ORDERS))!;
    expect(iceberg.metadataLocation).toMatch(/^file:\/\/\/.*\/metadata\/v3\.metadata\.json$/);
    for (const [index, snapshot] of snapshots.entries()) {
      const rows = await icebergRead({
        tableUrl: iceberg.metadata.location,
        metadataFileName: `v${index + 1}.metadata.json`,
      });
      expect(normalize(rows as Record<string, unknown>[]), `snapshot ${index + 1}`).toEqual(await duckRows(snapshot));
    }
    expect(await duckRows(snapshots[2]!)).toHaveLength(3);
    expect((await duckRows(snapshots[1]!))[0]).toMatchObject({
      id: '1',
      tags: [10, 7],
      detail: { kind: 'alpha', big: 1e12 },
    });
  });

  it('writes metadata files that meet the v2 spec, with stable uuid, growing schemas and exact 64-bit ids', async () => {
    const versions = await Promise.all([1, 2, 3].map(metadataFile));
    for (const { metadata } of versions) expect(tableMetadataProblems(metadata)).toEqual([]);
    const [v1, v2, v3] = versions.map((v) => v.metadata) as [
      IcebergTableMetadata,
      IcebergTableMetadata,
      IcebergTableMetadata,
    ];
    expect(new Set(versions.map((v) => v.metadata['table-uuid'])).size).toBe(1);
    expect(v3).toMatchObject({
      'format-version': 2,
      location: expect.stringMatching(/^file:\/\/\/.*\/sales\/orders\/orders\/v1$/),
      'last-sequence-number': 3,
      'current-schema-id': 1,
      'last-column-id': 9,
      'partition-specs': [{ 'spec-id': 0, fields: [] }],
      'default-spec-id': 0,
      'last-partition-id': 999,
      'sort-orders': [{ 'order-id': 0, fields: [] }],
      'default-sort-order-id': 0,
      refs: { main: { 'snapshot-id': 4611686018427387905n, type: 'branch' } },
    });
    expect(v1.schemas.map((schema) => schema.fields.map((f) => [f.id, f.name]))).toEqual([
      [
        [1, 'id'],
        [2, 'name'],
        [3, 'amount'],
        [4, 'created_on'],
      ],
    ]);
    // The columns added by the second build get ids 5 and up; the first four keep theirs.
    expect(v3.schemas.map((schema) => schema['schema-id'])).toEqual([0, 1]);
    expect(v3.schemas[1]!.fields.map((f) => [f.id, f.name, f.type])).toEqual([
      [1, 'id', 'string'],
      [2, 'name', 'string'],
      [3, 'amount', 'decimal(12,2)'],
      [4, 'created_on', 'date'],
      [5, 'tags', { type: 'list', 'element-id': 7, element: 'int', 'element-required': false }],
      [
        6,
        'detail',
        {
          type: 'struct',
          fields: [
            { id: 8, name: 'kind', required: false, type: 'string' },
            { id: 9, name: 'big', required: false, type: 'long' },
          ],
        },
      ],
    ]);
    expect(
      v3.snapshots?.map((s) => [s['snapshot-id'], s['parent-snapshot-id'], s['sequence-number'], s['schema-id']]),
    ).toEqual([
      [9007199254740993n, undefined, 1, 0],
      [9223372036854775807n, 9007199254740993n, 2, 1],
      [4611686018427387905n, 9223372036854775807n, 3, 1],
    ]);
    expect(v3.snapshots?.[2]?.summary).toMatchObject({
      operation: 'overwrite',
      'added-data-files': '1',
      'deleted-data-files': '1',
      'added-records': '3',
      'deleted-records': '2',
      'total-records': '3',
      'total-data-files': '1',
    });
    expect(v3['snapshot-log']?.map((e) => e['snapshot-id'])).toEqual(v3.snapshots?.map((s) => s['snapshot-id']));
    expect(v3['metadata-log']?.map((e) => e['metadata-file'].split('/').at(-1))).toEqual([
      'v1.metadata.json',
      'v2.metadata.json',
    ]);
    // Ids beyond 2^53 are written as exact bare numbers, and read back exactly by the warehouse.
    expect(versions[1]!.text).toContain('"snapshot-id": 9223372036854775807,');
    expect(versions[1]!.text).toContain('"parent-snapshot-id": 9007199254740993,');
    expect((await warehouse.icebergTable(ORDERS))?.metadata).toEqual(v3);
    expect(v2['current-snapshot-id']).toBe(9223372036854775807n);
  });

  it('writes Avro manifests and manifest lists that avsc reads: field ids on every field, ADDED and DELETED entries', async () => {
    const dir = fileURLToPath((await warehouse.icebergTable(ORDERS))!.metadata.location);
    const [first, second] = snapshots as [SnapshotManifest, SnapshotManifest];
    const dataUri = (snapshot: SnapshotManifest) => `file://${join(dir, snapshot.files[0]!.path)}`;

    const list = await readAvroWithAvsc(join(dir, 'metadata', `snap-${second.snapshotId}.avro`));
    expect(list.schema).toMatchObject({ type: 'record', name: 'manifest_file' });
    expect(fieldsWithoutIds(list.schema)).toEqual([]);
    expect(fieldIds(list.schema).sort((a, b) => a - b)).toEqual([
      500, 501, 502, 503, 504, 505, 506, 507, 509, 510, 511, 512, 513, 514, 515, 516, 517, 518, 519,
    ]);
    expect(list.metadata).toMatchObject({
      'format-version': '2',
      'snapshot-id': second.snapshotId,
      'sequence-number': '2',
    });
    const manifestPath = join(dir, 'metadata', `${second.snapshotId}-m0.avro`);
    expect(list.records).toEqual([
      expect.objectContaining({
        manifest_path: `file://${manifestPath}`,
        manifest_length: BigInt((await readFile(manifestPath)).length),
        partition_spec_id: 0,
        content: 0,
        sequence_number: 2n,
        min_sequence_number: 2n,
        added_snapshot_id: 9223372036854775807n,
        added_files_count: 1,
        existing_files_count: 0,
        deleted_files_count: 1,
        added_rows_count: 2n,
        existing_rows_count: 0n,
        deleted_rows_count: 2n,
      }),
    ]);

    const manifest = await readAvroWithAvsc(manifestPath);
    expect(manifest.schema).toMatchObject({ type: 'record', name: 'manifest_entry' });
    expect(fieldsWithoutIds(manifest.schema)).toEqual([]);
    // The spec's v2 manifest_entry and data_file fields, map keys and values and list elements included.
    expect(fieldIds(manifest.schema).sort((a, b) => a - b)).toEqual([
      0, 1, 2, 3, 4, 100, 101, 102, 103, 104, 108, 109, 110, 117, 118, 119, 120, 121, 122, 125, 126, 127, 128, 129, 130,
      131, 132, 134, 135, 137, 138, 139, 140, 143,
    ]);
    expect(JSON.stringify(manifest.schema)).toContain('"element-id":133');
    expect(JSON.stringify(manifest.schema)).toContain('"element-id":136');
    const schema = (await metadataFile(2)).metadata.schemas.find((s) => s['schema-id'] === 1)!;
    expect(manifest.metadata).toMatchObject({
      'schema-id': '1',
      'partition-spec': '[]',
      'partition-spec-id': '0',
      'format-version': '2',
      content: 'data',
    });
    expect(JSON.parse(manifest.metadata.schema!)).toEqual(schema);
    expect(
      manifest.records.map((r) => [
        r.status,
        r.snapshot_id,
        r.sequence_number,
        r.file_sequence_number,
        dataFile(r).file_path,
      ]),
    ).toEqual([
      [1, 9223372036854775807n, null, null, dataUri(second)],
      [2, 9223372036854775807n, 1n, 1n, dataUri(first)],
    ]);
    expect(dataFile(manifest.records[0]!)).toMatchObject({
      content: 0,
      file_format: 'PARQUET',
      record_count: 2n,
      file_size_in_bytes: BigInt(second.files[0]!.sizeBytes),
    });
    // What the runtime publishes carries column statistics for the top-level primitive columns
    // only (ids 1-4, not the list and the struct); the DELETED entry carries none.
    const counts = dataFile(manifest.records[0]!).value_counts as { key: number; value: bigint }[];
    expect(counts.map((count) => [count.key, count.value])).toEqual([
      [1, 2n],
      [2, 2n],
      [3, 2n],
      [4, 2n],
    ]);
    expect(dataFile(manifest.records[1]!).value_counts).toBeNull();
  });

  it('writes the field ids into the Parquet files, the same for a column in every snapshot', async () => {
    const idsOf = async (snapshot: SnapshotManifest) => {
      const [file] = await warehouse.snapshotFiles(ORDERS, snapshot.snapshotId);
      const reader = await duck.runAndReadAll(
        `SELECT name, field_id FROM parquet_schema('${file}') WHERE field_id IS NOT NULL`,
      );
      return Object.fromEntries(reader.getRowsJS().map(([name, id]) => [name, Number(id)]));
    };
    const schema = (await warehouse.icebergTable(ORDERS))!.metadata.schemas[1]!;
    expect(await idsOf(snapshots[2]!)).toEqual(expectedParquetIds(schema));
    expect(await idsOf(snapshots[2]!)).toEqual({
      id: 1,
      name: 2,
      amount: 3,
      created_on: 4,
      tags: 5,
      element: 7,
      detail: 6,
      kind: 8,
      big: 9,
    });
    expect(await idsOf(snapshots[0]!)).toEqual({ id: 1, name: 2, amount: 3, created_on: 4 });
    const [file] = await warehouse.snapshotFiles(ORDERS, snapshots[2]!.snapshotId);
    const kv = await duck.runAndReadAll(
      `SELECT value::VARCHAR FROM parquet_kv_metadata('${file}') WHERE key::VARCHAR = 'iceberg.schema'`,
    );
    expect(JSON.parse(String(kv.getRowsJS()[0]![0]).replaceAll('\\x22', '"'))).toEqual(schema);
  });

  it('retention commits metadata without the expired snapshots, then removes only their files', async () => {
    const dir = fileURLToPath((await warehouse.icebergTable(ORDERS))!.metadata.location);
    const before = await listTable(dir);
    const removed = await warehouse.retain(ORDERS, { keepLast: 1 });
    expect([...removed].sort()).toEqual([snapshots[0]!.snapshotId, snapshots[1]!.snapshotId].sort());

    const iceberg = (await warehouse.icebergTable(ORDERS))!;
    expect(iceberg.metadataLocation).toMatch(/\/metadata\/v4\.metadata\.json$/);
    expect(tableMetadataProblems(iceberg.metadata)).toEqual([]);
    expect(iceberg.metadata.snapshots?.map((s) => s['snapshot-id'])).toEqual([4611686018427387905n]);
    expect(iceberg.metadata['snapshot-log']?.map((e) => e['snapshot-id'])).toEqual([4611686018427387905n]);
    expect(iceberg.metadata['metadata-log']?.at(-1)?.['metadata-file']).toMatch(/\/v3\.metadata\.json$/);
    expect(await readFile(join(dir, 'metadata', 'version-hint.text'), 'utf8')).toBe('4\n');

    const after = await listTable(dir);
    const gone = before.filter((file) => !after.includes(file));
    const [s1, s2] = [snapshots[0]!.snapshotId, snapshots[1]!.snapshotId];
    expect(gone.sort()).toEqual(
      [
        `data/${s1}/part-00000.parquet`,
        `data/${s2}/part-00000.parquet`,
        `metadata/${s1}-m0.avro`,
        `metadata/${s2}-m0.avro`,
        `metadata/snap-${s1}.avro`,
        `metadata/snap-${s2}.avro`,
        `metadata/snap-${s1}.json`,
        `metadata/snap-${s2}.json`,
      ].sort(),
    );
    const rows = await icebergRead({ tableUrl: iceberg.metadata.location });
    expect(normalize(rows as Record<string, unknown>[])).toEqual(await duckRows(snapshots[2]!));
    expect((await warehouse.recover()).removed).toEqual([]);
  });

  it('refuses a column Iceberg v2 cannot hold before writing anything, naming it and the cast', async () => {
    const current = (await warehouse.icebergTable(ORDERS))!;
    await ws.edit('domains/sales/orders/orders.sql', (sql) =>
      sql.replace('AS detail', 'AS detail,\n  INTERVAL 1 DAY AS waited'),
    );
    const summary = await run();
    expect(summary.status).toBe('failed');
    expect(summary.error).toMatchObject({
      code: 'MW8201',
      message: expect.stringMatching(/sales\.orders: output "orders": Column "waited" has type INTERVAL.*cast it/),
    });
    expect(await warehouse.icebergTable(ORDERS)).toEqual(current);
  });
});

/** Every `field-id` of a schema, depth first in field order. */
function fieldIds(schema: unknown): number[] {
  const found: number[] = [];
  JSON.stringify(schema, (key, value: unknown) => {
    if (key === 'field-id') found.push(value as number);
    return value;
  });
  return found;
}

function dataFile(record: Record<string, unknown>): Record<string, unknown> {
  return record.data_file as Record<string, unknown>;
}

/** Paths of record fields (at any depth) that lack a numeric `field-id`, and arrays without ids. */
function fieldsWithoutIds(schema: unknown, path = ''): string[] {
  if (Array.isArray(schema)) return schema.flatMap((branch) => fieldsWithoutIds(branch, path));
  if (!schema || typeof schema !== 'object') return [];
  const type = schema as Record<string, unknown>;
  if (type.type === 'record') {
    return (type.fields as Record<string, unknown>[]).flatMap((field) => [
      ...(typeof field['field-id'] === 'number' ? [] : [`${path}${String(field.name)}`]),
      ...fieldsWithoutIds(field.type, `${path}${String(field.name)}.`),
    ]);
  }
  if (type.type === 'array') {
    const identified = typeof type['element-id'] === 'number' || type.logicalType === 'map';
    return [...(identified ? [] : [`${path}[]`]), ...fieldsWithoutIds(type.items, `${path}element.`)];
  }
  return [];
}

/** Field ids by Parquet column name, as a schema says DuckDB should have written them. */
function expectedParquetIds(schema: IcebergSchema): Record<string, number> {
  const ids: Record<string, number> = {};
  const visit = (name: string, id: number, type: IcebergType) => {
    ids[name] = id;
    if (typeof type === 'string') return;
    if (type.type === 'struct') for (const field of type.fields) visit(field.name, field.id, field.type);
    if (type.type === 'list') visit('element', type['element-id'], type.element);
    if (type.type === 'map') {
      visit('key', type['key-id'], type.key);
      visit('value', type['value-id'], type.value);
    }
  };
  for (const field of schema.fields) visit(field.name, field.id, field.type);
  return ids;
}

async function listTable(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}
