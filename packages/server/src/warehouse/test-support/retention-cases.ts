/** Conformance: retention removes old snapshots, never the current or a referenced one, crash-safely. */
import { describe, expect, it } from 'vitest';
import type { SnapshotManifest } from '../snapshot-manifest.js';
import type { Warehouse } from '../warehouse.js';
import { expectedStored, ORDERS, publishRun, useParquet, type WarehouseHarness } from './warehouse-harness.js';

export function describeRetentionCases(harness: WarehouseHarness): void {
  const parquet = useParquet();

  /** The clock of the warehouses below: history() moves it to 2025-01-<n> for the n-th publish. */
  const clock = { now: new Date(Date.UTC(2025, 0, 1)) };
  const now = () => clock.now;

  /** Publishes `count` snapshots on days 1, 2, … of January 2025; returns them oldest first. */
  async function history(warehouse: Warehouse, count: number): Promise<SnapshotManifest[]> {
    const published: SnapshotManifest[] = [];
    for (let n = 1; n <= count; n += 1) {
      clock.now = new Date(Date.UTC(2025, 0, n));
      published.push(await publishRun(warehouse, parquet.tool, { runId: `run-${n}`, marker: n }));
    }
    return published;
  }

  const ids = (manifests: readonly SnapshotManifest[]) => manifests.map((m) => m.snapshotId);

  describe('retention', () => {
    it('keeps the newest N and removes the rest, data included', async () => {
      const { warehouse, listStored } = await harness.create();
      const [s1, s2, s3, s4, s5] = await history(warehouse, 5);
      const removed = await warehouse.retain(ORDERS, { keepLast: 2 });
      expect([...removed].sort()).toEqual(ids([s1!, s2!, s3!]).sort());
      expect(ids(await warehouse.listSnapshots(ORDERS))).toEqual(ids([s5!, s4!]));
      expect(await listStored()).toEqual(await expectedStored(warehouse));
      expect(await parquet.tool.read(await warehouse.snapshotFiles(ORDERS, s5!.snapshotId))).toEqual({ 5: 10 });
    });

    it('never removes the current snapshot or one still referenced', async () => {
      const { warehouse } = await harness.create({ now });
      const [s1, s2, s3, s4] = await history(warehouse, 4);
      const removed = await warehouse.retain(ORDERS, {
        olderThan: new Date('2100-01-01'),
        isReferenced: async (id) => id === s2!.snapshotId,
      });
      expect([...removed].sort()).toEqual(ids([s1!, s3!]).sort());
      expect(ids(await warehouse.listSnapshots(ORDERS))).toEqual(ids([s4!, s2!]));
    });

    it('removes a snapshot only when every rule given says so', async () => {
      const { warehouse } = await harness.create({ now });
      const [s1, s2, s3, s4] = await history(warehouse, 4); // days 1–4
      // Created before day 3: s1 and s2; beyond the newest 3: s1 only. Both rules: s1.
      expect(await warehouse.retain(ORDERS, { keepLast: 3, olderThan: new Date(Date.UTC(2025, 0, 3)) })).toEqual([
        s1!.snapshotId,
      ]);
      expect(await warehouse.retain(ORDERS, { olderThan: new Date(Date.UTC(2025, 0, 3)) })).toEqual([s2!.snapshotId]);
      expect(ids(await warehouse.listSnapshots(ORDERS))).toEqual(ids([s4!, s3!]));
    });

    it('is crash-safe: a crash between manifest and data removal leaves an orphan recover() removes', async () => {
      const crash = new Error('simulated crash');
      const { warehouse, reopen, listStored } = await harness.create({
        faults: {
          afterStep(step) {
            if (step === 'manifest-removed') throw crash;
          },
        },
      });
      const [s1, s2] = await history(warehouse, 2);
      await expect(warehouse.retain(ORDERS, { keepLast: 1 })).rejects.toBe(crash);
      const restarted = reopen();
      expect(ids(await restarted.listSnapshots(ORDERS))).toEqual(ids([s2!]));
      await expect(restarted.getSnapshot(ORDERS, s1!.snapshotId)).rejects.toMatchObject({ code: 'MW8111' });
      expect(await listStored()).not.toEqual(await expectedStored(restarted));
      // The orphan: its data folder, Iceberg manifest and manifest list (no longer in the metadata).
      expect((await restarted.recover()).removed.map((item) => item.kind)).toEqual(['data', 'metadata', 'metadata']);
      expect((await restarted.icebergTable(ORDERS))?.metadata.snapshots?.map((s) => s['snapshot-id'])).toEqual([
        BigInt(s2!.snapshotId),
      ]);
      expect(await listStored()).toEqual(await expectedStored(restarted));
    });

    it('takes the product lock, or uses the one the calling run holds', async () => {
      const { warehouse } = await harness.create();
      await history(warehouse, 3);
      const lock = await warehouse.acquireProductLock(ORDERS.productId, { runId: 'run-9' });
      await expect(warehouse.retain(ORDERS, { keepLast: 1 })).rejects.toMatchObject({ code: 'MW8105' });
      await expect(warehouse.retain(ORDERS, { keepLast: 1, runId: 'run-8' })).rejects.toMatchObject({
        code: 'MW8106',
      });
      expect(await warehouse.retain(ORDERS, { keepLast: 1, runId: 'run-9' })).toHaveLength(2);
      await lock.release();
    });

    it('rejects retention without a rule, or with a bad one', async () => {
      const { warehouse } = await harness.create();
      for (const options of [{}, { keepLast: 0 }, { keepLast: 1.5 }, { olderThan: new Date('nope') }]) {
        await expect(warehouse.retain(ORDERS, options)).rejects.toMatchObject({ kind: 'input', code: 'MW8112' });
      }
      expect(await warehouse.retain(ORDERS, { keepLast: 1 })).toEqual([]);
    });
  });
}
