/**
 * Run history: a run's life from `running` to its result, exactly once, one running run per
 * product, and runs abandoned by a stopped process. Records are pinned literally, so every
 * adapter returns the same bytes for the same inputs.
 */
import { describe, expect, it } from 'vitest';
import { manualClock, useStores, type MetadataStoreHarness } from './conformance-harness.js';
import { product, runInput, succeeded, uuidFrom } from './metadata-fixtures.js';

const RUN_ID = 'C0FFEE00-0000-4000-8000-00000000000A';

export function describeRunCases(harness: MetadataStoreHarness): void {
  describe('runs', () => {
    const stores = useStores(harness);

    it('records a run as running, then its result, identically in every adapter', async () => {
      const clock = manualClock('2024-05-01T12:00:00.000Z');
      const { store } = await stores.fresh({ now: clock.now });
      await store.upsertProduct(product('sales.orders'));
      const created = await store.createRun({
        id: RUN_ID,
        productId: 'sales.orders',
        trigger: 'schedule',
        requestedBy: 'scheduler',
        // Keys out of order: they are stored as canonical JSON.
        parameters: { run_date: '2024-05-01', limit: 5, full: false, tags: ['a', null] },
      });
      expect(JSON.stringify(created)).toBe(
        '{"id":"c0ffee00-0000-4000-8000-00000000000a","productId":"sales.orders","trigger":"schedule",' +
          '"requestedBy":"scheduler","parameters":{"full":false,"limit":5,"run_date":"2024-05-01","tags":["a",null]},' +
          '"status":"running","startedAt":"2024-05-01T12:00:00.000Z","finishedAt":null,"rowsIn":null,"rowsOut":null,' +
          '"error":null,"steps":[],"checks":[],"outputs":[]}',
      );

      clock.set('2024-05-01T12:03:20.250Z');
      const finished = await store.finishRun(RUN_ID, {
        status: 'failed',
        rowsIn: 5_000_000_000,
        rowsOut: 0,
        error: { code: 'MW8201', message: 'Blocking check failed: nullValues on id is 3 (must be 0).' },
        steps: [
          { name: 'load', rows: 5_000_000_000, ms: 1234.5 },
          { name: 'clean', rows: 4_999_999_997, ms: 88 },
        ],
        checks: [{ rule: 'nullValues', column: 'id', observed: 3, threshold: { mustBe: 0 }, passed: false }],
        outputs: [
          { port: 'orders', major: 1, snapshotId: null, rowCount: 4_999_999_997, reason: 'blocking check failed' },
          { port: 'orders', major: 2, snapshotId: null, rowCount: null, reason: 'not staged' },
        ],
      });
      expect(finished).toEqual({
        ...created,
        status: 'failed',
        finishedAt: '2024-05-01T12:03:20.250Z',
        rowsIn: 5_000_000_000,
        rowsOut: 0,
        error: { code: 'MW8201', message: 'Blocking check failed: nullValues on id is 3 (must be 0).' },
        steps: [
          { name: 'load', rows: 5_000_000_000, ms: 1234.5 },
          { name: 'clean', rows: 4_999_999_997, ms: 88 },
        ],
        checks: [{ column: 'id', observed: 3, passed: false, rule: 'nullValues', threshold: { mustBe: 0 } }],
        outputs: [
          { port: 'orders', major: 1, snapshotId: null, rowCount: 4_999_999_997, reason: 'blocking check failed' },
          { port: 'orders', major: 2, snapshotId: null, rowCount: null, reason: 'not staged' },
        ],
      });
      expect(JSON.stringify(finished.checks)).toBe(
        '[{"column":"id","observed":3,"passed":false,"rule":"nullValues","threshold":{"mustBe":0}}]',
      );
      expect(JSON.stringify(await store.getRun(RUN_ID.toLowerCase()))).toBe(JSON.stringify(finished));
      expect(await store.getRun(uuidFrom('never created'))).toBeUndefined();
      expect(await store.getRun('not-a-uuid')).toBeUndefined();
    });

    it('finishes a run exactly once', async () => {
      const { store, database } = await stores.fresh();
      await store.upsertProduct(product('sales.orders'));
      const run = await store.createRun(runInput('sales.orders'));
      const done = await store.finishRun(run.id, succeeded());
      expect(done).toMatchObject({ status: 'succeeded', error: null, rowsIn: 10, rowsOut: 8 });
      await expect(store.finishRun(run.id, succeeded({ status: 'cancelled' }))).rejects.toMatchObject({
        code: 'MW6122',
        kind: 'conflict',
        message: expect.stringContaining('succeeded'),
      });
      expect(await store.getRun(run.id)).toEqual(done);
      await expect(store.finishRun(uuidFrom('missing'), succeeded())).rejects.toMatchObject({
        code: 'MW6121',
        kind: 'not-found',
      });

      // Racing finishers, in one store and across two stores on the database: one wins.
      const other = await stores.open(database);
      const raced = await other.createRun(runInput('sales.orders', { id: uuidFrom('raced') }));
      const results = await Promise.allSettled(
        Array.from({ length: 6 }, (_, i) => (i % 2 ? store : other).finishRun(raced.id, succeeded({ rowsOut: i }))),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const codes = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as { code?: string }).code] : []));
      expect(codes).toEqual(Array(5).fill('MW6122'));
    });

    it('refuses results that do not say what happened', async () => {
      const { store } = await stores.fresh({ now: () => new Date('2024-05-01T12:00:00.000Z') });
      await store.upsertProduct(product('sales.orders'));
      const run = await store.createRun(runInput('sales.orders'));
      const refused = async (result: Parameters<typeof store.finishRun>[1], fragment: string) =>
        expect(store.finishRun(run.id, result)).rejects.toMatchObject({
          code: 'MW6101',
          message: expect.stringContaining(fragment),
        });
      await refused(succeeded({ status: 'failed' }), 'run.error');
      await refused(succeeded({ error: { code: 'MW1', message: 'x' } }), 'run.error');
      await refused(succeeded({ status: 'running' as never }), 'run.status');
      await refused(succeeded({ rowsIn: -1 }), 'run.rowsIn');
      await refused(succeeded({ rowsOut: 1.5 }), 'run.rowsOut');
      await refused(succeeded({ steps: [{ name: 'a', rows: 1, ms: Number.NaN }] }), 'run.steps[0].ms');
      await refused(succeeded({ checks: [{ when: new Date() }] as never }), 'run.checks[0].when');
      await refused(succeeded({ outputs: [{ port: 'o', major: 1, snapshotId: null, rowCount: 0 }] }), 'reason');
      await refused(
        succeeded({ outputs: [{ port: 'o', major: 1, snapshotId: 's', rowCount: 0, reason: 'r' }] }),
        'run.outputs[0]',
      );
      await refused(succeeded({ finishedAt: '2024-05-01T11:59:59.999Z' }), 'before the run started');
      expect(await store.getRun(run.id)).toMatchObject({ status: 'running', finishedAt: null });
      const cancelled = await store.finishRun(run.id, succeeded({ status: 'cancelled', outputs: [] }));
      expect(cancelled).toMatchObject({ status: 'cancelled', error: null, outputs: [] });
    });

    it('refuses invalid runs, runs of unregistered products and reused ids', async () => {
      const { store } = await stores.fresh();
      await expect(store.createRun(runInput('sales.orders'))).rejects.toMatchObject({ code: 'MW6104' });
      await store.upsertProduct(product('sales.orders'));
      for (const bad of [
        { id: 'run-1' },
        { trigger: 'cron' as never },
        { requestedBy: '' },
        { parameters: ['a'] as never },
        { parameters: { n: Number.POSITIVE_INFINITY } },
        { startedAt: 'today' },
      ]) {
        await expect(store.createRun(runInput('sales.orders', bad))).rejects.toMatchObject({ code: 'MW6101' });
      }
      const run = await store.createRun(runInput('sales.orders'));
      await store.finishRun(run.id, succeeded());
      await expect(store.createRun(runInput('sales.orders', { id: run.id.toUpperCase() }))).rejects.toMatchObject({
        code: 'MW6110',
        kind: 'conflict',
        message: expect.stringContaining(run.id),
      });
    });

    it('keeps at most one running run per product', async () => {
      const { store, database } = await stores.fresh();
      await store.upsertProduct(product('sales.orders'));
      await store.upsertProduct(product('sales.returns'));
      const first = await store.createRun(runInput('sales.orders', { id: uuidFrom(1) }));
      await expect(store.createRun(runInput('sales.orders', { id: uuidFrom(2) }))).rejects.toMatchObject({
        code: 'MW6123',
        kind: 'conflict',
        message: expect.stringContaining(first.id),
      });
      await store.createRun(runInput('sales.returns', { id: uuidFrom(3) }));
      await store.finishRun(first.id, succeeded());
      await store.createRun(runInput('sales.orders', { id: uuidFrom(2) }));

      // Two processes starting the same product at once: exactly one records its run.
      const other = await stores.open(database);
      await store.upsertProduct(product('sales.items'));
      const results = await Promise.allSettled(
        Array.from({ length: 8 }, (_, i) =>
          (i % 2 ? store : other).createRun(runInput('sales.items', { id: uuidFrom(`race-${i}`) })),
        ),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect((await store.listRuns({ productId: 'sales.items', status: 'running' })).items).toHaveLength(1);
    });

    it('fails runs left running by a stopped process, and only those named', async () => {
      const clock = manualClock('2024-05-01T12:00:00.000Z');
      const { store } = await stores.fresh({ now: clock.now });
      for (const id of ['a.one', 'a.two', 'a.three']) await store.upsertProduct(product(id));
      const one = await store.createRun(runInput('a.one', { startedAt: '2024-05-01T10:00:00.000Z' }));
      const two = await store.createRun(runInput('a.two', { startedAt: '2024-05-01T11:00:00.000Z' }));
      // Started "later" than the sweep's clock: another machine's clock runs ahead.
      const three = await store.createRun(runInput('a.three', { startedAt: '2024-05-01T12:30:00.000Z' }));

      await expect(store.failStaleRuns({})).rejects.toMatchObject({ code: 'MW6101' });
      expect(await store.failStaleRuns({ productId: 'a.nothing' })).toEqual([]);
      const [failedOne, ...none] = await store.failStaleRuns({ productId: 'a.one' });
      expect(none).toEqual([]);
      expect(failedOne).toEqual({
        ...one,
        status: 'failed',
        finishedAt: '2024-05-01T12:00:00.000Z',
        error: { code: 'MW6120', message: 'Abandoned: the process running it stopped before recording a result.' },
      });
      expect(await store.getRun(two.id)).toEqual(two);

      const swept = await store.failStaleRuns({
        startedBefore: '2024-05-01T13:00:00.000Z',
        reason: 'found running when meshwork serve started',
      });
      expect(swept.map((run) => [run.id, run.finishedAt, run.error?.message])).toEqual([
        [two.id, '2024-05-01T12:00:00.000Z', 'found running when meshwork serve started'],
        [three.id, '2024-05-01T12:30:00.000Z', 'found running when meshwork serve started'],
      ]);
      expect(await store.failStaleRuns({ startedBefore: '2024-06-01T00:00:00.000Z' })).toEqual([]);

      // The stopped process, had it lived on, could not overwrite the verdict.
      await expect(store.finishRun(one.id, succeeded())).rejects.toMatchObject({
        code: 'MW6122',
        message: expect.stringContaining('abandoned'),
      });
      const again = await store.createRun(runInput('a.one', { id: uuidFrom('a.one again') }));
      expect(again.status).toBe('running');
    });
  });
}
