/**
 * The lineage service over a real SQLite store: a successful run's lineage reaches the graph at
 * once and the store in the background, a restarted service rebuilds the same graph from the
 * store (pipeline lineage and accepted OpenLineage events), and nothing a listener or an event
 * does can throw into a run.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PipelineLineage } from '@meshwork/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMetadataStore } from '../metadata/create-metadata-store.js';
import type { MetadataStore } from '../metadata/metadata-store.js';
import { uuidFrom } from '../metadata/test-support/metadata-fixtures.js';
import type { RunFinished } from '../runtime/run-listener.js';
import { createLineageService } from './lineage-service.js';
import type { LineageEdgeView } from './lineage-view-types.js';
import { MESH, ORDERS_LINEAGE, REVENUE_LINEAGE, testModel } from './test-support/lineage-fixtures.js';

const model = testModel(MESH);
let dir: string;
let store: MetadataStore;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'meshwork-lineage-'));
  store = await createMetadataStore({ kind: 'sqlite', path: join(dir, 'meta.db') });
});
afterEach(async () => {
  await store.close().catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

function finished(lineage: PipelineLineage, outcome: RunFinished['outcome'] = 'succeeded', seed = 'run'): RunFinished {
  return {
    product: model.products.get(lineage.productId)!,
    runId: uuidFrom(`${seed}:${lineage.productId}`),
    at: new Date('2024-05-01T12:00:00.000Z'),
    endedAt: new Date('2024-05-01T12:00:05.000Z'),
    trigger: 'manual',
    requestedBy: 'olga',
    outcome,
    outputs: [],
    lineage,
  };
}

const edge = (e: LineageEdgeView) => `${e.from} -${e.kind}${e.transform ? `:${e.transform}` : ''}-> ${e.to}`;

describe('lineage service', () => {
  it('records a successful run’s lineage in the graph at once and in the store, and rebuilds it after a restart', async () => {
    const service = await createLineageService({ model, store });
    const totalUpstream = () =>
      service.lineage('finance.revenue.revenue.total', { direction: 'upstream', depth: 1 }).edges.map(edge);
    expect(totalUpstream()).toEqual(['sales.orders.orders@1 -dataset-> finance.revenue.revenue@1.total']);

    service.listener.finished!(finished(REVENUE_LINEAGE));
    expect(totalUpstream()).toEqual([
      'sales.orders.orders@1.amount -column:aggregate-> finance.revenue.revenue@1.total',
      'sales.orders.orders@1.region -row:group-> finance.revenue.revenue@1.total',
    ]);
    await service.idle();
    expect(await store.listLatestPipelineLineage()).toEqual([
      {
        productId: 'finance.revenue',
        runId: uuidFrom('run:finance.revenue'),
        recordedAt: '2024-05-01T12:00:05.000Z',
        lineage: JSON.parse(JSON.stringify(REVENUE_LINEAGE)),
      },
    ]);

    const restarted = await createLineageService({ model, store });
    expect(
      restarted.lineage('finance.revenue.revenue.total', { direction: 'upstream', depth: 1 }).edges.map(edge),
    ).toEqual(totalUpstream());
  });

  it('ignores failed runs and runs without lineage', async () => {
    const service = await createLineageService({ model, store });
    service.listener.finished!(finished(ORDERS_LINEAGE, 'failed'));
    service.listener.finished!({ ...finished(ORDERS_LINEAGE), lineage: undefined });
    await service.idle();
    expect(await store.listLatestPipelineLineage()).toEqual([]);
    // Still only the model's lineage: the column's sources are unknown, every edge a fallback.
    const edges = service.lineage('sales.orders.orders@1.amount', { direction: 'upstream', depth: 1 }).edges;
    expect(edges.map((e) => [e.from, e.unresolved !== undefined])).toEqual([
      ['file:domains/sales/orders/data/orders.csv', true],
      ['crm.customers.customers@1', true],
    ]);
  });

  it('logs a store write that fails instead of throwing into the run', async () => {
    const logged: string[] = [];
    const service = await createLineageService({ model, store, log: (message) => logged.push(message) });
    await store.close();
    expect(() => service.listener.finished!(finished(ORDERS_LINEAGE))).not.toThrow();
    await service.idle();
    expect(logged).toEqual(['recording lineage failed']);
    // The running server still answers from memory.
    expect(
      service.lineage('sales.orders.orders@1.amount', { direction: 'upstream', depth: 1 }).edges.map(edge),
    ).toEqual([
      'file:domains/sales/orders/data/orders.csv#amount -column:expression-> sales.orders.orders@1.amount',
      'file:domains/sales/orders/data/orders.csv#customer_id -row:join-> sales.orders.orders@1.amount',
      'crm.customers.customers@1.id -row:join-> sales.orders.orders@1.amount',
      'file:domains/sales/orders/data/orders.csv#status -row:filter-> sales.orders.orders@1.amount',
    ]);
  });

  it('merges accepted OpenLineage events now and, from the store, after a restart; a malformed one changes nothing', async () => {
    const body = {
      eventType: 'COMPLETE',
      inputs: [{ namespace: 'meshwork://mesh', name: 'finance.revenue.revenue' }],
      outputs: [{ namespace: 's3://lake', name: 'exports/revenue' }],
    };
    await store.appendLineageEvent({
      id: uuidFrom('event:1'),
      eventType: 'COMPLETE',
      eventTime: '2024-05-01T12:00:00.000Z',
      producer: 'https://example.com/spark',
      body,
      receivedBy: 'etl-bot',
    });
    const service = await createLineageService({ model, store });
    const downstream = () =>
      service.lineage('finance.revenue.revenue', { direction: 'downstream', depth: 1 }).edges.map(edge).sort();
    expect(downstream()).toEqual([
      'finance.revenue.revenue@1 -dataset-> marketing.reach.reach@1',
      'finance.revenue.revenue@1 -dataset-> s3://lake/exports/revenue',
    ]);
    service.mergeEvent({
      id: 'e2',
      eventType: 'COMPLETE',
      eventTime: '2024-05-01T13:00:00.000Z',
      inputs: [{ namespace: 'meshwork://mesh', name: 'finance.revenue.revenue' }],
      outputs: [{ namespace: 'kafka://bus', name: 'revenue-events' }],
    });
    expect(downstream()).toContain('finance.revenue.revenue@1 -dataset-> kafka://bus/revenue-events');
    const edges = service.graph.edgeCount;
    expect(() =>
      service.mergeEvent({ id: 'e3', eventType: 'COMPLETE', eventTime: 'x', inputs: null, outputs: 7 } as never),
    ).not.toThrow();
    expect(service.graph.edgeCount).toBe(edges);
  });
});
