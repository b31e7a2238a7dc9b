/**
 * `mesh run` against the hardest faults, with real processes: a second run of a product while a
 * first one holds it, and `kill -9` of a run at each fault point. The runs to kill are real
 * `mesh` child processes (sources, see test-support/mesh-process.ts) held at a point by
 * MESHWORK_FAULT_PAUSE_AT; the checks and the next runs happen in this process.
 *
 * After every crash: the previous snapshot is current and readable, no snapshot of the killed run
 * is visible, the next run succeeds from the previous snapshot, leaves no staging or lock behind,
 * and the killed run is recorded as failed (MW6120, abandoned).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, type TestContext } from 'vitest';
import type { ProductRunResult, RunRecord } from '@meshwork/server';
import { spawnMesh, type MeshProcess } from './test-support/mesh-process.js';
import { addOrdersV2, createRuntimeWorkspace, type RuntimeWorkspace } from './test-support/runtime-workspace.js';

const ORDERS = 'domains/sales/orders';
const SAMPLE = 'id,name,amount,created_at\n1,Alpha,10.50,2026-01-01\n2,Beta,20.00,2026-01-02\n';
const NEWER = `${SAMPLE}3,Gamma,30.00,2026-01-03\n`;

/** Tests here run concurrently: each cleans up after itself only. */
type Finished = TestContext['onTestFinished'];

async function workspace(onTestFinished: Finished): Promise<RuntimeWorkspace> {
  const ws = await createRuntimeWorkspace([['sales', 'orders']]);
  onTestFinished(() => ws.dispose());
  return ws;
}

/** `mesh run sales/orders` in a child process, held at `point` (killed when the test ends anyway). */
async function pausedRun(ws: RuntimeWorkspace, point: string, onTestFinished: Finished): Promise<MeshProcess> {
  const child = spawnMesh(['run', 'sales/orders', '--json'], ws.root, { MESHWORK_FAULT_PAUSE_AT: point });
  onTestFinished(async () => {
    await child.killHard();
  });
  await child.paused(point);
  return child;
}

async function runInProcess(ws: RuntimeWorkspace) {
  const { run, value } = await ws.meshJson<ProductRunResult[]>(['run', 'sales/orders']);
  const result = value[0];
  if (!result || result.outcome === 'skipped') throw new Error(`no run result: ${run.stdout}${run.stderr}`);
  return { ...run, summary: result.summary };
}

async function runs(ws: RuntimeWorkspace): Promise<RunRecord[]> {
  return (await ws.meshJson<{ items: RunRecord[] }>(['runs', 'sales/orders'])).value.items;
}

/** The run id the child announced in its first JSON event. */
function runIdOf(child: MeshProcess, stdout: string): string {
  const started = stdout.split('\n').find((line) => line.includes('"run-started"'));
  if (!started) throw new Error(`pid ${child.process.pid} printed no run-started event`);
  return (JSON.parse(started) as { runId: string }).runId;
}

const rowsOf = (csvRows: number) =>
  [
    { id: '1', name: 'Alpha', amount: '10.50', created_on: '2026-01-01' },
    { id: '2', name: 'Beta', amount: '20.00', created_on: '2026-01-02' },
    { id: '3', name: 'Gamma', amount: '30.00', created_on: '2026-01-03' },
  ].slice(0, csvRows);

/** A workspace whose orders v1 is published (2 rows) and whose input now has 3 rows. */
async function publishedThenChanged(ws: RuntimeWorkspace): Promise<string> {
  await ws.write(`${ORDERS}/data/sample.csv`, SAMPLE);
  const first = await runInProcess(ws);
  expect(first.code, first.stderr).toBe(0);
  await ws.write(`${ORDERS}/data/sample.csv`, NEWER);
  return first.summary.outputs[0]!.snapshotId!;
}

/** The pointer file parses and names a snapshot whose manifest and data exist. */
async function expectPointerSound(ws: RuntimeWorkspace, major = 1): Promise<void> {
  const pointerFile = join(ws.root, '.meshwork/warehouse/sales/orders/orders', `v${major}`, 'metadata/current.json');
  const text = await readFile(pointerFile, 'utf8');
  expect(() => JSON.parse(text) as unknown).not.toThrow();
  // Snapshot ids are 64-bit integers, written as bare JSON numbers: read the digits, not a double.
  const pointed = /"snapshotId":\s*(\d+)/.exec(text)?.[1];
  const table = { productId: 'sales.orders', port: 'orders', major };
  const current = await ws.warehouse.current(table);
  expect(pointed).toBe(current?.snapshotId);
  expect(await ws.warehouse.snapshotFiles(table, current!.snapshotId)).toHaveLength(1);
}

