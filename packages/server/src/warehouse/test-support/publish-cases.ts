/** Conformance: stage → publish → current, conflicts, abort, what readers see. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  describeRows,
  expectedStored,
  ORDERS,
  publishRun,
  useParquet,
  type WarehouseHarness,
} from './warehouse-harness.js';

export function describePublishCases(harness: WarehouseHarness): void {
  const parquet = useParquet();

  describe('publish', () => {
    it('stages, publishes and serves the snapshot as current, with a complete manifest', async () => {
      const { warehouse } = await harness.create({ now: () => new Date('2025-03-01T10:00:00.000Z') });
      expect(await warehouse.current(ORDERS)).toBeUndefined();
      const lock = await warehouse.acquireProductLock(ORDERS.productId, { runId: 'run-1' });
      const staged = await warehouse.stage({ ...ORDERS, runId: 'run-1' });
      expect(staged.baseSnapshotId).toBeNull();
      await parquet.tool.write(join(staged.dataDir, 'part-00000.parquet'), 1, 10);
      expect(await warehouse.current(ORDERS)).toBeUndefined();

      const manifest = await warehouse.publish(staged, describeRows(10, { audit: { rules: ['rowCount > 0'] } }));
      await lock.release();

      expect(manifest).toMatchObject({
        formatVersion: 1,
        snapshotId: staged.snapshotId,
        parentSnapshotId: null,
        sequenceNumber: 1,
        productId: 'sales.orders',
        port: 'orders',
        major: 1,
        runId: 'run-1',
        createdAt: '2025-03-01T10:00:00.000Z',
        contract: { id: 'orders-contract', version: '1.0.0' },
        rowCount: 10,
        checks: { passed: 3, failed: 0, warnings: 0 },
        audit: { rules: ['rowCount > 0'] },
      });
      expect(manifest.files).toEqual([
        { path: `data/${staged.snapshotId}/part-00000.parquet`, sizeBytes: expect.any(Number), rowCount: 10 },
      ]);
      expect(manifest.files[0]!.sizeBytes).toBeGreaterThan(0);
      expect(await warehouse.current(ORDERS)).toEqual(manifest);
      expect(await warehouse.getSnapshot(ORDERS, staged.snapshotId)).toEqual(manifest);
      expect(await parquet.tool.read(await warehouse.snapshotFiles(ORDERS, staged.snapshotId))).toEqual({ 1: 10 });
      expect(await warehouse.listTables()).toEqual([ORDERS]);
    });

    it('chains snapshots: each publish has the previous current as parent, listed newest first', async () => {
      const { warehouse } = await harness.create();
      const first = await publishRun(warehouse, parquet.tool, { runId: 'run-1', marker: 1 });
      const second = await publishRun(warehouse, parquet.tool, { runId: 'run-2', marker: 2, rows: 5 });
      const third = await publishRun(warehouse, parquet.tool, { runId: 'run-3', marker: 3, rows: 7 });
      expect(second.parentSnapshotId).toBe(first.snapshotId);
      expect(third.parentSnapshotId).toBe(second.snapshotId);
      expect((await warehouse.listSnapshots(ORDERS)).map((s) => s.snapshotId)).toEqual([
        third.snapshotId,
        second.snapshotId,
        first.snapshotId,
      ]);
      expect((await warehouse.currentPointer(ORDERS))?.sequenceNumber).toBe(3);
      // Old snapshots stay readable (time travel), the current one is the newest.
      expect(await parquet.tool.read(await warehouse.snapshotFiles(ORDERS, first.snapshotId))).toEqual({ 1: 10 });
      expect(await parquet.tool.read(await warehouse.snapshotFiles(ORDERS, third.snapshotId))).toEqual({ 3: 7 });
    });

    it('refuses a stale expected parent: ConflictError, current unchanged, staged data invisible', async () => {
      const { warehouse, listStored } = await harness.create();
      const first = await publishRun(warehouse, parquet.tool, { runId: 'run-1', marker: 1 });
      const lock = await warehouse.acquireProductLock(ORDERS.productId, { runId: 'run-2' });
      const staged = await warehouse.stage({ ...ORDERS, runId: 'run-2' });
      await parquet.tool.write(join(staged.dataDir, 'part-00000.parquet'), 2);

      await expect(warehouse.publish(staged, describeRows(10), { expectedParent: null })).rejects.toMatchObject({
        kind: 'conflict',
        code: 'MW8107',
      });
      expect((await warehouse.current(ORDERS))?.snapshotId).toBe(first.snapshotId);
      expect((await warehouse.listSnapshots(ORDERS)).map((s) => s.snapshotId)).toEqual([first.snapshotId]);
      await expect(warehouse.getSnapshot(ORDERS, staged.snapshotId)).rejects.toMatchObject({ code: 'MW8111' });
      expect(await parquet.tool.read(await warehouse.snapshotFiles(ORDERS, first.snapshotId))).toEqual({ 1: 10 });

      await warehouse.abort(staged);
      await lock.release();
      expect(await listStored()).toEqual(await expectedStored(warehouse));
    });

    it('detects a publish that moved current after staging (the default expected parent)', async () => {
      const { warehouse } = await harness.create();
      await publishRun(warehouse, parquet.tool, { runId: 'run-1', marker: 1 });
      const lock = await warehouse.acquireProductLock(ORDERS.productId, { runId: 'run-2' });
      const staleStage = await warehouse.stage({ ...ORDERS, runId: 'run-2' });
      await lock.release();
      const moved = await publishRun(warehouse, parquet.tool, { runId: 'run-3', marker: 3 });

      const again = await warehouse.acquireProductLock(ORDERS.productId, { runId: 'run-2' });
      await parquet.tool.write(join(staleStage.dataDir, 'part-00000.parquet'), 2);
      await expect(warehouse.publish(staleStage, describeRows(10))).rejects.toMatchObject({ code: 'MW8107' });
      await warehouse.abort(staleStage);
      await again.release();
      expect((await warehouse.current(ORDERS))?.snapshotId).toBe(moved.snapshotId);
    });

    it('abort leaves nothing behind', async () => {
      const { warehouse, listStored } = await harness.create();
      await publishRun(warehouse, parquet.tool, { runId: 'run-1', marker: 1 });
      const before = await listStored();
      const lock = await warehouse.acquireProductLock(ORDERS.productId, { runId: 'run-2' });
      const staged = await warehouse.stage({ ...ORDERS, runId: 'run-2' });
      await parquet.tool.write(join(staged.dataDir, 'part-00000.parquet'), 2);
      await warehouse.abort(staged);
      await warehouse.abort(staged); // idempotent
      expect(await listStored()).toEqual(before);
      await expect(warehouse.publish(staged, describeRows(10))).rejects.toMatchObject({ code: 'MW8108' });
      await lock.release();
    });

    it('publishes a staged snapshot only once', async () => {
      const { warehouse } = await harness.create();
      const lock = await warehouse.acquireProductLock(ORDERS.productId, { runId: 'run-1' });
      const staged = await warehouse.stage({ ...ORDERS, runId: 'run-1' });
      await parquet.tool.write(join(staged.dataDir, 'part-00000.parquet'), 1);
      await warehouse.publish(staged, describeRows(10));
      await expect(
        warehouse.publish(staged, describeRows(10), { expectedParent: staged.snapshotId }),
      ).rejects.toMatchObject({ kind: 'conflict', code: 'MW8108' });
      await warehouse.abort(staged); // a published snapshot survives abort
      await lock.release();
      expect((await warehouse.current(ORDERS))?.snapshotId).toBe(staged.snapshotId);
    });

    it('needs the product lock, held by the staging run, to stage and to publish', async () => {
      const { warehouse } = await harness.create();
      await expect(warehouse.stage({ ...ORDERS, runId: 'run-1' })).rejects.toMatchObject({ code: 'MW8106' });
      const lock = await warehouse.acquireProductLock(ORDERS.productId, { runId: 'run-1' });
      const staged = await warehouse.stage({ ...ORDERS, runId: 'run-1' });
      await parquet.tool.write(join(staged.dataDir, 'part-00000.parquet'), 1);
      await lock.release();
      const other = await warehouse.acquireProductLock(ORDERS.productId, { runId: 'run-2' });
      await expect(warehouse.publish(staged, describeRows(10))).rejects.toMatchObject({
        code: 'MW8106',
        message: expect.stringContaining('run-2'),
      });
      await other.release();
      await warehouse.abort(staged);
      expect(await warehouse.current(ORDERS)).toBeUndefined();
    });

    it('rejects bad descriptions and bad staged data before anything moves', async () => {
      const { warehouse } = await harness.create();
      const lock = await warehouse.acquireProductLock(ORDERS.productId, { runId: 'run-1' });
      const staged = await warehouse.stage({ ...ORDERS, runId: 'run-1' });
      await expect(warehouse.publish(staged, describeRows(10))).rejects.toMatchObject({
        kind: 'input',
        code: 'MW8109',
      });
      await parquet.tool.write(join(staged.dataDir, 'part-00000.parquet'), 1);
      await parquet.tool.write(join(staged.dataDir, 'part-00001.parquet'), 1, 5);
      // Two files: the caller must say how many rows each holds, and they must add up.
      await expect(warehouse.publish(staged, describeRows(15))).rejects.toMatchObject({ code: 'MW8109' });
      await expect(
        warehouse.publish(
          staged,
          describeRows(15, { fileRowCounts: { 'part-00000.parquet': 10, 'part-00001.parquet': 4 } }),
        ),
      ).rejects.toMatchObject({ code: 'MW8109' });
      await expect(
        warehouse.publish(staged, describeRows(10, { schema: [], columnStats: [{ column: 'nope', nullCount: -1 }] })),
      ).rejects.toMatchObject({ kind: 'input', code: 'MW8110', message: expect.stringContaining('nope') });
      await expect(warehouse.publish(staged, describeRows(10, { audit: { big: 1n } }))).rejects.toMatchObject({
        code: 'MW8110',
      });
      expect(await warehouse.current(ORDERS)).toBeUndefined();

      const manifest = await warehouse.publish(
        staged,
        describeRows(15, { fileRowCounts: { 'part-00000.parquet': 10, 'part-00001.parquet': 5 } }),
      );
      await lock.release();
      expect(manifest.files.map((file) => file.rowCount)).toEqual([10, 5]);
      expect(await parquet.tool.read(await warehouse.snapshotFiles(ORDERS, manifest.snapshotId))).toEqual({ 1: 15 });
    });

    it('keeps the major versions of a port apart, and lists only tables with a current snapshot', async () => {
      const { warehouse } = await harness.create();
      const v2 = { ...ORDERS, major: 2 };
      const customers = { productId: 'customers.profile', port: 'customer_profile', major: 1 };
      await publishRun(warehouse, parquet.tool, { runId: 'run-1', marker: 1, table: v2 });
      await publishRun(warehouse, parquet.tool, { runId: 'run-2', marker: 2 });
      await publishRun(warehouse, parquet.tool, { runId: 'run-3', marker: 3, table: customers });
      const lock = await warehouse.acquireProductLock('finance.invoices', { runId: 'run-4' });
      await warehouse.stage({ productId: 'finance.invoices', port: 'invoices', major: 1, runId: 'run-4' });
      await lock.release();
      expect(await warehouse.listTables()).toEqual([customers, ORDERS, v2]);
      const current = async (table: typeof ORDERS) =>
        parquet.tool.read(await warehouse.snapshotFiles(table, (await warehouse.current(table))!.snapshotId));
      expect(await current(ORDERS)).toEqual({ 2: 10 });
      expect(await current(v2)).toEqual({ 1: 10 });
    });

    it('keeps 64-bit snapshot ids exact, above 2^53 and up to 2^63-1', async () => {
      const ids = ['9223372036854775807', '9007199254740993'];
      const { warehouse, reopen } = await harness.create({ generateSnapshotId: () => ids.shift() ?? '1' });
      const first = await publishRun(warehouse, parquet.tool, { runId: 'run-1', marker: 1 });
      const second = await publishRun(warehouse, parquet.tool, { runId: 'run-2', marker: 2 });
      expect(first.snapshotId).toBe('9223372036854775807');
      expect(second).toMatchObject({ snapshotId: '9007199254740993', parentSnapshotId: '9223372036854775807' });
      const reopened = reopen();
      expect((await reopened.current(ORDERS))?.snapshotId).toBe('9007199254740993');
      expect((await reopened.listSnapshots(ORDERS)).map((s) => [s.snapshotId, s.parentSnapshotId])).toEqual([
        ['9007199254740993', '9223372036854775807'],
        ['9223372036854775807', null],
      ]);
      expect(await parquet.tool.read(await reopened.snapshotFiles(ORDERS, '9223372036854775807'))).toEqual({ 1: 10 });
      // Neighbours that a float would round to the same value are different snapshots.
      await expect(reopened.getSnapshot(ORDERS, '9007199254740992')).rejects.toMatchObject({ code: 'MW8111' });
      await expect(reopened.getSnapshot(ORDERS, '9223372036854775806')).rejects.toMatchObject({ code: 'MW8111' });
    });

    it('rejects bad table references and unknown snapshots with their codes', async () => {
      const { warehouse } = await harness.create();
      await expect(warehouse.current({ ...ORDERS, productId: '../etc' })).rejects.toMatchObject({ code: 'MW8101' });
      await expect(warehouse.current({ ...ORDERS, port: 'a/b' })).rejects.toMatchObject({ code: 'MW8101' });
      await expect(warehouse.current({ ...ORDERS, major: 1.5 })).rejects.toMatchObject({ code: 'MW8101' });
      await expect(warehouse.getSnapshot(ORDERS, '0')).rejects.toMatchObject({ kind: 'input', code: 'MW8102' });
      await expect(warehouse.getSnapshot(ORDERS, '9223372036854775808')).rejects.toMatchObject({ code: 'MW8102' });
      await expect(warehouse.getSnapshot(ORDERS, '42')).rejects.toMatchObject({ kind: 'not-found', code: 'MW8111' });
      await expect(warehouse.acquireProductLock('sales.orders', { runId: '' })).rejects.toMatchObject({
        code: 'MW8113',
      });
    });
  });
}
