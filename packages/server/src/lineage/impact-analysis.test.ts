/**
 * Impact analysis against a real SQLite metadata store: the downstream ports, products and
 * columns a change reaches, each with its distance, and the consumers — agreements in force on
 * affected ports, recent queriers, owner teams — as the caller may see them.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMetadataStore } from '../metadata/create-metadata-store.js';
import type { MetadataStore } from '../metadata/metadata-store.js';
import { product, uuidFrom } from '../metadata/test-support/metadata-fixtures.js';
import { analyzeImpact, downstreamImpact } from './impact-analysis.js';
import { LineageGraph } from './lineage-graph.js';
import { addModelLineage } from './model-lineage.js';
import { setPipelineLineage } from './pipeline-lineage-edges.js';
import {
  AUDIT_LINEAGE,
  MESH,
  ORDERS_LINEAGE,
  REVENUE_LINEAGE,
  SECRET_LINEAGE,
  testModel,
} from './test-support/lineage-fixtures.js';

const NOW = new Date('2024-06-01T12:00:00.000Z');
const model = testModel(MESH);
const ownerOf = (id: string) => model.products.get(id)?.ownerTeam;
let dir: string;
let store: MetadataStore;
const graph = new LineageGraph();

async function agreement(
  principalId: string,
  productId: string,
  port: string,
  major: number,
  endsAt: string,
  approve = true,
): Promise<void> {
  const id = uuidFrom(`agreement:${principalId}:${productId}:${port}:${major}`);
  await store.createAgreement({
    id,
    principalId,
    productId,
    port,
    major,
    purpose: `${principalId}'s reporting`,
    startsAt: '2024-01-01T00:00:00.000Z',
    endsAt,
    requestedAt: '2024-01-01T00:00:00.000Z',
  });
  if (approve)
    await store.updateAgreementStatus({
      id,
      from: 'pending',
      to: 'approved',
      by: 'olga',
      at: '2024-01-02T00:00:00.000Z',
    });
}

function queried(principalId: string, productId: string, daysAgo: number) {
  return {
    id: uuidFrom(`usage:${principalId}:${productId}`),
    queryId: uuidFrom(`query:${principalId}:${productId}`),
    principalId,
    authenticatedBy: 'local',
    productId,
    ports: [{ port: productId.split('.')[1]!, major: 1 }],
    agreementIds: [],
    purpose: 'weekly report',
    rows: 10,
    bytes: 100,
    durationMs: 5,
    status: 'ok' as const,
    startedAt: new Date(NOW.getTime() - daysAgo * 86_400_000),
  };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'meshwork-impact-'));
  store = await createMetadataStore({ kind: 'sqlite', path: join(dir, 'meta.db') });
  for (const id of model.products.keys()) await store.upsertProduct(product(id));
  await agreement('dan', 'sales.orders', 'orders', 1, '2099-01-01T00:00:00.000Z');
  await agreement('ana', 'finance.revenue', 'revenue', 1, '2099-01-01T00:00:00.000Z');
  await agreement('ben', 'finance.revenue', 'revenue', 1, '2024-05-01T00:00:00.000Z'); // ended
  await agreement('cara', 'sales.orders', 'orders', 2, '2099-01-01T00:00:00.000Z'); // another major
  await agreement('gil', 'finance.revenue', 'revenue', 1, '2099-01-01T00:00:00.000Z', false); // pending
  await agreement('hal', 'hr.secret', 'secret', 1, '2099-01-01T00:00:00.000Z');
  await store.recordQueryUsage([
    queried('eve', 'marketing.reach', 5),
    queried('fred', 'finance.revenue', 40), // not recent
    queried('ivy', 'ops.audit', 1),
  ]);
  addModelLineage(graph, model);
  for (const lineage of [ORDERS_LINEAGE, REVENUE_LINEAGE, SECRET_LINEAGE, AUDIT_LINEAGE]) {
    setPipelineLineage(graph, model, lineage);
  }
});

afterAll(async () => {
  await store?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('impact analysis', () => {
  it('lists the downstream ports, products and columns of a column, nearest first', () => {
    const impact = downstreamImpact(graph, 'sales.orders.orders@1.amount');
    expect(impact.ref).toBe('sales.orders.orders@1.amount');
    expect(impact.ports.map((p) => [p.ref, p.distance])).toEqual([
      ['sales.orders.orders@1', 0],
      ['finance.revenue.revenue@1', 1],
      ['hr.secret.secret@1', 1],
      ['marketing.reach.reach@1', 2],
      ['ops.audit.audit@1', 2],
    ]);
    expect(impact.products).toEqual([
      { productId: 'sales.orders', distance: 0 },
      { productId: 'finance.revenue', distance: 1 },
      { productId: 'hr.secret', distance: 1 },
      { productId: 'marketing.reach', distance: 2 },
      { productId: 'ops.audit', distance: 2 },
    ]);
    expect(impact.columns.map((c) => [c.ref, c.distance])).toEqual([
      ['sales.orders.orders@1.amount', 0],
      ['finance.revenue.revenue@1.total', 1],
      ['hr.secret.secret@1.x', 1],
      ['ops.audit.audit@1.x', 2],
    ]);
    expect(impact.columns[1]).toEqual({
      ref: 'finance.revenue.revenue@1.total',
      productId: 'finance.revenue',
      port: 'revenue',
      major: 1,
      column: 'total',
      distance: 1,
    });
    expect(impact.unresolved).toEqual([
      {
        ref: 'marketing.reach.reach@1',
        reason: 'column lineage of marketing.reach.reach@1 is unresolved: no run has recorded its column lineage yet',
      },
    ]);
    expect(impact.hidden).toBe(0);
  });

  it('reaches only the port itself from a column nobody reads downstream', () => {
    const impact = downstreamImpact(graph, 'sales.orders.orders@1.customer_id');
    expect(impact.ports.map((p) => p.ref)).toEqual(['sales.orders.orders@1']);
    expect(impact.columns.map((c) => c.ref)).toEqual(['sales.orders.orders@1.customer_id']);
  });

  it('names the consumers: agreements in force on affected ports, recent queriers, owner teams', async () => {
    const impact = await analyzeImpact(graph, store, 'sales.orders.orders@1.amount', { now: NOW, ownerOf });
    expect(impact.consumers).toEqual({
      since: '2024-05-02T12:00:00.000Z',
      agreements: expect.any(Array),
      queriers: [
        {
          principalId: 'eve',
          productId: 'marketing.reach',
          queries: 1,
          lastQueryAt: '2024-05-27T12:00:00.000Z',
          purposes: ['weekly report'],
        },
        {
          principalId: 'ivy',
          productId: 'ops.audit',
          queries: 1,
          lastQueryAt: '2024-05-31T12:00:00.000Z',
          purposes: ['weekly report'],
        },
      ],
      owners: [
        { team: 'finance-team', products: ['finance.revenue'] },
        { team: 'hr-team', products: ['hr.secret'] },
        { team: 'marketing-team', products: ['marketing.reach'] },
        { team: 'ops-team', products: ['ops.audit'] },
      ],
      withheld: [],
    });
    const dan = impact.consumers.agreements.find((a) => a.principalId === 'dan')!;
    expect(dan).toEqual({
      id: uuidFrom('agreement:dan:sales.orders:orders:1'),
      principalId: 'dan',
      productId: 'sales.orders',
      port: 'orders',
      major: 1,
      purpose: "dan's reporting",
      startsAt: '2024-01-01T00:00:00.000Z',
      endsAt: '2099-01-01T00:00:00.000Z',
    });
    expect(impact.consumers.agreements.map((a) => a.principalId).sort()).toEqual(['ana', 'dan', 'hal']);
  });

  it('leaves out products the caller may not discover, and gives counts where it may not see consumers', async () => {
    const impact = await analyzeImpact(graph, store, 'sales.orders.orders@1.amount', {
      now: NOW,
      ownerOf,
      access: {
        discover: (id) => id !== 'hr.secret',
        seeConsumers: (id) => id === 'sales.orders' || id === 'finance.revenue',
      },
    });
    expect(impact.hidden).toBe(1);
    expect(impact.ports.map((p) => p.ref)).toEqual([
      'sales.orders.orders@1',
      'finance.revenue.revenue@1',
      'marketing.reach.reach@1',
      'ops.audit.audit@1',
    ]);
    expect(JSON.stringify(impact)).not.toContain('hr.secret');
    expect(impact.consumers.agreements.map((a) => a.principalId).sort()).toEqual(['ana', 'dan']);
    expect(impact.consumers.queriers).toEqual([]);
    expect(impact.consumers.withheld).toEqual([
      {
        productId: 'marketing.reach',
        activeAgreements: 0,
        queriers: 1,
        reason: 'only those who may approve access to the product see who consumes it',
      },
      {
        productId: 'ops.audit',
        activeAgreements: 0,
        queriers: 1,
        reason: 'only those who may approve access to the product see who consumes it',
      },
    ]);
    await expect(
      analyzeImpact(graph, store, 'hr.secret', { access: { discover: () => false, seeConsumers: () => false } }),
    ).rejects.toMatchObject({
      code: 'MW8820',
    });
  });

  it('takes a product as a whole: every port at distance 0', () => {
    const impact = downstreamImpact(graph, 'crm.customers');
    expect(impact.ports.filter((p) => p.distance === 0).map((p) => p.ref)).toEqual(['crm.customers.customers@1']);
    expect(impact.products.map((p) => p.productId)).toEqual([
      'crm.customers',
      'sales.orders',
      'finance.revenue',
      'hr.secret',
      'marketing.reach',
      'ops.audit',
    ]);
  });
});
