import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeWarehouseConformance } from '../warehouse.conformance.js';
import {
  describeRows,
  expectedStored,
  ORDERS,
  publishRun,
  tablePrefix,
  useParquet,
} from '../test-support/warehouse-harness.js';
import { createLocalWarehouse, defaultWarehouseRoot } from './create-local-warehouse.js';

const base = mkdtempSync(join(tmpdir(), 'meshwork-warehouse-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));
let roots = 0;
const freshRoot = () => join(base, `w${++roots}`);

/** Files under `root` (lock files aside), and staging folders as `…/.staging/<id>/`. */
async function listStored(root: string, folder = root, prefix = ''): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  const found: string[] = [];
  for (const entry of entries) {
    const path = `${prefix}${entry.name}`;
    if (path === '.locks') continue;
    if (entry.isDirectory()) {
      if (prefix.endsWith('.staging/')) found.push(`${path}/`);
      found.push(...(await listStored(root, join(folder, entry.name), `${path}/`)));
    } else found.push(path);
  }
  return found.sort();
}

describeWarehouseConformance('local folder', {
  async create(options = {}) {
    const root = freshRoot();
    return {
      warehouse: createLocalWarehouse({ root, ...options }),
      reopen: (again = {}) => createLocalWarehouse({ root, ...again }),
      listStored: () => listStored(root),
    };
  },
});

describe('LocalWarehouse on disk', () => {
  const parquet = useParquet();

  it('lives in <workspace>/.meshwork/warehouse by default', () => {
    expect(defaultWarehouseRoot('/srv/mesh')).toBe(join('/srv/mesh', '.meshwork', 'warehouse'));
    expect(createLocalWarehouse({ root: 'relative/here' }).location).toBe(join(process.cwd(), 'relative/here'));
  });

  it('lays tables out as Iceberg-style folders and writes ids as bare JSON numbers', async () => {
    const root = freshRoot();
    const warehouse = createLocalWarehouse({ root, generateSnapshotId: () => '9223372036854775807' });
    const manifest = await publishRun(warehouse, parquet.tool, { runId: 'run-1', marker: 1 });
    const table = join(root, tablePrefix(ORDERS));
    expect(await listStored(root)).toEqual([
      `sales/orders/orders/v1/data/9223372036854775807/part-00000.parquet`,
      `sales/orders/orders/v1/metadata/9223372036854775807-m0.avro`,
      `sales/orders/orders/v1/metadata/current.json`,
      `sales/orders/orders/v1/metadata/snap-9223372036854775807.avro`,
      `sales/orders/orders/v1/metadata/snap-9223372036854775807.json`,
      `sales/orders/orders/v1/metadata/v1.metadata.json`,
      `sales/orders/orders/v1/metadata/version-hint.text`,
    ]);
    const text = await readFile(join(table, 'metadata', 'snap-9223372036854775807.json'), 'utf8');
    expect(text).toContain('"snapshotId": 9223372036854775807,');
    expect(text).toContain('"parentSnapshotId": null,');
    const pointer = await readFile(join(table, 'metadata', 'current.json'), 'utf8');
    expect(pointer).toBe(
      `{\n  "snapshotId": 9223372036854775807,\n  "sequenceNumber": 1,\n  "updatedAt": "${manifest.createdAt}",\n  "metadata": "metadata/v1.metadata.json"\n}\n`,
    );
    expect(await readFile(join(table, 'metadata', 'version-hint.text'), 'utf8')).toBe('1\n');
    const metadata = await readFile(join(table, 'metadata', 'v1.metadata.json'), 'utf8');
    expect(metadata).toContain('"current-snapshot-id": 9223372036854775807,');
  });

  it('records the holder in the lock file and refuses a lock held on another host', async () => {
    const root = freshRoot();
    const warehouse = createLocalWarehouse({ root });
    const lock = await warehouse.acquireProductLock('sales.orders', { runId: 'run-1' });
    const lockFile = join(root, '.locks', 'sales.orders.lock');
    expect(JSON.parse(await readFile(lockFile, 'utf8'))).toMatchObject({
      pid: process.pid,
      host: hostname(),
      runId: 'run-1',
      acquiredAt: expect.any(String),
    });
    await lock.release();
    await writeFile(
      lockFile,
      JSON.stringify({ pid: 1, host: 'elsewhere', runId: 'run-x', acquiredAt: 'x', token: 't' }),
    );
    await expect(warehouse.acquireProductLock('sales.orders', { runId: 'run-2' })).rejects.toMatchObject({
      code: 'MW8105',
      message: expect.stringContaining('on host elsewhere'),
    });
    await writeFile(lockFile, 'garbage');
    await expect(warehouse.acquireProductLock('sales.orders', { runId: 'run-2' })).rejects.toMatchObject({
      code: 'MW8105',
      message: expect.stringContaining(lockFile),
    });
  });

  it('reports write errors as UnavailableError naming the path (root under a regular file)', async () => {
    const file = join(freshRoot());
    await mkdir(join(file, '..'), { recursive: true });
    await writeFile(file, 'not a folder');
    const warehouse = createLocalWarehouse({ root: join(file, 'warehouse') });
    await expect(warehouse.acquireProductLock('sales.orders', { runId: 'run-1' })).rejects.toMatchObject({
      kind: 'unavailable',
      code: 'MW8103',
      message: expect.stringMatching(new RegExp(`${file}.*ENOTDIR`)),
    });
  });

  it('fails a publish that cannot write, with the path, and keeps the previous snapshot serving', async () => {
    const root = freshRoot();
    const ids = ['111', '222'];
    const warehouse = createLocalWarehouse({ root, generateSnapshotId: () => ids.shift()! });
    const first = await publishRun(warehouse, parquet.tool, { runId: 'run-1', marker: 1 });
    const lock = await warehouse.acquireProductLock(ORDERS.productId, { runId: 'run-2' });
    const staged = await warehouse.stage({ ...ORDERS, runId: 'run-2' });
    await parquet.tool.write(join(staged.dataDir, 'part-00000.parquet'), 2);
    // The manifest cannot be written where it belongs (as with EACCES or ENOSPC, half-way through).
    const blocked = join(root, tablePrefix(ORDERS), 'metadata', 'snap-222.json');
    await mkdir(join(blocked, 'in-the-way'), { recursive: true });
    await expect(warehouse.publish(staged, describeRows(10))).rejects.toMatchObject({
      kind: 'unavailable',
      code: 'MW8103',
      message: expect.stringContaining(blocked),
    });
    expect((await warehouse.current(ORDERS))?.snapshotId).toBe(first.snapshotId);
    expect(await parquet.tool.read(await warehouse.snapshotFiles(ORDERS, first.snapshotId))).toEqual({ 1: 10 });
    await rm(blocked, { recursive: true });
    await warehouse.abort(staged);
    await lock.release();
    expect(await listStored(root)).toEqual(await expectedStored(warehouse));
  });

  it('reports a damaged pointer as such, and recovery keeps every manifest of that table', async () => {
    const root = freshRoot();
    const warehouse = createLocalWarehouse({ root });
    await publishRun(warehouse, parquet.tool, { runId: 'run-1', marker: 1 });
    const pointer = join(root, tablePrefix(ORDERS), 'metadata', 'current.json');
    await writeFile(pointer, '{"snapshotId": 12');
    await expect(warehouse.current(ORDERS)).rejects.toMatchObject({
      kind: 'unavailable',
      code: 'MW8104',
      message: expect.stringContaining(pointer),
    });
    expect((await warehouse.recover()).removed).toEqual([]);
  });

  it('reports a pointer to a missing manifest as damaged metadata, naming the table', async () => {
    const root = freshRoot();
    const warehouse = createLocalWarehouse({ root });
    const manifest = await publishRun(warehouse, parquet.tool, { runId: 'run-1', marker: 1 });
    await rm(join(root, tablePrefix(ORDERS), 'metadata', `snap-${manifest.snapshotId}.json`));
    await expect(warehouse.current(ORDERS)).rejects.toMatchObject({
      code: 'MW8104',
      message: expect.stringContaining(`sales.orders/orders/v1 points at snapshot ${manifest.snapshotId}`),
    });
  });

  it('gives a table published before Iceberg metadata existed its metadata at the next publish', async () => {
    const root = freshRoot();
    const warehouse = createLocalWarehouse({ root });
    const legacy = await publishRun(warehouse, parquet.tool, { runId: 'run-1', marker: 1 });
    // What such a table looks like: a pointer without `metadata`, and no Iceberg files.
    const metadataDir = join(root, tablePrefix(ORDERS), 'metadata');
    for (const name of await readdir(metadataDir)) {
      if (name.endsWith('.avro') || name.startsWith('v')) await rm(join(metadataDir, name));
    }
    await writeFile(
      join(metadataDir, 'current.json'),
      `{"snapshotId": ${legacy.snapshotId}, "sequenceNumber": 1, "updatedAt": "${legacy.createdAt}"}\n`,
    );
    expect(await warehouse.icebergTable(ORDERS)).toBeUndefined();
    expect((await warehouse.recover()).removed).toEqual([]);

    const next = await publishRun(warehouse, parquet.tool, { runId: 'run-2', marker: 2 });
    const iceberg = await warehouse.icebergTable(ORDERS);
    expect(iceberg?.metadataLocation).toMatch(/\/metadata\/v1\.metadata\.json$/);
    expect(iceberg?.metadata.snapshots).toEqual([
      expect.objectContaining({
        'snapshot-id': BigInt(next.snapshotId),
        'parent-snapshot-id': BigInt(legacy.snapshotId),
        'sequence-number': 2,
        summary: expect.objectContaining({ 'deleted-data-files': '1', 'deleted-records': '10', 'added-records': '10' }),
      }),
    ]);
    expect(iceberg?.metadata['last-sequence-number']).toBe(2);
    expect((await warehouse.listSnapshots(ORDERS)).map((s) => s.snapshotId)).toEqual([
      next.snapshotId,
      legacy.snapshotId,
    ]);
    expect(await listStored(root)).toEqual(await expectedStored(warehouse));
    // Retention of the legacy snapshot needs no new metadata version: it was never in one.
    expect(await warehouse.retain(ORDERS, { keepLast: 1 })).toEqual([legacy.snapshotId]);
    expect((await warehouse.icebergTable(ORDERS))?.metadataLocation).toBe(iceberg?.metadataLocation);
    expect(await listStored(root)).toEqual(await expectedStored(warehouse));
  });

  it('keeps ten earlier metadata versions in metadata-log and removes older files', async () => {
    const root = freshRoot();
    const warehouse = createLocalWarehouse({ root });
    for (let n = 1; n <= 13; n += 1)
      await publishRun(warehouse, parquet.tool, { runId: `run-${n}`, marker: n, rows: 1 });
    const iceberg = (await warehouse.icebergTable(ORDERS))!;
    expect(iceberg.metadataLocation).toMatch(/\/v13\.metadata\.json$/);
    const logged = (iceberg.metadata['metadata-log'] ?? []).map((entry) => entry['metadata-file'].split('/').at(-1));
    expect(logged).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((n) => `v${n}.metadata.json`));
    const files = (await readdir(join(root, tablePrefix(ORDERS), 'metadata'))).filter((name) =>
      name.endsWith('.metadata.json'),
    );
    expect(files.sort()).toEqual([...logged, 'v13.metadata.json'].sort());
    expect(await listStored(root)).toEqual(await expectedStored(warehouse));

    // Recovery: an old version nobody logs, a newer one no live run is about to point at (as a
    // crashed retention leaves), and a stale version hint.
    const metadataDir = join(root, tablePrefix(ORDERS), 'metadata');
    const current = await readFile(join(metadataDir, 'v13.metadata.json'), 'utf8');
    await writeFile(join(metadataDir, 'v1.metadata.json'), current);
    await writeFile(join(metadataDir, 'v14.metadata.json'), current);
    await writeFile(join(metadataDir, 'version-hint.text'), '12\n');
    const report = await warehouse.recover();
    expect(report.removed.map((item) => [item.kind, item.path.split('/').at(-1)])).toEqual([
      ['metadata', 'v1.metadata.json'],
      ['metadata', 'v14.metadata.json'],
    ]);
    expect(await readFile(join(metadataDir, 'version-hint.text'), 'utf8')).toBe('13\n');
    expect(await warehouse.icebergTable(ORDERS)).toEqual(iceberg);
    expect(await listStored(root)).toEqual(await expectedStored(warehouse));
  });
});
