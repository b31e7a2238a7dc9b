/**
 * Real processes: a writer killed with SIGKILL in the middle of a run, and writers racing for the
 * lock from different processes. The children run the real warehouse sources (test-support/
 * warehouse-child.ts); each takes a second or two to start, so the cases run concurrently.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killHard, spawnChild, warmUpChildren } from '../test-support/child-process.js';
import { deadPid } from '../test-support/dead-pid.js';
import { openParquetTool, type ParquetTool } from '../test-support/parquet-tool.js';
import { expectedStored, ORDERS, publishRun } from '../test-support/warehouse-harness.js';
import type { PublishStep } from '../warehouse-types.js';
import { createLocalWarehouse } from './create-local-warehouse.js';

const base = mkdtempSync(join(tmpdir(), 'meshwork-warehouse-processes-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** Every file under `root` except lock files, and staging folders as `…/.staging/<id>/`. */
async function listStored(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .flatMap((entry) => {
      const path = join(entry.parentPath, entry.name).slice(root.length + 1);
      if (path.startsWith('.locks')) return [];
      if (entry.isFile()) return [path];
      return entry.parentPath.endsWith('.staging') ? [`${path}/`] : [];
    })
    .sort();
}

/** Its own DuckDB per case: the cases run concurrently, and a connection runs one statement at a time. */
async function withParquet<T>(body: (parquet: ParquetTool) => Promise<T>): Promise<T> {
  const parquet = await openParquetTool();
  try {
    return await body(parquet);
  } finally {
    parquet.close();
  }
}

describe('LocalWarehouse across processes', () => {
  beforeAll(() => warmUpChildren(join(base, 'warm-up')));
  const killPoints: readonly (PublishStep | 'staged')[] = [
    'staged',
    'data-moved',
    'manifest-written',
    'metadata-written',
    'pointer-prepared',
  ];
  for (const hangAt of killPoints) {
    it.concurrent(
      `kill -9 ${hangAt === 'staged' ? 'after staging' : `after ${hangAt}`}: previous snapshot serves, lock taken over, leftovers cleaned`,
      () =>
        withParquet(async (parquet) => {
          const root = join(base, `kill-${hangAt}`);
          const warehouse = createLocalWarehouse({ root });
          const previous = await publishRun(warehouse, parquet, { runId: 'run-before', marker: 1 });
          const icebergBefore = await warehouse.icebergTable(ORDERS);

          const child = spawnChild({ mode: 'publish', root, table: ORDERS, runId: 'run-killed', marker: 2, hangAt });
          expect(await child.nextLine()).toBe('READY');
          // While the child lives, its lock holds across processes.
          await expect(warehouse.acquireProductLock(ORDERS.productId, { runId: 'run-next' })).rejects.toMatchObject({
            code: 'MW8105',
            message: expect.stringContaining('run-killed'),
          });
          await killHard(child);

          expect((await warehouse.current(ORDERS))?.snapshotId).toBe(previous.snapshotId);
          expect(await parquet.read(await warehouse.snapshotFiles(ORDERS, previous.snapshotId))).toEqual({ 1: 10 });
          // Iceberg readers stay on the previous snapshot, even with the next metadata file written.
          expect(await warehouse.icebergTable(ORDERS)).toEqual(icebergBefore);
          expect(await listStored(root)).not.toEqual(await expectedStored(warehouse));

          const lock = await warehouse.acquireProductLock(ORDERS.productId, { runId: 'run-next' });
          const report = await warehouse.recover();
          expect(report.removed.some((item) => item.kind === 'staging')).toBe(true);
          expect(await listStored(root)).toEqual(await expectedStored(warehouse));
          await lock.release();

          const next = await publishRun(warehouse, parquet, { runId: 'run-after', marker: 3 });
          expect(next.parentSnapshotId).toBe(previous.snapshotId);
          expect(await parquet.read(await warehouse.snapshotFiles(ORDERS, next.snapshotId))).toEqual({ 3: 10 });
        }),
    );
  }

  it.concurrent('kill -9 after the pointer swap: the killed run’s snapshot is current and complete', () =>
    withParquet(async (parquet) => {
      const root = join(base, 'kill-pointer-swapped');
      const warehouse = createLocalWarehouse({ root });
      await publishRun(warehouse, parquet, { runId: 'run-before', marker: 1 });
      const child = spawnChild({
        mode: 'publish',
        root,
        table: ORDERS,
        runId: 'run-killed',
        marker: 2,
        hangAt: 'pointer-swapped',
      });
      expect(await child.nextLine()).toBe('READY');
      await killHard(child);
      const current = await warehouse.current(ORDERS);
      expect(current?.runId).toBe('run-killed');
      expect((await warehouse.icebergTable(ORDERS))?.metadata['current-snapshot-id']).toBe(BigInt(current!.snapshotId));
      expect(await parquet.read(await warehouse.snapshotFiles(ORDERS, current!.snapshotId))).toEqual({ 2: 10 });
      expect((await warehouse.recover()).removed.map((item) => item.kind)).toEqual(['staging']);
      expect(await listStored(root)).toEqual(await expectedStored(warehouse));
    }),
  );

  it.concurrent('lets exactly one of several processes take the lock', async () => {
    const root = join(base, 'race');
    const children = [1, 2, 3, 4].map((n) => spawnChild({ mode: 'lock', root, table: ORDERS, runId: `run-${n}` }));
    const answers = await Promise.all(children.map((child) => child.nextLine()));
    expect(answers.filter((answer) => answer === 'ACQUIRED')).toHaveLength(1);
    expect(answers.filter((answer) => answer === 'CONFLICT MW8105')).toHaveLength(3);
    const winner = children[answers.indexOf('ACQUIRED')]!;
    await expect(
      createLocalWarehouse({ root }).acquireProductLock(ORDERS.productId, { runId: 'run-parent' }),
    ).rejects.toMatchObject({ code: 'MW8105' });
    winner.process.stdin!.end();
    expect(await Promise.all(children.map((child) => child.exited))).toEqual([0, 0, 0, 0]);
    const lock = await createLocalWarehouse({ root }).acquireProductLock(ORDERS.productId, { runId: 'run-parent' });
    await lock.release();
  });

  it.concurrent('lets exactly one of several processes take over a dead process’s lock', async () => {
    const root = join(base, 'takeover');
    await createLocalWarehouse({ root }).acquireProductLock(ORDERS.productId, {
      runId: 'run-dead',
      pid: await deadPid(),
    });
    const children = [1, 2, 3, 4].map((n) => spawnChild({ mode: 'lock', root, table: ORDERS, runId: `run-${n}` }));
    const answers = await Promise.all(children.map((child) => child.nextLine()));
    expect(answers.filter((answer) => answer === 'ACQUIRED')).toHaveLength(1);
    expect(answers.filter((answer) => answer === 'CONFLICT MW8105')).toHaveLength(3);
    for (const child of children) child.process.stdin!.end();
    await Promise.all(children.map((child) => child.exited));
  });
});
