/**
 * Run events end to end: real runs (DuckDB, a local warehouse, SQLite) with the lifecycle run
 * listener publishing through the real webhook dispatcher to a real HTTP subscriber that checks
 * every signature — a run that publishes, one that fails, the SLO breach and restoration they
 * cause, and `port.retired` sent once per port version, across runs and processes.
 */
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMetadataStore, defaultSqlitePath } from '../metadata/create-metadata-store.js';
import type { MetadataStore } from '../metadata/metadata-store.js';
import { createRunEngine, type RunEngine } from '../runtime/duckdb-session.js';
import { runProducts } from '../runtime/run-products.js';
import type { RuntimeContext } from '../runtime/runtime-context.js';
import { createTempWorkspace, type TempWorkspace } from '../test-support/temp-workspace.js';
import { createLocalWarehouse, defaultWarehouseRoot } from '../warehouse/local/create-local-warehouse.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import { createWebhookDispatcher, type WebhookDispatcher } from '../webhooks/webhook-dispatcher.js';
import { loadWorkspaceFromDisk } from '../workspace/load-workspace-from-disk.js';
import { createLifecycleRunListener, type LifecycleRunListener } from './lifecycle-run-listener.js';
import { RECEIVER_SECRET, WebhookReceiver } from './test-support/webhook-receiver.js';

let ws: TempWorkspace;
let store: MetadataStore;
let warehouse: Warehouse;
let engine: RunEngine;
let receiver: WebhookReceiver;
const dispatchers: WebhookDispatcher[] = [];

beforeAll(async () => {
  ws = await createTempWorkspace([
    ['sales', 'orders'],
    ['sales', 'refunds'],
  ]);
  // refunds v1 reached its end of life on 2026-06-30; the runs below happen on 2026-07-01.
  await ws.edit('domains/sales/refunds/refunds.odcs.yaml', (t) =>
    t.replace('slaProperties:\n', "slaProperties:\n  - property: endOfLife\n    value: '2026-06-30'\n"),
  );
  store = await createMetadataStore({ kind: 'sqlite', path: defaultSqlitePath(ws.root) });
  warehouse = createLocalWarehouse({ root: defaultWarehouseRoot(ws.root) });
  engine = createRunEngine({ tempDirectory: join(ws.root, '.meshwork/tmp') });
  receiver = await new WebhookReceiver().start();
});
afterEach(async () => {
  await Promise.all(dispatchers.splice(0).map((d) => d.close()));
  receiver.received.length = 0;
});
afterAll(async () => {
  engine?.close();
  await store?.close();
  await receiver?.stop();
  await ws?.dispose();
});

const DAY = new Date('2026-07-01T00:00:00Z');

/** One "process": its own dispatcher and listener over the shared store and warehouse. */
async function processWith(clock = () => DAY) {
  const { model, diagnostics } = await loadWorkspaceFromDisk(ws.root, {});
  const events = createWebhookDispatcher({
    store,
    subscriptions: [{ id: 'ops', url: receiver.url, events: ['*'], secret: RECEIVER_SECRET }],
    baseDelayMs: 5,
  });
  dispatchers.push(events);
  const listener = createLifecycleRunListener({ model, store, events, clock });
  const runtime: RuntimeContext = { model, root: ws.root, store, warehouse, engine, clock, listeners: [listener] };
  const run = async (id: string) => {
    const [result] = await runProducts(runtime, diagnostics, [id], { trigger: 'manual', requestedBy: 'olga' });
    // Both the listener's lookups and the deliveries they started are finished before anyone looks.
    await listener.settled();
    await events.idle();
    return result!;
  };
  return { model, run, listener };
}

