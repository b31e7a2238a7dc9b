/**
 * Conformance, property-based (fast-check, fixed seed): random sequences of publish, abort,
 * crash at a random step, recover and retain. After every step, current points at a snapshot whose
 * manifest and files exist, readers of current see exactly the rows of the last successful
 * publish, and every listed snapshot is complete.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Warehouse } from '../warehouse.js';
import type { PublishStep } from '../warehouse-types.js';
import type { ParquetTool } from './parquet-tool.js';
import { describeRows, expectedStored, ORDERS, useParquet, type WarehouseHarness } from './warehouse-harness.js';

type Operation =
  | { readonly kind: 'publish' }
  | { readonly kind: 'abort' }
  | { readonly kind: 'crash'; readonly step: PublishStep }
  | { readonly kind: 'recover' }
  | { readonly kind: 'retain'; readonly keepLast: number };

const operation: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ kind: 'publish' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'abort' as const }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('crash' as const),
      step: fc.constantFrom<PublishStep>(
        'data-moved',
        'manifest-written',
        'metadata-written',
        'pointer-prepared',
        'pointer-swapped',
      ),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'recover' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('retain' as const), keepLast: fc.integer({ min: 1, max: 3 }) }),
  },
);

const CRASH = new Error('simulated crash');

export function describeInvariantCases(harness: WarehouseHarness): void {
  const parquet = useParquet();

  describe('invariants under random operations', () => {
    it('current always names a complete snapshot holding the last successful publish', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 12 }), async (operations) => {
          const crashAt: { step?: PublishStep } = {};
          const { warehouse, reopen, listStored } = await harness.create({
            faults: {
              afterStep(step) {
                if (step === crashAt.step) throw CRASH;
              },
            },
          });
          let lastPublished: number | undefined;
          for (const [index, op] of operations.entries()) {
            const marker = index + 1;
            if (op.kind === 'recover') await reopen().recover();
            else if (op.kind === 'retain') await warehouse.retain(ORDERS, { keepLast: op.keepLast });
            else {
              crashAt.step = op.kind === 'crash' ? op.step : undefined;
              const done = await attempt(warehouse, parquet.tool, marker, op.kind === 'abort');
              crashAt.step = undefined;
              // A crash after the pointer swap is a successful publish that did not get to tidy up.
              if (done || (op.kind === 'crash' && op.step === 'pointer-swapped')) lastPublished = marker;
            }
            await expectConsistent(reopen(), parquet.tool, lastPublished);
          }
          await reopen().recover();
          expect(await listStored()).toEqual(await expectedStored(warehouse));
        }),
        { seed: 20250301, numRuns: 25 },
      );
    });
  });
}

/** One run; `abandon` aborts instead of publishing. True when the publish completed. */
async function attempt(warehouse: Warehouse, parquet: ParquetTool, marker: number, abandon: boolean) {
  const runId = `run-${marker}`;
  const lock = await warehouse.acquireProductLock(ORDERS.productId, { runId });
  try {
    const staged = await warehouse.stage({ ...ORDERS, runId });
    await parquet.write(join(staged.dataDir, 'part-00000.parquet'), marker, marker);
    if (abandon) {
      await warehouse.abort(staged);
      return false;
    }
    await warehouse.publish(staged, describeRows(marker));
    return true;
  } catch (error) {
    if (error === CRASH) return false;
    throw error;
  } finally {
    await lock.release();
  }
}

async function expectConsistent(warehouse: Warehouse, parquet: ParquetTool, lastPublished: number | undefined) {
  const current = await warehouse.current(ORDERS);
  expect(current?.runId).toBe(lastPublished === undefined ? undefined : `run-${lastPublished}`);
  if (current && lastPublished !== undefined) {
    expect(await parquet.read(await warehouse.snapshotFiles(ORDERS, current.snapshotId))).toEqual({
      [lastPublished]: lastPublished,
    });
  }
  // Iceberg readers see the same current snapshot and the same kept snapshots.
  const iceberg = await warehouse.icebergTable(ORDERS);
  expect(iceberg?.metadata['current-snapshot-id']).toBe(current ? BigInt(current.snapshotId) : undefined);
  const listed = (await warehouse.listSnapshots(ORDERS)).map((snapshot) => snapshot.snapshotId);
  if (iceberg)
    expect((iceberg.metadata.snapshots ?? []).map((s) => String(s['snapshot-id'])).sort()).toEqual(listed.sort());
  for (const snapshot of await warehouse.listSnapshots(ORDERS)) {
    const counts = await parquet.read(await warehouse.snapshotFiles(ORDERS, snapshot.snapshotId));
    expect(Object.values(counts).reduce((sum, n) => sum + n, 0)).toBe(snapshot.rowCount);
  }
}
