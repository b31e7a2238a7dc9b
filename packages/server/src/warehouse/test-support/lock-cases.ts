/** Conformance: one writer per product, stale locks taken over. Across processes: local/*processes.test.ts. */
import { describe, expect, it } from 'vitest';
import { isMeshworkError } from '@meshwork/core';
import { deadPid } from './dead-pid.js';
import { ORDERS, type WarehouseHarness } from './warehouse-harness.js';

export function describeLockCases(harness: WarehouseHarness): void {
  describe('product lock', () => {
    it('lets exactly one of several concurrent writers in; the others get a conflict naming the holder', async () => {
      const { warehouse } = await harness.create();
      const attempts = await Promise.allSettled(
        ['a', 'b', 'c', 'd', 'e'].map((name) =>
          warehouse.acquireProductLock(ORDERS.productId, { runId: `run-${name}` }),
        ),
      );
      const winners = attempts.filter((attempt) => attempt.status === 'fulfilled');
      expect(winners).toHaveLength(1);
      const holder = winners[0]!.value.runId;
      for (const attempt of attempts) {
        if (attempt.status === 'fulfilled') continue;
        expect(attempt.reason).toMatchObject({ kind: 'conflict', code: 'MW8105' });
        expect((attempt.reason as Error).message).toContain(`run ${holder}`);
      }
      await winners[0]!.value.release();
    });

    it('is per product: another product can be written at the same time', async () => {
      const { warehouse } = await harness.create();
      const orders = await warehouse.acquireProductLock('sales.orders', { runId: 'run-1' });
      const invoices = await warehouse.acquireProductLock('finance.invoices', { runId: 'run-2' });
      await Promise.all([orders.release(), invoices.release()]);
    });

    it('can be taken again after release; release is idempotent and never frees a later holder', async () => {
      const { warehouse } = await harness.create();
      const first = await warehouse.acquireProductLock(ORDERS.productId, { runId: 'run-1' });
      await first.release();
      const second = await warehouse.acquireProductLock(ORDERS.productId, { runId: 'run-2' });
      await first.release();
      await expect(warehouse.acquireProductLock(ORDERS.productId, { runId: 'run-3' })).rejects.toMatchObject({
        code: 'MW8105',
      });
      await second.release();
    });

    it('takes over the lock of a process that died, and only one of several racing writers does', async () => {
      const { warehouse } = await harness.create();
      const dead = await deadPid();
      // Many rounds: a takeover that is not exclusive lets two writers in only now and then.
      for (let round = 0; round < 25; round += 1) {
        await warehouse.acquireProductLock(ORDERS.productId, { runId: `run-crashed-${round}`, pid: dead });
        const attempts = await Promise.allSettled(
          [1, 2, 3, 4, 5, 6, 7, 8].map((n) => warehouse.acquireProductLock(ORDERS.productId, { runId: `run-${n}` })),
        );
        const winners = attempts.filter((attempt) => attempt.status === 'fulfilled');
        expect(winners, `round ${round}`).toHaveLength(1);
        for (const attempt of attempts) {
          if (attempt.status === 'rejected')
            expect(isMeshworkError(attempt.reason) && attempt.reason.code).toBe('MW8105');
        }
        await winners[0]!.value.release();
      }
    });

    it('treats a holder whose pid is alive as alive, even if it is not this process', async () => {
      const { warehouse } = await harness.create();
      const parent = await warehouse.acquireProductLock(ORDERS.productId, { runId: 'run-parent', pid: process.ppid });
      await expect(warehouse.acquireProductLock(ORDERS.productId, { runId: 'run-1' })).rejects.toMatchObject({
        message: expect.stringContaining(`pid ${process.ppid}`),
      });
      await parent.release();
    });
  });
}
