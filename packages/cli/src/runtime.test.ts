/**
 * `mesh run` end to end, in-process: a scaffolded product reading a CSV with real DuckDB, a real
 * SQLite metadata store and a real warehouse folder. Happy path, parameters, failing checks,
 * malformed inputs, missing sources, dependency order, PostgreSQL inputs, write errors and
 * versions — each failure with its code, exit 1 and the previous snapshot still serving.
 * Crashes and concurrent processes are in runtime-faults.test.ts.
 */
import { existsSync } from 'node:fs';
import { writeFile, rm, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProductRunResult, RunRecord } from '@meshwork/server';
import { createTestDatabase, postgresServerUrl } from '../../../test-support/postgres.js';
import { addOrdersV2, createRuntimeWorkspace, type RuntimeWorkspace } from './test-support/runtime-workspace.js';

const ORDERS = 'domains/sales/orders';
const HEADER = 'id,name,amount,created_at';
const SAMPLE = `${HEADER}\n1,Alpha,10.50,2026-01-01\n2,Beta,20.00,2026-01-02\n`;

const workspaces: RuntimeWorkspace[] = [];
afterEach(async () => {
  await Promise.all(workspaces.splice(0).map((w) => w.dispose()));
});

async function workspace(
  products: ReadonlyArray<readonly [string, string, string?]> = [['sales', 'orders']],
): Promise<RuntimeWorkspace> {
  const ws = await createRuntimeWorkspace(products);
  workspaces.push(ws);
  return ws;
}

/** `mesh run <refs> --json`: exit code, the per-product results and everything printed. */
async function run(ws: RuntimeWorkspace, refs: readonly string[], env: Record<string, string> = {}) {
  const { run: cli, value } = await ws.meshJson<ProductRunResult[]>(['run', ...refs], env);
  return { ...cli, results: value };
}

function summaryOf(result: ProductRunResult | undefined) {
  if (!result || result.outcome === 'skipped') throw new Error(`expected a run, got ${JSON.stringify(result)}`);
  return result.summary;
}

async function runRecord(ws: RuntimeWorkspace, id: string): Promise<RunRecord> {
  const { run: cli, value } = await ws.meshJson<RunRecord>(['run', 'show', id]);
  expect(cli.code).toBe(0);
  return value;
}

/** The input `mesh new product` writes into pipeline.yaml. */
const SCAFFOLDED_INPUT = '  - name: raw_input\n    kind: file\n    path: data/sample.csv\n    format: csv';

/** The scaffolded aggregate sales.summary, made to read sales.orders v1 instead of its CSV. */
async function summaryReadsOrdersV1(ws: RuntimeWorkspace): Promise<void> {
  await ws.edit('domains/sales/summary/pipeline.yaml', (yaml) =>
    yaml.replace(
      SCAFFOLDED_INPUT,
      '  - name: raw_input\n    kind: product\n    product: sales.orders\n    port: orders\n    majorVersion: 1',
    ),
  );
  await ws.edit('domains/sales/summary/summary.sql', (sql) => sql.replace('MIN(created_at)', 'MIN(created_on)'));
}

/** Data rows of the sample CSV product as DuckDB publishes them. */
const publishedSample = [
  { id: '1', name: 'Alpha', amount: '10.50', created_on: '2026-01-01' },
  { id: '2', name: 'Beta', amount: '20.00', created_on: '2026-01-02' },
];

/** Runs the sample product once and returns its snapshot id: the "previous snapshot" of failure tests. */
async function publishFirst(ws: RuntimeWorkspace): Promise<string> {
  const first = await run(ws, ['sales/orders']);
  expect(first.code, first.stderr).toBe(0);
  const snapshotId = summaryOf(first.results[0]).outputs[0]!.snapshotId!;
  expect(snapshotId).toMatch(/^\d+$/);
  return snapshotId;
}

/** The previous snapshot is still current and readable, and nothing of the failed run is left. */
async function expectPreviousServing(ws: RuntimeWorkspace, snapshotId: string, rows = publishedSample) {
  const current = await ws.current('sales.orders', 'orders');
  expect(current?.manifest.snapshotId).toBe(snapshotId);
  expect(current?.rows).toEqual(rows);
  expect(await ws.leftovers()).toEqual([]);
  expect(await ws.locks()).toEqual([]);
}

