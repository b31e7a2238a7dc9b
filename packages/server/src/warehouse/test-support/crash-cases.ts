/**
 * Conformance: a crash between any two steps of publish (simulated by a fault hook that throws)
 * never makes anything half-published visible; recover() removes the leftovers; the next publish
 * works. The real kill -9 of a process is in local/local-warehouse-processes.test.ts.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Warehouse } from '../warehouse.js';
import type { PublishStep } from '../warehouse-types.js';
import {
  describeRows,
  expectedStored,
  ORDERS,
  publishRun,
  useParquet,
  type WarehouseHarness,
} from './warehouse-harness.js';

const CRASH = new Error('simulated crash');
const BEFORE_SWAP: readonly PublishStep[] = ['data-moved', 'manifest-written', 'metadata-written', 'pointer-prepared'];

export function describeCrashCases(harness: WarehouseHarness): void {
  const parquet = useParquet();

  /** A warehouse whose publish "crashes" after `step` while `armed` is set. */
  async function crashingAt(step: PublishStep) {
    const state = { armed: false };
    const created = await harness.create({
      faults: {
        afterStep(reached) {
          if (state.armed && reached === step) throw CRASH;
        },
      },
    });
    return { ...created, state };
  }

  describe('crash during publish', () => {
    for (const step of BEFORE_SWAP) {
      it(`after ${step}: the previous snapshot keeps serving, recover() cleans up, the next publish works`, async () => {
        const { warehouse, reopen, listStored, state } = await crashingAt(step);
        const first = await publishRun(warehouse, parquet.tool, { runId: 'run-1', marker: 1 });
        const icebergBefore = await warehouse.icebergTable(ORDERS);
        state.armed = true;
        // publishRun releases the lock in `finally`, as a dead holder's lock is taken over later.
        await expect(publishRun(warehouse, parquet.tool, { runId: 'run-2', marker: 2 })).rejects.toBe(CRASH);

        const restarted = reopen();
        expect((await restarted.current(ORDERS))?.snapshotId).toBe(first.snapshotId);
        // Iceberg readers too stay on the previous snapshot, whatever the crashed publish wrote.
        expect(await restarted.icebergTable(ORDERS)).toEqual(icebergBefore);
        expect(icebergBefore?.metadata['current-snapshot-id']).toBe(BigInt(first.snapshotId));
        expect((await restarted.listSnapshots(ORDERS)).map((s) => s.snapshotId)).toEqual([first.snapshotId]);
        const current = await restarted.current(ORDERS);
        expect(await parquet.tool.read(await restarted.snapshotFiles(ORDERS, current!.snapshotId))).toEqual({ 1: 10 });

        const report = await restarted.recover();
        expect(report.removed.map((item) => item.kind)).toContain('staging');
        if (step !== 'data-moved') expect(report.removed.map((item) => item.kind)).toContain('manifest');
        if (step === 'metadata-written' || step === 'pointer-prepared') {
          // The crashed publish's manifest, manifest list and v2.metadata.json.
          expect(report.removed.filter((item) => item.kind === 'metadata')).toHaveLength(3);
        }
        expect(await listStored()).toEqual(await expectedStored(restarted));
        expect(await restarted.recover()).toEqual({ removed: [] });

        const third = await publishRun(restarted, parquet.tool, { runId: 'run-3', marker: 3 });
        expect(third.parentSnapshotId).toBe(first.snapshotId);
        const iceberg = await restarted.icebergTable(ORDERS);
        expect(iceberg?.metadata['current-snapshot-id']).toBe(BigInt(third.snapshotId));
        expect(iceberg?.metadata.snapshots?.map((s) => s['snapshot-id'])).toEqual([
          BigInt(first.snapshotId),
          BigInt(third.snapshotId),
        ]);
        expect(await parquet.tool.read(await restarted.snapshotFiles(ORDERS, third.snapshotId))).toEqual({ 3: 10 });
      });

      it(`after ${step}: the next publish succeeds even without recover(), and never lists the crashed one`, async () => {
        const { warehouse, reopen, listStored, state } = await crashingAt(step);
        const first = await publishRun(warehouse, parquet.tool, { runId: 'run-1', marker: 1 });
        state.armed = true;
        await expect(publishRun(warehouse, parquet.tool, { runId: 'run-2', marker: 2 })).rejects.toBe(CRASH);
        const restarted = reopen();
        const second = await publishRun(restarted, parquet.tool, { runId: 'run-3', marker: 3 });
        const third = await publishRun(restarted, parquet.tool, { runId: 'run-4', marker: 4 });
        expect((await restarted.listSnapshots(ORDERS)).map((s) => s.snapshotId)).toEqual([
          third.snapshotId,
          second.snapshotId,
          first.snapshotId,
        ]);
        await restarted.recover();
        expect(await listStored()).toEqual(await expectedStored(restarted));
      });
    }

    it('after the pointer swap: the new snapshot is current and recover() only removes the staging folder', async () => {
      const { warehouse, reopen, listStored, state } = await crashingAt('pointer-swapped');
      await publishRun(warehouse, parquet.tool, { runId: 'run-1', marker: 1 });
      state.armed = true;
      await expect(publishRun(warehouse, parquet.tool, { runId: 'run-2', marker: 2 })).rejects.toBe(CRASH);
      const restarted = reopen();
      const current = await restarted.current(ORDERS);
      expect(current?.runId).toBe('run-2');
      const report = await restarted.recover();
      expect(report.removed.map((item) => item.kind)).toEqual(['staging']);
      expect(await listStored()).toEqual(await expectedStored(restarted));
      expect(await parquet.tool.read(await restarted.snapshotFiles(ORDERS, current!.snapshotId))).toEqual({ 2: 10 });
    });

    it('abort after a failed publish removes its data and manifest, never the previous snapshot', async () => {
      const { warehouse, listStored, state } = await crashingAt('manifest-written');
      await publishRun(warehouse, parquet.tool, { runId: 'run-1', marker: 1 });
      const before = await listStored();
      state.armed = true;
      const lock = await warehouse.acquireProductLock(ORDERS.productId, { runId: 'run-2' });
      const staged = await warehouse.stage({ ...ORDERS, runId: 'run-2' });
      await parquet.tool.write(join(staged.dataDir, 'part-00000.parquet'), 2);
      await expect(warehouse.publish(staged, describeRows(10))).rejects.toBe(CRASH);
      await warehouse.abort(staged);
      await lock.release();
      expect(await listStored()).toEqual(before);
    });
  });

  describe('recovery next to a live writer', () => {
    it('keeps the staging of the run that holds the lock and removes a dead run’s', async () => {
      const { warehouse, listStored } = await harness.create();
      const dead = await warehouse.acquireProductLock(ORDERS.productId, { runId: 'run-dead' });
      const abandoned = await warehouse.stage({ ...ORDERS, runId: 'run-dead' });
      await parquet.tool.write(join(abandoned.dataDir, 'part-00000.parquet'), 1);
      await dead.release();

      const lock = await warehouse.acquireProductLock(ORDERS.productId, { runId: 'run-live' });
      const staged = await warehouse.stage({ ...ORDERS, runId: 'run-live' });
      await parquet.tool.write(join(staged.dataDir, 'part-00000.parquet'), 2);
      const report = await warehouse.recover();
      expect(report.removed).toHaveLength(1);
      expect(report.removed[0]!.path).toContain(abandoned.stagingId);
      expect((await listStored()).some((path) => path.includes(staged.stagingId))).toBe(true);
      await warehouse.publish(staged, describeRows(10));
      await lock.release();
      expect(await listStored()).toEqual(await expectedStored(warehouse));
    });

    it('never removes anything of a publish in progress, at any step', async () => {
      const seen: string[] = [];
      const bystander: { warehouse?: Warehouse } = {};
      const created = await harness.create({
        faults: {
          async afterStep(step) {
            const report = await bystander.warehouse!.recover();
            seen.push(`${step}:${report.removed.length}`);
          },
        },
      });
      // Another warehouse on the same storage recovers between every two steps of the publish.
      bystander.warehouse = created.reopen();
      const manifest = await publishRun(created.warehouse, parquet.tool, { runId: 'run-1', marker: 1 });
      expect(seen).toEqual([
        'data-moved:0',
        'manifest-written:0',
        'metadata-written:0',
        'pointer-prepared:0',
        'pointer-swapped:0',
      ]);
      expect((await created.warehouse.current(ORDERS))?.snapshotId).toBe(manifest.snapshotId);
      expect(await created.listStored()).toEqual(await expectedStored(created.warehouse));
    });

    it('recovers an empty or missing warehouse without complaint', async () => {
      const { warehouse } = await harness.create();
      expect(await warehouse.recover()).toEqual({ removed: [] });
      expect(await warehouse.listTables()).toEqual([]);
    });
  });
}