describe('run events', () => {
  it('a run that publishes sends product.published per output; one that fails sends run.failed; the status changes they cause are SLO events', async () => {
    const { run } = await processWith(() => new Date());
    const first = await run('sales.orders');
    expect(first.outcome).toBe('succeeded');
    const published = receiver.events('product.published');
    expect(published).toHaveLength(1);
    const current = await warehouse.current({ productId: 'sales.orders', port: 'orders', major: 1 });
    expect(published[0]).toMatchObject({
      signed: true,
      headers: { 'x-meshwork-event': 'product.published' },
      data: {
        product: 'sales.orders',
        port: 'orders',
        major: 1,
        snapshotId: current!.snapshotId,
        runId: first.outcome === 'skipped' ? '' : first.summary.runId,
        rowCount: current!.rowCount,
        contractVersion: '1.0.0',
        trigger: 'manual',
        requestedBy: 'olga',
      },
    });
    // The first status (fresh) is not a restoration: nothing was breached.
    expect(receiver.events().filter((e) => e.type.startsWith('slo.'))).toEqual([]);

    const sql = await ws.read('domains/sales/orders/orders.sql');
    await ws.write('domains/sales/orders/orders.sql', 'SELECT no_such_column FROM raw_input');
    const failed = await run('sales.orders');
    await ws.write('domains/sales/orders/orders.sql', sql);
    expect(failed.outcome).toBe('failed');
    const [runFailed] = receiver.events('run.failed');
    expect(runFailed).toMatchObject({
      signed: true,
      data: {
        product: 'sales.orders',
        runId: failed.outcome === 'skipped' ? '' : failed.summary.runId,
        error: { code: failed.outcome === 'skipped' ? '' : failed.summary.error!.code },
      },
    });
    expect(receiver.events('slo.breached').map((e) => e.data)).toEqual([
      expect.objectContaining({ product: 'sales.orders', status: 'failing', previousStatus: 'fresh' }),
    ]);

    // A second failure is no new transition: no second breach.
    await ws.write('domains/sales/orders/orders.sql', 'SELECT no_such_column FROM raw_input');
    await run('sales.orders');
    await ws.write('domains/sales/orders/orders.sql', sql);
    expect(receiver.events('run.failed')).toHaveLength(2);
    expect(receiver.events('slo.breached')).toHaveLength(1);

    expect((await run('sales.orders')).outcome).toBe('succeeded');
    expect(receiver.events('slo.restored').map((e) => e.data)).toEqual([
      expect.objectContaining({ product: 'sales.orders', status: 'fresh', previousStatus: 'failing' }),
    ]);
    expect(receiver.events('product.published')).toHaveLength(2);
    // Both SLO events are in the audit log of the product too.
    const audit = await store.listAudit({ resource: 'urn:meshwork:sales:orders', limit: 1000 });
    expect(audit.items.filter((e) => e.action.startsWith('slo.')).map((e) => e.action)).toEqual([
      'slo.breached',
      'slo.restored',
    ]);
  });

  it('a publisher that throws neither fails nor blocks the run', async () => {
    const { model, diagnostics } = await loadWorkspaceFromDisk(ws.root, {});
    const logged: string[] = [];
    const listener: LifecycleRunListener = createLifecycleRunListener({
      model,
      store,
      events: {
        publish: () => {
          throw new Error('publisher down');
        },
      },
      log: (message, fields) => logged.push(`${message}: ${fields.error}`),
    });
    const runtime: RuntimeContext = { model, root: ws.root, store, warehouse, engine, listeners: [listener] };
    const [result] = await runProducts(runtime, diagnostics, ['sales.orders'], { trigger: 'manual', requestedBy: 't' });
    await listener.settled();
    expect(result!.outcome).toBe('succeeded');
    expect(logged).toContain('lifecycle events of a run failed: publisher down');
  });
});

describe('port.retired', () => {
  it('is not sent before the endOfLife: the port version is still built and published', async () => {
    const early = await processWith(() => new Date('2026-06-29T00:00:00Z'));
    expect((await early.run('sales.refunds')).outcome).toBe('succeeded');
    expect(receiver.events('product.published').map((e) => e.data.product)).toEqual(['sales.refunds']);
    expect(receiver.events('port.retired')).toEqual([]);
  });

  it('is sent once per port version: by the first run that skips it, not by later runs nor by another process', async () => {
    const first = await processWith();
    const skipped = await first.run('sales.refunds');
    expect(skipped.outcome).toBe('succeeded');
    expect(receiver.events('port.retired')).toMatchObject([
      {
        signed: true,
        data: { product: 'sales.refunds', port: 'refunds', major: 1, endOfLife: '2026-06-30', replacement: null },
      },
    ]);
    await first.run('sales.refunds');
    expect(receiver.events('port.retired')).toHaveLength(1);

    // Another process (new dispatcher and listener, empty memory) finds the announcement in the audit log.
    const second = await processWith();
    await second.run('sales.refunds');
    expect(receiver.events('port.retired')).toHaveLength(1);
    const audit = await store.listAudit({ resource: 'urn:meshwork:port:sales.refunds:refunds:v1', limit: 100 });
    expect(audit.items.map((e) => e.action)).toEqual(['port.retired']);
  });
});