describe('mesh run: write, audit, publish', () => {
  it('publishes a snapshot per output port and records the run with timings, rows, checks and snapshot', async () => {
    const ws = await workspace();
    const first = await run(ws, ['sales/orders']);
    expect(first.code, first.stderr).toBe(0);
    const summary = summaryOf(first.results[0]);
    expect(summary).toMatchObject({ status: 'succeeded', rowsIn: 2, rowsOut: 2 });
    const snapshotId = summary.outputs[0]!.snapshotId!;

    const current = await ws.current('sales.orders', 'orders');
    expect(current?.manifest).toMatchObject({ snapshotId, parentSnapshotId: null, rowCount: 2, runId: summary.runId });
    expect(current?.rows).toEqual(publishedSample);

    const runs = await ws.meshJson<{ items: RunRecord[] }>(['runs', 'sales/orders']);
    expect(runs.value.items.map((r) => [r.id, r.status])).toEqual([[summary.runId, 'succeeded']]);

    const record = await runRecord(ws, summary.runId);
    expect(record).toMatchObject({
      productId: 'sales.orders',
      status: 'succeeded',
      rowsIn: 2,
      rowsOut: 2,
      error: null,
    });
    expect(Date.parse(record.finishedAt!)).toBeGreaterThanOrEqual(Date.parse(record.startedAt));
    expect(record.steps.map((s) => s.name)).toEqual([
      'input:raw_input',
      'orders',
      'write:orders:v1',
      'check:orders:v1',
    ]);
    expect(record.steps.every((s) => Number.isInteger(s.ms) && s.ms >= 0)).toBe(true);
    expect(record.outputs).toEqual([{ port: 'orders', major: 1, snapshotId, rowCount: 2, reason: null }]);
    // Every check of the contract, each with its result: schema, keys, options and quality rules.
    const checks = record.checks as { id: string; status: string; observed?: unknown; threshold?: string }[];
    expect(checks.length).toBeGreaterThanOrEqual(15);
    expect(checks.every((c) => c.status === 'passed')).toBe(true);
    expect(checks).toContainEqual(expect.objectContaining({ id: 'unique:id', observed: 0, threshold: 'mustBe 0' }));
    expect(checks).toContainEqual(
      expect.objectContaining({ id: 'quality:0', observed: 2, threshold: 'mustBeGreaterThan 0' }),
    );

    const human = await ws.mesh(['run', 'show', summary.runId]);
    expect(human.stdout).toContain(`snapshot ${snapshotId}, 2 rows`);
    expect(human.stdout).toMatch(/unique:id\s+passed\s+0\s+mustBe 0/);

    // A second run publishes a new snapshot whose parent is the first.
    await ws.write(`${ORDERS}/data/sample.csv`, `${SAMPLE}3,Gamma,30.00,2026-01-03\n`);
    const second = await run(ws, ['sales/orders']);
    expect(second.code, second.stderr).toBe(0);
    const next = await ws.current('sales.orders', 'orders');
    expect(next?.manifest).toMatchObject({ parentSnapshotId: snapshotId, sequenceNumber: 2, rowCount: 3 });
    expect(next?.manifest.snapshotId).toBe(summaryOf(second.results[0]).outputs[0]!.snapshotId);
    expect(await ws.leftovers()).toEqual([]);
    expect(await ws.locks()).toEqual([]);
  });

  it('passes run parameters to SQL as getvariable(); unknown or malformed ones are refused with MW8012', async () => {
    const ws = await workspace();
    await ws.edit(`${ORDERS}/orders.sql`, (sql) =>
      sql.replace(
        'WHERE id IS NOT NULL',
        "WHERE id IS NOT NULL AND created_at <= getvariable('run_date') AND name <> getvariable('skip_name')",
      ),
    );
    await ws.edit(`${ORDERS}/pipeline.yaml`, (yaml) => `${yaml}parameters:\n  skip_name: nobody\n`);

    const dated = await run(ws, ['sales/orders', '--param', 'run_date=2026-01-01']);
    expect(dated.code, dated.stdout + dated.stderr).toBe(0);
    expect((await ws.current('sales.orders', 'orders'))?.rows).toEqual([publishedSample[0]]);
    const record = await runRecord(ws, summaryOf(dated.results[0]).runId);
    expect(record.parameters).toEqual({ run_date: '2026-01-01', skip_name: 'nobody' });

    const named = await run(ws, ['sales/orders', '--param', 'run_date=2026-01-31', '--param', 'skip_name=Alpha']);
    expect(named.code).toBe(0);
    expect((await ws.current('sales.orders', 'orders'))?.rows).toEqual([publishedSample[1]]);

    const before = (await ws.meshJson<{ items: RunRecord[] }>(['runs'])).value.items.length;
    for (const [param, message] of [
      ['region=EU', /MW8012: unknown run parameter "region"; declared: run_date, skip_name/],
      ['constructor=x', /MW8012: unknown run parameter "constructor"/],
      ['run_date=yesterday', /MW8012: run_date must be YYYY-MM-DD, got "yesterday"/],
      ['run_date', /MW8012: --param "run_date" is not name=value/],
    ] as const) {
      const refused = await ws.mesh(['run', 'sales/orders', '--param', param]);
      expect(refused.code, param).toBe(1);
      expect(refused.stderr).toMatch(message);
    }
    // Refused before anything ran: no run recorded, the snapshot unchanged.
    expect((await ws.meshJson<{ items: RunRecord[] }>(['runs'])).value.items).toHaveLength(before);
    expect((await ws.current('sales.orders', 'orders'))?.rows).toEqual([publishedSample[1]]);
  });

  it('a failing contract check fails the run (MW8006, exit 1) with each check, observed value and threshold; the previous snapshot serves', async () => {
    const ws = await workspace();
    const previous = await publishFirst(ws);
    // id repeats (unique, primaryKey, duplicateValues) and an amount is below its minimum.
    await ws.write(`${ORDERS}/data/sample.csv`, `${SAMPLE}2,Gamma,-5.00,2026-01-03\n`);
    const failed = await run(ws, ['sales/orders']);
    expect(failed.code).toBe(1);
    const summary = summaryOf(failed.results[0]);
    expect(summary.status).toBe('failed');
    expect(summary.error?.code).toBe('MW8006');
    expect(summary.error?.message).toContain('4 blocking contract checks failed; nothing was published');
    for (const line of [
      'orders v1 unique:id: "id" is unique but 1 row(s) repeat a value already present. (observed 1, mustBe 0)',
      'orders v1 primaryKey:id:',
      'orders v1 quality:id:1: duplicateValues of "id" is 1 row(s), but the contract requires mustBe 0. (observed 1, mustBe 0)',
      'orders v1 logicalTypeOptions:amount:minimum: 1 row(s) of "amount" violate minimum 0. (observed 1, minimum 0)',
    ])
      expect(summary.error?.message).toContain(line);

    const human = await ws.mesh(['run', 'show', summary.runId]);
    expect(human.stdout).toMatch(/unique:id\s+failed\s+1\s+mustBe 0/);
    expect(human.stdout).toContain('no snapshot (the run failed before publishing)');
    const record = await runRecord(ws, summary.runId);
    expect(record).toMatchObject({ status: 'failed', error: { code: 'MW8006' }, rowsOut: 0 });
    expect(record.outputs).toEqual([
      { port: 'orders', major: 1, snapshotId: null, rowCount: 3, reason: 'the run failed before publishing' },
    ]);
    expect(record.checks).toContainEqual(
      expect.objectContaining({
        id: 'unique:id',
        status: 'failed',
        blocking: true,
        observed: 1,
        threshold: 'mustBe 0',
      }),
    );
    await expectPreviousServing(ws, previous);

    // A tightened quality rule fails the same way, with the measured row count.
    await ws.write(`${ORDERS}/data/sample.csv`, SAMPLE);
    await ws.edit(`${ORDERS}/orders.odcs.yaml`, (yaml) => yaml.replace('mustBeGreaterThan: 0', 'mustBeGreaterThan: 5'));
    const tightened = await run(ws, ['sales/orders']);
    expect(tightened.code).toBe(1);
    expect(summaryOf(tightened.results[0]).error?.message).toContain(
      'orders v1 quality:0: rowCount is 2, but the contract requires mustBeGreaterThan 5. (observed 2, mustBeGreaterThan 5)',
    );
    await expectPreviousServing(ws, previous);
    const products = await ws.meshJson<{ items: RunRecord[] }>(['runs', 'sales/orders']);
    expect(products.value.items.map((r) => r.status)).toEqual(['failed', 'failed', 'succeeded']);
  });
});

