/**
 * SLO breaches from freshness evaluation: a product turning stale is told once (not at every
 * evaluation while it stays stale), and its return to fresh once — over real HTTP with signed
 * bodies, and in the audit log.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMetadataStore, defaultSqlitePath } from '../metadata/create-metadata-store.js';
import type { MetadataStore } from '../metadata/metadata-store.js';
import { evaluateFreshness } from '../platform/freshness.js';
import { createRunEngine } from '../runtime/duckdb-session.js';
import { runProducts } from '../runtime/run-products.js';
import { createTempWorkspace, type TempWorkspace } from '../test-support/temp-workspace.js';
import { createLocalWarehouse, defaultWarehouseRoot } from '../warehouse/local/create-local-warehouse.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import { createWebhookDispatcher, type WebhookDispatcher } from '../webhooks/webhook-dispatcher.js';
import { loadWorkspaceFromDisk } from '../workspace/load-workspace-from-disk.js';
import { sloEventOf } from './slo-transitions.js';
import { RECEIVER_SECRET, WebhookReceiver } from './test-support/webhook-receiver.js';

describe('which transitions are announced', () => {
  it.each([
    [undefined, 'fresh', undefined],
    [undefined, 'stale', 'slo.breached'],
    ['fresh', 'stale', 'slo.breached'],
    ['fresh', 'failing', 'slo.breached'],
    ['stale', 'failing', 'slo.breached'],
    ['stale', 'fresh', 'slo.restored'],
    ['failing', 'fresh', 'slo.restored'],
    ['unknown', 'fresh', undefined],
    ['fresh', 'unknown', undefined],
    ['stale', 'stale', undefined],
  ] as const)('%s → %s: %s', (previous, current, event) => {
    expect(sloEventOf(previous, current)).toBe(event);
  });
});

describe('freshness evaluation', () => {
  let ws: TempWorkspace;
  let store: MetadataStore;
  let warehouse: Warehouse;
  let receiver: WebhookReceiver;
  let events: WebhookDispatcher;

  beforeAll(async () => {
    ws = await createTempWorkspace([['sales', 'orders']]);
    const loaded = await loadWorkspaceFromDisk(ws.root, {});
    store = await createMetadataStore({ kind: 'sqlite', path: defaultSqlitePath(ws.root) });
    warehouse = createLocalWarehouse({ root: defaultWarehouseRoot(ws.root) });
    const engine = createRunEngine({ tempDirectory: join(ws.root, '.meshwork/tmp') });
    await runProducts({ model: loaded.model, root: ws.root, store, warehouse, engine }, loaded.diagnostics, 'all', {
      trigger: 'manual',
      requestedBy: 't',
    });
    engine.close();
    receiver = await new WebhookReceiver().start();
    events = createWebhookDispatcher({
      store,
      subscriptions: [{ id: 'ops', url: receiver.url, events: ['slo.*'], secret: RECEIVER_SECRET }],
    });
  });
  afterAll(async () => {
    await events?.close();
    await receiver?.stop();
    await store?.close();
    await ws?.dispose();
  });

  it('announces the turn to stale once, and the return to fresh once', async () => {
    const { model } = await loadWorkspaceFromDisk(ws.root, {});
    const hour = 3_600_000;
    const published = (await warehouse.current({ productId: 'sales.orders', port: 'orders', major: 1 }))!;
    const t0 = new Date(published.createdAt).getTime();
    // The scaffolded contract promises `frequency: 1 d`.
    expect(await evaluateFreshness(model, store, warehouse, new Date(t0 + 25 * hour), events)).toBe(1);
    expect(await evaluateFreshness(model, store, warehouse, new Date(t0 + 26 * hour), events)).toBe(0);
    await events.idle();
    expect(receiver.events()).toMatchObject([
      {
        type: 'slo.breached',
        signed: true,
        data: {
          product: 'sales.orders',
          status: 'stale',
          previousStatus: 'fresh',
          reason: expect.stringMatching(/allowed 1440 min/),
          at: new Date(t0 + 25 * hour).toISOString(),
        },
      },
    ]);

    // The owner relaxes the promise to 2 days: the same snapshot is fresh again.
    await ws.edit('domains/sales/orders/orders.odcs.yaml', (t) =>
      t.replace(/- property: frequency\n(\s+)value: 1\n/, '- property: frequency\n$1value: 2\n'),
    );
    const relaxed = (await loadWorkspaceFromDisk(ws.root, {})).model;
    expect(await evaluateFreshness(relaxed, store, warehouse, new Date(t0 + 27 * hour), events)).toBe(1);
    await events.idle();
    expect(receiver.events().map((e) => [e.type, e.data.status, e.data.previousStatus])).toEqual([
      ['slo.breached', 'stale', 'fresh'],
      ['slo.restored', 'fresh', 'stale'],
    ]);
    const audit = await store.listAudit({ resource: 'urn:meshwork:sales:orders', limit: 1000 });
    expect(audit.items.filter((e) => e.action.startsWith('slo.')).map((e) => e.action)).toEqual([
      'slo.breached',
      'slo.restored',
    ]);
  });
});
