/**
 * Real product runs (scaffolded workspace, DuckDB, SQLite store, local warehouse) telling a
 * real local OpenLineage receiver: START then COMPLETE with the expected datasets and facets,
 * FAIL for a failing run, every event valid against the official schemas; and a receiver that
 * answers 500, is down or never answers never fails the run nor holds it up.
 */
import { join } from 'node:path';
import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { PipelineLineage } from '@meshwork/core';
import { standardsDir } from '../../../../test-support/standards.js';
import { createMetadataStore } from '../metadata/create-metadata-store.js';
import { metadataStoreConfig } from '../metadata/store-from-config.js';
import { createRunEngine } from '../runtime/duckdb-session.js';
import type { RunFinished } from '../runtime/run-listener.js';
import { runProducts } from '../runtime/run-products.js';
import type { RuntimeContext } from '../runtime/runtime-context.js';
import { createTempWorkspace, type TempWorkspace } from '../test-support/temp-workspace.js';
import { createLocalWarehouse, defaultWarehouseRoot } from '../warehouse/local/create-local-warehouse.js';
import { loadWorkspaceFromDisk } from '../workspace/load-workspace-from-disk.js';
import { openLineageListener, type OpenLineageRunListener } from './openlineage-run-listener.js';
import { officialProblems } from './test-support/official-openlineage-schemas.js';
import { startLineageReceiver, unusedUrl, type Answer, type LineageReceiver } from './test-support/lineage-receiver.js';

const open: { close(): Promise<void> | void }[] = [];
const workspaces: TempWorkspace[] = [];
afterEach(async () => {
  for (const item of open.splice(0).reverse()) await item.close();
  await Promise.all(workspaces.splice(0).map((w) => w.dispose()));
});

interface Harness {
  readonly ws: TempWorkspace;
  readonly ctx: RuntimeContext;
  readonly listener: OpenLineageRunListener;
  /** What the runtime told listeners when each run finished (its lineage included). */
  readonly finished: RunFinished[];
  run(productId: string): Promise<{ outcome: string; runId: string; snapshotId?: string | null }>;
}

async function receiver(answer?: Answer): Promise<LineageReceiver> {
  const started = await startLineageReceiver(answer);
  open.push(started);
  return started;
}