describe('mesh run: malformed input files', () => {
  /** A CSV whose first 2,100 rows make DuckDB type `amount` as DOUBLE and `created_at` as DATE. */
  function typedCsv(bad: ReadonlyMap<number, Buffer | string>, rows = 3000): Buffer {
    const lines: (Buffer | string)[] = [HEADER];
    for (let i = 1; i <= rows; i += 1)
      lines.push(bad.get(i) ?? `${i},N${i},${i}.5,2026-01-${String((i % 28) + 1).padStart(2, '0')}`);
    return Buffer.concat(
      lines.map((l) => Buffer.concat([typeof l === 'string' ? Buffer.from(l) : l, Buffer.from('\n')])),
    );
  }
  const latin1Row = (i: number) =>
    Buffer.concat([Buffer.from(`${i},Caf`), Buffer.from([0xe9]), Buffer.from(`,1.5,2026-01-05`)]);
  const sampleFirstRows = (yaml: string) =>
    yaml.replace('format: csv', 'format: csv\n    options:\n      sample_size: 2048');

  it.each([
    ['a ragged row', new Map([[2500, '2500,Short,1.5']]), 2501, /Expected Number of Columns: 4 Found: 3/],
    ['a row that is not UTF-8', new Map([[2600, latin1Row(2600)]]), 2601, /Invalid unicode|not utf-8/i],
    ['an unparsable value in a typed column', new Map([[2700, '2700,Bad,abc,2026-01-05']]), 2701, /"abc" to 'DOUBLE'/],
  ])(
    'with onError: fail (the default), %s fails the run with MW8002 naming the file and line',
    async (_, bad, line, why) => {
      const ws = await workspace();
      const previous = await publishFirst(ws);
      await ws.edit(`${ORDERS}/pipeline.yaml`, sampleFirstRows);
      await writeFile(join(ws.root, ORDERS, 'data/sample.csv'), typedCsv(bad));
      const failed = await run(ws, ['sales/orders']);
      expect(failed.code).toBe(1);
      const error = summaryOf(failed.results[0]).error!;
      expect(error.code).toBe('MW8002');
      expect(error.message).toContain(
        `1 malformed rows in inputs (raw_input):\n${join(ws.root, ORDERS, 'data/sample.csv')}:${line}: `,
      );
      expect(error.message).toMatch(why);
      expect(failed.stdout).toContain(`sample.csv:${line}`);
      await expectPreviousServing(ws, previous);
    },
  );

  it('with onError: reject the run publishes the other rows and reports every rejected row: published + rejected = data rows', async () => {
    const ws = await workspace();
    await ws.edit(`${ORDERS}/pipeline.yaml`, (yaml) =>
      sampleFirstRows(yaml).replace('format: csv', 'format: csv\n    onError: reject'),
    );
    const bad = new Map<number, Buffer | string>([
      [2200, '2200,Short,1.5'],
      [2300, '2300,Long,1.5,2026-01-05,extra'],
      [2400, latin1Row(2400)],
      [2500, '2500,Bad,abc,2026-01-05'],
      [2600, '2600,Worse,abc,not-a-date'], // two bad values, one rejected row
    ]);
    await writeFile(join(ws.root, ORDERS, 'data/sample.csv'), typedCsv(bad));
    const done = await run(ws, ['sales/orders']);
    expect(done.code, done.stdout).toBe(0);
    const summary = summaryOf(done.results[0]);
    expect(summary.rejects).toHaveLength(1);
    const rejects = summary.rejects[0]!;
    expect(rejects).toMatchObject({ input: 'raw_input', mode: 'reject', count: 5 });
    expect(rejects.sample.map((r) => r.line)).toEqual([2201, 2301, 2401, 2501, 2601]);
    expect(rejects.sample[4]!.text).toBe('2600,Worse,abc,not-a-date');

    const current = await ws.current('sales.orders', 'orders');
    expect(current?.manifest.rowCount).toBe(2995);
    expect(current!.manifest.rowCount + rejects.count).toBe(3000);
    expect(current?.rows.map((r) => r.id)).not.toContain('2500');
    expect(current?.manifest.audit).toEqual({ runId: summary.runId, rejects: [{ input: 'raw_input', count: 5 }] });

    const record = await runRecord(ws, summary.runId);
    expect(record).toMatchObject({ status: 'succeeded', rowsIn: 3000, rowsOut: 2995 });
    expect(record.checks).toContainEqual(
      expect.objectContaining({
        id: 'input:raw_input:malformedRows',
        status: 'failed',
        blocking: false,
        observed: 5,
        threshold: 'onError reject',
        sample: expect.arrayContaining([expect.objectContaining({ line: 2501, text: '2500,Bad,abc,2026-01-05' })]),
      }),
    );
    const human = await ws.mesh(['run', 'show', summary.runId]);
    expect(human.stdout).toMatch(/input:raw_input:malformedRows\s+failed\s+5\s+onError reject/);
    const again = await ws.mesh(['run', 'sales/orders']);
    expect(again.stdout).toContain('5 rows rejected from input raw_input (kept out, see the run)');
  });

  it('malformed JSON fails the run naming the file and line', async () => {
    const ws = await workspace();
    const previous = await publishFirst(ws);
    await ws.edit(`${ORDERS}/pipeline.yaml`, (yaml) =>
      yaml.replace('path: data/sample.csv\n    format: csv', 'path: data/orders.ndjson\n    format: ndjson'),
    );
    await ws.write(
      `${ORDERS}/data/orders.ndjson`,
      '{"id": 1, "name": "Alpha", "amount": 10.5, "created_at": "2026-01-01"}\n{"id": 2, "name": "Beta", "amount": \n',
    );
    const json = await run(ws, ['sales/orders']);
    expect(json.code).toBe(1);
    const error = summaryOf(json.results[0]).error!;
    expect(error.code, error.message).toBe('MW8002');
    expect(error.message).toMatch(
      /^input "raw_input": cannot read data\/orders.ndjson as ndjson: .*Malformed JSON in file "\S+orders\.ndjson", at byte \d+ in line \d+/,
    );
    await expectPreviousServing(ws, previous);
  });
});