describe('two processes run the same product', () => {
  it('the second fails with a conflict naming the first; the pointer stays sound; the first, killed, is abandoned', async ({
    onTestFinished,
  }) => {
    const ws = await workspace(onTestFinished);
    const previous = await publishedThenChanged(ws);
    const first = await pausedRun(ws, 'before-publish', onTestFinished);
    // The first run holds the lock and has a staged, checked snapshot waiting.
    expect(await ws.locks()).toEqual(['sales.orders.lock']);
    expect(await ws.leftovers()).toHaveLength(1);

    const second = await runInProcess(ws);
    expect(second.code).toBe(1);
    expect(second.summary.status).toBe('failed');
    expect(second.summary.error?.code).toBe('MW8007');
    expect(second.summary.error?.message).toMatch(
      new RegExp(
        `^sales\\.orders is being built by another run: Product is locked by run \\S+ \\(pid ${first.process.pid},`,
      ),
    );
    // The second run's recovery left the live run's staging alone, and published nothing.
    expect(await ws.leftovers()).toHaveLength(1);
    expect((await ws.current('sales.orders', 'orders'))?.manifest.snapshotId).toBe(previous);
    await expectPointerSound(ws);

    const killed = await first.killHard();
    expect(killed.signal).toBe('SIGKILL');
    const firstRunId = runIdOf(first, killed.stdout);
    expect(second.summary.error?.message).toContain(`run ${firstRunId} (pid`);
    expect((await ws.current('sales.orders', 'orders'))?.rows).toEqual(rowsOf(2));

    const third = await runInProcess(ws);
    expect(third.code, third.stdout).toBe(0);
    const current = await ws.current('sales.orders', 'orders');
    expect(current?.manifest).toMatchObject({ parentSnapshotId: previous, sequenceNumber: 2 });
    expect(current?.rows).toEqual(rowsOf(3));
    await expectPointerSound(ws);
    expect(await ws.leftovers()).toEqual([]);
    expect(await ws.locks()).toEqual([]);
    expect((await runs(ws)).find((r) => r.id === firstRunId)).toMatchObject({
      status: 'failed',
      error: { code: 'MW6120' },
    });
  });
});

describe('kill -9 during a run', () => {
  for (const [point, staged] of [
    ['inputs-bound', 0],
    ['output-written', 1],
    ['checks-done', 1],
    ['before-publish', 1],
  ] as const)
    it.concurrent(
      `at ${point}: the previous snapshot serves, the next run succeeds and cleans up`,
      async ({ onTestFinished }) => {
        const ws = await workspace(onTestFinished);
        const previous = await publishedThenChanged(ws);
        const child = await pausedRun(ws, point, onTestFinished);
        expect(await ws.leftovers()).toHaveLength(staged);

        const killed = await child.killHard();
        const killedRunId = runIdOf(child, killed.stdout);
        // What a reader sees right after the crash: the previous snapshot, whole, and nothing else.
        const current = await ws.current('sales.orders', 'orders');
        expect(current?.manifest.snapshotId).toBe(previous);
        expect(current?.rows).toEqual(rowsOf(2));
        const table = { productId: 'sales.orders', port: 'orders', major: 1 };
        expect((await ws.warehouse.listSnapshots(table)).map((s) => s.snapshotId)).toEqual([previous]);
        await expectPointerSound(ws);
        expect(await ws.locks()).toEqual(['sales.orders.lock']); // stale: its holder is dead
        expect((await runs(ws)).find((r) => r.id === killedRunId)?.status).toBe('running');

        const next = await runInProcess(ws);
        expect(next.code, next.stdout).toBe(0);
        const after = await ws.current('sales.orders', 'orders');
        expect(after?.manifest).toMatchObject({ parentSnapshotId: previous, sequenceNumber: 2, rowCount: 3 });
        expect(after?.rows).toEqual(rowsOf(3));
        expect(await ws.leftovers()).toEqual([]);
        expect(await ws.locks()).toEqual([]);
        const history = await runs(ws);
        expect(history.map((r) => r.status)).toEqual(['succeeded', 'failed', 'succeeded']);
        expect(history.find((r) => r.id === killedRunId)).toMatchObject({
          status: 'failed',
          error: { code: 'MW6120', message: 'the process that ran it stopped before it finished' },
          rowsOut: null,
        });
      },
    );

  it.concurrent(
    'between the publishes of two outputs: each port is whole (the first new, the second previous); the next run publishes both',
    async ({ onTestFinished }) => {
      const ws = await workspace(onTestFinished);
      await addOrdersV2(ws);
      await ws.write(`${ORDERS}/data/sample.csv`, SAMPLE);
      const first = await runInProcess(ws);
      expect(first.code, first.stdout).toBe(0);
      const [v1Before, v2Before] = first.summary.outputs.map((o) => o.snapshotId!);
      await ws.write(`${ORDERS}/data/sample.csv`, NEWER);

      const child = await pausedRun(ws, 'between-publishes', onTestFinished);
      const killed = await child.killHard();
      const killedRunId = runIdOf(child, killed.stdout);

      // Publishing is atomic per port, not across ports: v1 moved, v2 did not; neither is partial.
      const v1 = await ws.current('sales.orders', 'orders', 1);
      const v2 = await ws.current('sales.orders', 'orders', 2);
      expect(v1?.manifest).toMatchObject({ parentSnapshotId: v1Before, runId: killedRunId, rowCount: 3 });
      expect(v1?.rows).toEqual(rowsOf(3));
      expect(v2?.manifest.snapshotId).toBe(v2Before);
      expect(v2?.rows.map((r) => r.id)).toEqual(['1', '2']);
      await expectPointerSound(ws, 1);
      await expectPointerSound(ws, 2);
      expect(await ws.leftovers()).toHaveLength(1); // v2's staged snapshot

      const next = await runInProcess(ws);
      expect(next.code, next.stdout).toBe(0);
      expect((await ws.current('sales.orders', 'orders', 1))?.manifest.parentSnapshotId).toBe(v1?.manifest.snapshotId);
      const v2After = await ws.current('sales.orders', 'orders', 2);
      expect(v2After?.manifest.parentSnapshotId).toBe(v2Before);
      expect(v2After?.rows.map((r) => r.id)).toEqual(['1', '2', '3']);
      expect(await ws.leftovers()).toEqual([]);
      expect(await ws.locks()).toEqual([]);
      expect((await runs(ws)).find((r) => r.id === killedRunId)).toMatchObject({
        status: 'failed',
        error: { code: 'MW6120' },
      });
    },
  );
});