/** sales.orders from its CSV, and sales.summary reading sales.orders v1; mesh.yaml pointing at `url`. */
async function harness(url: string): Promise<Harness> {
  const ws = await createTempWorkspace([
    ['sales', 'orders'],
    ['sales', 'summary', 'aggregate'],
  ]);
  workspaces.push(ws);
  await ws.edit('domains/sales/summary/pipeline.yaml', (yaml) =>
    yaml.replace(
      /inputs:\n {2}- name: raw_input\n {4}kind: file\n {4}path: data\/sample.csv\n {4}format: csv\n/,
      'inputs:\n  - name: raw_input\n    kind: product\n    product: sales.orders\n    port: orders\n    majorVersion: 1\n',
    ),
  );
  await ws.edit('domains/sales/summary/summary.sql', (sql) => sql.replace('created_at', 'created_on'));
  await ws.edit(
    'mesh.yaml',
    (yaml) => `${yaml}\nopenlineage:\n  url: ${url}\n  apiKey: \${OL_KEY}\n  namespace: acme\n  timeoutMs: 10000\n`,
  );
  const workspace = await loadWorkspaceFromDisk(ws.root, { OL_KEY: 'run-test-key' });
  expect(workspace.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const store = await createMetadataStore(metadataStoreConfig(ws.root, workspace.model.config));
  const engine = createRunEngine({ tempDirectory: join(ws.root, '.meshwork', 'tmp') });
  const listener = openLineageListener({
    model: workspace.model,
    root: ws.root,
    sender: { baseDelayMs: 1, maxDelayMs: 5, maxAttempts: 3 },
  })!;
  open.push(store, engine, { close: () => listener.close(10) });
  const finished: RunFinished[] = [];
  const ctx: RuntimeContext = {
    model: workspace.model,
    root: ws.root,
    store,
    warehouse: createLocalWarehouse({ root: defaultWarehouseRoot(ws.root) }),
    engine,
    listeners: [listener, { finished: (run) => finished.push(run) }],
  };
  return {
    ws,
    ctx,
    listener,
    finished,
    run: async (productId) => {
      const [result] = await runProducts(ctx, [], [productId], { trigger: 'manual', requestedBy: 'test' });
      if (!result || result.outcome === 'skipped') throw new Error('no run');
      return {
        outcome: result.summary.status,
        runId: result.summary.runId,
        snapshotId: result.summary.outputs[0]?.snapshotId,
      };
    },
  };
}

type Dataset = { namespace: string; name: string; facets?: Record<string, Record<string, unknown>> };
type Event = {
  eventType: string;
  run: { runId: string; facets: Record<string, Record<string, unknown>> };
  job: { namespace: string; name: string; facets: Record<string, Record<string, unknown>> };
  inputs: Dataset[];
  outputs: Dataset[];
};

const ORDERS_V1 = { namespace: 'meshwork://acme', name: 'sales.orders.orders_v1' };

describe('OpenLineage events of real runs', () => {
  it('a successful run sends START then COMPLETE with its datasets and facets', async () => {
    const ol = await receiver();
    const h = await harness(ol.url);
    const run = await h.run('sales.orders');
    expect(run.outcome).toBe('succeeded');
    expect(await h.listener.flush(30_000)).toBe(0);

    const events = ol.requests.map((r) => r.body as unknown as Event);
    expect(events.map((e) => e.eventType)).toEqual(['START', 'COMPLETE']);
    expect(ol.requests[0]!.headers.authorization).toBe('Bearer run-test-key');
    expect(ol.requests[0]!.path).toBe('/api/v1/lineage');
    const [start, complete] = events as [Event, Event];
    for (const event of events) {
      expect(event.run.runId).toBe(run.runId);
      expect(event.job).toMatchObject({ namespace: 'acme', name: 'sales.orders' });
      expect(event.inputs).toEqual([
        { namespace: 'file', name: join(h.ws.root, 'domains/sales/orders/data/sample.csv') },
      ]);
      expect(event.outputs.map((o) => ({ namespace: o.namespace, name: o.name }))).toEqual([ORDERS_V1]);
    }
    expect(start.job.facets.sourceCode).toMatchObject({
      language: 'SQL',
      sourceCode: expect.stringContaining('FROM raw_input'),
    });
    expect(start.job.facets.ownership).toMatchObject({ owners: [{ name: 'team:platform' }] });

    const facets = complete.outputs[0]!.facets!;
    expect(facets.schema!.fields).toEqual([
      expect.objectContaining({ name: 'id', type: 'VARCHAR' }),
      expect.objectContaining({ name: 'name', type: 'VARCHAR' }),
      expect.objectContaining({ name: 'amount', type: 'DECIMAL(12,2)' }),
      expect.objectContaining({ name: 'created_on', type: 'DATE' }),
    ]);
    expect(facets.dataSource).toMatchObject({ name: 'meshwork://acme', uri: 'meshwork://acme' });
    expect(facets.documentation).toMatchObject({ description: 'Orders, one row per id.' });
    expect(facets.version).toMatchObject({ datasetVersion: run.snapshotId });
    const assertions = facets.dataQualityAssertions!.assertions as {
      assertion: string;
      success: boolean;
      column?: string;
    }[];
    expect(assertions.length).toBeGreaterThan(0);
    expect(assertions.every((a) => a.success)).toBe(true);
    expect(assertions).toContainEqual(expect.objectContaining({ column: 'id', success: true }));

    // Column lineage as the run extracted it, naming the CSV input by its dataset.
    const csv = { namespace: 'file', name: join(h.ws.root, 'domains/sales/orders/data/sample.csv') };
    const portLineage = (h.finished[0]!.lineage as PipelineLineage).outputs.find((o) => o.port === 'orders');
    expect(portLineage?.columns.map((c) => c.column)).toEqual(['id', 'name', 'amount', 'created_on']);
    const columnLineage = facets.columnLineage as {
      fields: Record<string, { inputFields: unknown[] }>;
      dataset: unknown[];
    };
    expect(Object.keys(columnLineage.fields)).toEqual(['id', 'name', 'amount', 'created_on']);
    expect(columnLineage.fields.created_on!.inputFields).toEqual([
      { ...csv, field: 'created_at', transformations: [expect.objectContaining({ type: 'DIRECT', masking: false })] },
    ]);
    // `WHERE id IS NOT NULL` decides which rows exist.
    expect(columnLineage.dataset).toEqual([
      { ...csv, field: 'id', transformations: [{ type: 'INDIRECT', subtype: 'FILTER', masking: false }] },
    ]);
    if (standardsDir) for (const event of events) expect(officialProblems(event)).toEqual([]);
  });

  it('a downstream product reads the very dataset the upstream run wrote', async () => {
    const ol = await receiver();
    const h = await harness(ol.url);
    expect((await h.run('sales.orders')).outcome).toBe('succeeded');
    expect((await h.run('sales.summary')).outcome).toBe('succeeded');
    await h.listener.flush(30_000);
    const events = ol.requests.map((r) => r.body as unknown as Event);
    const summary = events.filter((e) => e.job.name === 'sales.summary');
    expect(summary.map((e) => e.eventType)).toEqual(['START', 'COMPLETE']);
    expect(summary[1]!.inputs).toEqual([ORDERS_V1]);
    expect(summary[1]!.outputs.map((o) => o.name)).toEqual(['sales.summary.summary_v1']);
    // Column by column too: summary.amount is an aggregate of the very port orders wrote.
    const columnLineage = summary[1]!.outputs[0]!.facets!.columnLineage as {
      fields: Record<string, { inputFields: unknown[] }>;
    };
    expect(columnLineage.fields.amount!.inputFields).toEqual([
      { ...ORDERS_V1, field: 'amount', transformations: [{ type: 'DIRECT', subtype: 'AGGREGATION', masking: false }] },
    ]);
    if (standardsDir) for (const event of events) expect(officialProblems(event)).toEqual([]);
  });

  it('a failing run sends FAIL with the coded error', async () => {
    const ol = await receiver();
    const h = await harness(ol.url);
    await rm(join(h.ws.root, 'domains/sales/orders/data/sample.csv'));
    const run = await h.run('sales.orders');
    expect(run.outcome).toBe('failed');
    await h.listener.flush(30_000);
    const events = ol.requests.map((r) => r.body as unknown as Event);
    expect(events.map((e) => e.eventType)).toEqual(['START', 'FAIL']);
    expect(events[1]!.run.facets.errorMessage).toMatchObject({ message: expect.stringMatching(/^MW8001: /) });
    expect(events[1]!.outputs[0]!.facets).not.toHaveProperty('version');
    if (standardsDir) for (const event of events) expect(officialProblems(event)).toEqual([]);
  });

  it('a receiver answering 500 or down never fails a run', async () => {
    const failing = await receiver(() => 500);
    const h500 = await harness(failing.url);
    expect((await h500.run('sales.orders')).outcome).toBe('succeeded');
    await h500.listener.flush(30_000);
    expect(h500.listener.sender.stats()).toMatchObject({ delivered: 0, failed: 2 });
    expect(failing.requests).toHaveLength(6);

    const down = await harness(await unusedUrl());
    expect((await down.run('sales.orders')).outcome).toBe('succeeded');
    await down.listener.flush(30_000);
    expect(down.listener.sender.stats()).toMatchObject({ delivered: 0, failed: 2 });
  });

  it('a receiver that never answers does not hold the run up: it ends while START is still unanswered', async () => {
    const silent = await receiver(() => 'hold');
    const h = await harness(silent.url);
    expect((await h.run('sales.orders')).outcome).toBe('succeeded');
    expect(silent.requests.map((r) => r.body.eventType)).toEqual(['START']);
    expect(h.listener.sender.stats()).toMatchObject({ delivered: 0, pending: 2 });
    silent.answer = () => 200;
    silent.release(200);
    expect(await h.listener.flush(30_000)).toBe(0);
    expect(silent.requests.map((r) => r.body.eventType)).toEqual(['START', 'COMPLETE']);
  });
});