describe('mesh run: missing sources, broken SQL and dependency order', () => {
  it('a missing input file fails with MW8001; a broken step with MW8003 naming it; both leave the previous snapshot', async () => {
    const ws = await workspace();
    const previous = await publishFirst(ws);
    await rm(join(ws.root, ORDERS, 'data/sample.csv'));
    const missing = await run(ws, ['sales/orders']);
    expect(missing.code).toBe(1);
    expect(summaryOf(missing.results[0]).error).toEqual({
      code: 'MW8001',
      message: `input "raw_input": no file matches data/sample.csv (looked for ${join(ws.root, ORDERS, 'data/sample.csv')})`,
    });
    await expectPreviousServing(ws, previous);

    await ws.write(`${ORDERS}/data/sample.csv`, SAMPLE);
    await ws.edit(`${ORDERS}/orders.sql`, (sql) => sql.replace('FROM raw_input', 'FROM raw_inptu'));
    const broken = await run(ws, ['sales/orders']);
    expect(broken.code).toBe(1);
    const error = summaryOf(broken.results[0]).error!;
    expect(error.code).toBe('MW8003');
    expect(error.message).toMatch(
      /^step "orders" of sales\.orders: Catalog Error: Table with name raw_inptu does not exist/,
    );
    expect((await ws.mesh(['run', 'sales/orders'])).stdout).toContain(
      'MW8003 step "orders" of sales.orders: Catalog Error',
    );
    await expectPreviousServing(ws, previous);
    const record = await runRecord(ws, summaryOf(broken.results[0]).runId);
    expect(record).toMatchObject({ status: 'failed', error: { code: 'MW8003' }, outputs: [] });

    // A step is one query: a second statement is refused, not run.
    const escaped = join(ws.root, 'escaped.csv');
    await ws.write(`${ORDERS}/orders.sql`, `SELECT * FROM raw_input; COPY (SELECT 1) TO '${escaped}';`);
    const twice = await run(ws, ['sales/orders']);
    expect(summaryOf(twice.results[0]).error).toEqual({
      code: 'MW8003',
      message: 'step "orders" of sales.orders must be one SELECT statement, but has 2',
    });
    expect(existsSync(escaped)).toBe(false);
    await expectPreviousServing(ws, previous);
  });

  it('--all builds upstream before downstream, skips the downstream of a failed product, and refuses a cycle naming it', async () => {
    const ws = await workspace([
      ['sales', 'orders'],
      ['sales', 'summary', 'aggregate'],
    ]);
    await summaryReadsOrdersV1(ws);

    // Alone, the aggregate has nothing to read yet.
    const early = await run(ws, ['sales/summary']);
    expect(early.code).toBe(1);
    expect(summaryOf(early.results[0]).error).toEqual({
      code: 'MW8004',
      message: 'input "raw_input": sales.orders.orders v1 has no published snapshot yet',
    });

    const events: { type: string; productId: string }[] = [];
    const all = await ws.mesh(['run', '--all', '--parallel', '4']);
    expect(all.code, all.stdout + all.stderr).toBe(0);
    for (const line of all.stdout.split('\n')) if (line.startsWith('{"type"')) events.push(JSON.parse(line));
    const at = (type: string, productId: string) =>
      events.findIndex((e) => e.type === type && e.productId === productId);
    expect(events.filter((e) => e.type === 'run-finished').map((e) => e.productId)).toEqual([
      'sales.orders',
      'sales.summary',
    ]);
    expect(at('run-started', 'sales.summary')).toBeGreaterThan(at('run-finished', 'sales.orders'));
    const orders = await ws.current('sales.orders', 'orders');
    const summary = await ws.current('sales.summary', 'summary');
    expect(summary?.rows).toEqual(orders?.rows);
    const downstream = await runRecord(
      ws,
      (await ws.meshJson<{ items: RunRecord[] }>(['runs', 'sales/summary'])).value.items[0]!.id,
    );
    expect(downstream.rowsIn).toBe(2);

    // A failed upstream: the downstream is skipped, not built from stale data.
    await ws.edit(`${ORDERS}/orders.sql`, (sql) => sql.replace('SELECT', 'SELEC'));
    const blocked = await run(ws, ['--all']);
    expect(blocked.code).toBe(1);
    expect(blocked.results).toEqual([
      expect.objectContaining({ productId: 'sales.orders', outcome: 'failed' }),
      { productId: 'sales.summary', outcome: 'skipped', blockedBy: 'sales.orders' },
    ]);
    expect((await ws.current('sales.summary', 'summary'))?.manifest.snapshotId).toBe(summary?.manifest.snapshotId);
    const human = await ws.mesh(['run', '--all']);
    expect(human.stdout).toContain('- sales.summary skipped: upstream sales.orders failed');

    // A cycle through product inputs is refused before anything runs, naming it.
    await ws.edit(`${ORDERS}/orders.sql`, (sql) => sql.replace('SELEC', 'SELECT'));
    await ws.edit(`${ORDERS}/pipeline.yaml`, (yaml) =>
      yaml.replace(
        'steps:',
        '  - name: back\n    kind: product\n    product: sales.summary\n    port: summary\nsteps:',
      ),
    );
    const runsBefore = (await ws.meshJson<{ items: RunRecord[] }>(['runs'])).value.items.length;
    const cycle = await ws.mesh(['run', '--all']);
    expect(cycle.code).toBe(1);
    expect(cycle.stderr).toContain('MW3007');
    expect(cycle.stderr).toContain('sales.orders → sales.summary → sales.orders');
    expect(cycle.stderr).toContain('error MW8008');
    expect((await ws.meshJson<{ items: RunRecord[] }>(['runs'])).value.items).toHaveLength(runsBefore);
  });

  it('--param applies to the products that declare it; one that no product declares is refused', async () => {
    const ws = await workspace([
      ['sales', 'orders'],
      ['sales', 'returns'],
    ]);
    await ws.edit(`${ORDERS}/pipeline.yaml`, (yaml) => `${yaml}parameters:\n  skip_name: nobody\n`);
    await ws.edit(`${ORDERS}/orders.sql`, (sql) =>
      sql.replace('WHERE id IS NOT NULL', "WHERE name <> getvariable('skip_name')"),
    );
    const all = await run(ws, ['--all', '--param', 'skip_name=Alpha']);
    expect(all.code, all.stdout + all.stderr).toBe(0);
    expect(all.results.map((r) => r.outcome)).toEqual(['succeeded', 'succeeded']);
    expect((await ws.current('sales.orders', 'orders'))?.rows).toEqual([publishedSample[1]]);
    expect((await ws.current('sales.returns', 'returns'))?.rows).toHaveLength(2);
    const unknown = await ws.mesh(['run', '--all', '--param', 'region=EU']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('MW8012: unknown run parameter "region"; declared: run_date, skip_name');
  });
});

describe('mesh run: PostgreSQL inputs', () => {
  const serverUrl = postgresServerUrl();

  async function crmWorkspace(): Promise<RuntimeWorkspace> {
    const ws = await workspace([['crm', 'customers']]);
    await ws.edit('mesh.yaml', (yaml) => `${yaml}\nconnections:\n  crm:\n    kind: postgres\n    url: \${CRM_URL}\n`);
    await ws.edit('domains/crm/customers/pipeline.yaml', (yaml) =>
      yaml.replace(
        SCAFFOLDED_INPUT,
        '  - name: raw_input\n    kind: postgres\n    connection: crm\n    table: public.customers',
      ),
    );
    await ws.write('domains/crm/customers/customers.sql', 'SELECT * FROM raw_input');
    const columns: [string, string, string, string?][] = [
      ['id', 'integer', 'INTEGER'],
      ['big', 'integer', 'BIGINT'],
      ['small', 'integer', 'SMALLINT'],
      ['name', 'string', 'VARCHAR'],
      ['balance', 'number', 'DECIMAL(12,2)'],
      ['ratio', 'number', 'DOUBLE'],
      ['born', 'date', 'DATE'],
      ['seen', 'timestamp', 'TIMESTAMP'],
      ['seen_tz', 'timestamp', 'TIMESTAMP WITH TIME ZONE'],
      ['active', 'boolean', 'BOOLEAN'],
      ['raw', 'string', 'BLOB', '        logicalTypeOptions:\n          format: binary\n'],
    ];
    const properties = columns
      .map(
        ([name, logical, physical, more = '']) =>
          `      - name: ${name}\n        logicalType: ${logical}\n        physicalType: ${physical}\n${more}`,
      )
      .join('');
    await ws.edit('domains/crm/customers/customers.odcs.yaml', (yaml) =>
      yaml.replace(/ {4}properties:\n[\s\S]*?\n {4}quality:/, `    properties:\n${properties}    quality:`),
    );
    return ws;
  }

  it.skipIf(!serverUrl)(
    'copies a table with its types: integers, numeric, text, dates, timestamps, booleans, bytes and nulls',
    async () => {
      const db = await createTestDatabase(serverUrl);
      try {
        const client = new pg.Client({ connectionString: db.url });
        await client.connect();
        // The session time zone is not UTC: timestamptz values must still arrive as the same instant.
        await client.query(`ALTER DATABASE ${db.name} SET timezone TO 'Asia/Kolkata'`);
        await client.query(`CREATE TABLE customers (id integer PRIMARY KEY, big bigint, small smallint, name text,
        balance numeric(12,2), ratio double precision, born date, seen timestamp, seen_tz timestamptz, active boolean, raw bytea)`);
        await client.query(`INSERT INTO customers VALUES
        (1, 9007199254740993, 3, 'Ann', 1234567890.12, 0.5, '2001-02-03', '2026-01-31 10:11:12.123456',
         '2026-01-31 10:11:12+02', true, '\\xdeadbeef'),
        (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)`);
        await client.end();
        const ws = await crmWorkspace();
        const done = await run(ws, ['crm/customers'], { CRM_URL: db.url });
        expect(done.code, done.stdout).toBe(0);
        expect(summaryOf(done.results[0]).rowsIn).toBe(2);
        const current = await ws.current('crm.customers', 'customers');
        expect(current?.manifest.schema.map((c) => `${c.name} ${c.type}`)).toEqual([
          'id INTEGER',
          'big BIGINT',
          'small SMALLINT',
          'name VARCHAR',
          'balance DECIMAL(12,2)',
          'ratio DOUBLE',
          'born DATE',
          'seen TIMESTAMP',
          'seen_tz TIMESTAMP WITH TIME ZONE',
          'active BOOLEAN',
          'raw BLOB',
        ]);
        expect(current?.rows).toEqual([
          {
            id: 1,
            big: '9007199254740993',
            small: 3,
            name: 'Ann',
            balance: '1234567890.12',
            ratio: 0.5,
            born: '2001-02-03',
            seen: '2026-01-31 10:11:12.123456',
            seen_tz: '2026-01-31 08:11:12+00',
            active: true,
            raw: '\\xDE\\xAD\\xBE\\xEF',
          },
          {
            id: 2,
            big: null,
            small: null,
            name: null,
            balance: null,
            ratio: null,
            born: null,
            seen: null,
            seen_tz: null,
            active: null,
            raw: null,
          },
        ]);

        // A table that is not there is an input that cannot be read (the server is reachable).
        await ws.edit('domains/crm/customers/pipeline.yaml', (yaml) =>
          yaml.replace('public.customers', 'public.clients'),
        );
        const missing = await run(ws, ['crm/customers'], { CRM_URL: db.url });
        expect(missing.code).toBe(1);
        expect(summaryOf(missing.results[0]).error).toEqual({
          code: 'MW8010',
          message: 'input "raw_input": reading from connection "crm" failed: relation "public.clients" does not exist',
        });
      } finally {
        await db.drop();
      }
    },
  );

  it('an unreachable PostgreSQL fails the run with MW8005, the previous snapshot serves, and the password never shows', async () => {
    const ws = await crmWorkspace();
    // A first snapshot, from a CSV input, so that there is something to keep serving.
    await ws.edit('domains/crm/customers/pipeline.yaml', (yaml) =>
      yaml.replace(
        'kind: postgres\n    connection: crm\n    table: public.customers',
        'kind: file\n    path: data/crm.csv\n    format: csv',
      ),
    );
    await ws.write(
      'domains/crm/customers/data/crm.csv',
      'id,big,small,name,balance,ratio,born,seen,seen_tz,active,raw\n',
    );
    await ws.write(
      'domains/crm/customers/customers.sql',
      `SELECT 7::INTEGER AS id, 1::BIGINT AS big, 1::SMALLINT AS small, 'x' AS name, 1.5::DECIMAL(12,2) AS balance,
         0.5::DOUBLE AS ratio, DATE '2026-01-01' AS born, TIMESTAMP '2026-01-01 00:00:00' AS seen,
         TIMESTAMPTZ '2026-01-01 00:00:00+00' AS seen_tz, true AS active, '\\xAA'::BLOB AS raw`,
    );
    const first = await run(ws, ['crm/customers'], { CRM_URL: 'postgres://unused@127.0.0.1:1/crm' });
    expect(first.code, first.stdout).toBe(0);
    const previous = await ws.current('crm.customers', 'customers');
    await ws.edit('domains/crm/customers/pipeline.yaml', (yaml) =>
      yaml.replace(
        'kind: file\n    path: data/crm.csv\n    format: csv',
        'kind: postgres\n    connection: crm\n    table: public.customers',
      ),
    );
    await ws.write('domains/crm/customers/customers.sql', 'SELECT * FROM raw_input');

    const secret = 's3cr3t-Pa55word';
    for (const url of [`postgres://crm:${secret}@127.0.0.1:1/crm`, `postgres://crm:${secret}@127.0.0.1:notaport/crm`]) {
      const failed = await run(ws, ['crm/customers'], { CRM_URL: url });
      expect(failed.code).toBe(1);
      const error = summaryOf(failed.results[0]).error!;
      expect(error.code, error.message).toBe('MW8005');
      expect(error.message).toContain('connection "crm"');
      const shown = await ws.mesh(['run', 'show', summaryOf(failed.results[0]).runId]);
      const human = await ws.mesh(['run', 'crm/customers'], { CRM_URL: url });
      const runs = await ws.mesh(['runs', '--json']);
      for (const output of [
        failed.stdout,
        failed.stderr,
        shown.stdout,
        shown.stderr,
        human.stdout,
        human.stderr,
        runs.stdout,
      ])
        expect(output).not.toContain(secret);
    }
    const current = await ws.current('crm.customers', 'customers');
    expect(current?.manifest.snapshotId).toBe(previous?.manifest.snapshotId);
    expect(current?.rows).toEqual(previous?.rows);
    expect(await ws.leftovers()).toEqual([]);
  });
});

describe('mesh run: write errors and versions', () => {
  it('an unusable warehouse path fails with MW8103 naming the path, without a stack trace', async () => {
    const ws = await workspace();
    await writeFile(join(ws.root, 'not-a-folder'), 'a regular file\n');
    await ws.edit('mesh.yaml', (yaml) => `${yaml}\nwarehouse:\n  path: not-a-folder/wh\n`);
    const failed = await ws.mesh(['run', 'sales/orders']);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/^error MW8103: Warehouse storage unavailable: cannot \w+ \S*not-a-folder\/wh/m);
    expect(failed.stderr).toContain('ENOTDIR');
    expect(failed.stderr).not.toMatch(/\n\s+at /);
    expect(failed.stderr).not.toContain('internal error');
  });

  it('a scratch folder that cannot be created fails the run with its path (no stack trace)', async () => {
    const ws = await workspace();
    const previous = await publishFirst(ws);
    await rm(join(ws.root, '.meshwork/tmp'), { recursive: true, force: true });
    await writeFile(join(ws.root, '.meshwork/tmp'), 'a regular file\n');
    const failed = await run(ws, ['sales/orders']);
    expect(failed.code).toBe(1);
    const error = summaryOf(failed.results[0]).error!;
    expect(error.code, error.message).toBe('MW8009');
    expect(error.message).toContain(join(ws.root, '.meshwork/tmp'));
    expect(failed.stdout + failed.stderr).not.toMatch(/\n\s+at /);
    await rm(join(ws.root, '.meshwork/tmp'));
    await mkdir(join(ws.root, '.meshwork/tmp'));
    await expectPreviousServing(ws, previous);
  });

  it('v1 and v2 of a port are published side by side, and a product input reads the major version it names', async () => {
    const ws = await workspace([
      ['sales', 'orders'],
      ['sales', 'summary', 'aggregate'],
    ]);
    const { contractId: v2Id } = await addOrdersV2(ws);
    await summaryReadsOrdersV1(ws);

    const all = await run(ws, ['--all']);
    expect(all.code, all.stdout + all.stderr).toBe(0);
    expect(summaryOf(all.results[0]).outputs.map((o) => [o.port, o.major, o.rowCount])).toEqual([
      ['orders', 1, 2],
      ['orders', 2, 2],
    ]);
    expect((await ws.current('sales.orders', 'orders', 1))?.rows).toEqual(publishedSample);
    const v2 = await ws.current('sales.orders', 'orders', 2);
    expect(v2?.manifest.contract).toEqual({ id: v2Id, version: '2.0.0' });
    expect(v2?.rows).toEqual([
      { id: '1', name: 'Alpha', amount_cents: 1050 },
      { id: '2', name: 'Beta', amount_cents: 2000 },
    ]);
    // The aggregate reads v1 (it needs created_on, which v2 no longer has).
    expect((await ws.current('sales.summary', 'summary'))?.rows).toEqual(publishedSample);

    // Two outputs feeding the same port version are refused before anything is staged.
    await ws.edit(`${ORDERS}/pipeline.yaml`, (yaml) => yaml.replace('majorVersion: 2', 'majorVersion: 1'));
    const twice = await run(ws, ['sales/orders']);
    expect(twice.code).toBe(1);
    expect(summaryOf(twice.results[0]).error).toEqual({
      code: 'MW8011',
      message: 'sales.orders: outputs "orders" and "orders_v2" both feed orders v1; give each a different majorVersion',
    });
    expect(await ws.leftovers()).toEqual([]);
  });
});
