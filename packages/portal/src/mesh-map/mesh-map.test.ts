import { describe, expect, it } from 'vitest';
import { toElkGraph } from '../lineage/lineage-layout.js';
import { meshMapRequest } from './mesh-map-api.js';
import { buildMeshMapModel, domainLevel, healthLevel, meshMapModel } from './mesh-map-model.js';
import type { DomainSummary, MeshMapAnswer } from './mesh-map-types.js';

describe('buildMeshMapModel', () => {
  const model = buildMeshMapModel({
    products: [
      { id: 'sales.orders', domain: 'sales', archetype: 'source-aligned', health: 80 },
      { id: 'customers.c360', domain: 'customers', archetype: null, health: null },
      { id: 'sales.dash', domain: 'sales', archetype: 'consumer-aligned', health: 49.6 },
    ],
    edges: [
      { from: 'sales.orders', to: 'customers.c360' },
      { from: 'sales.orders', to: 'customers.c360' },
      { from: 'sales.orders', to: 'hidden.product' },
    ],
    hidden: false,
  });

  it('puts each domain box before its products, and products inside it', () => {
    expect(model.nodes.map((n) => [n.id, n.kind, n.parentId])).toEqual([
      ['customers', 'domain', undefined],
      ['customers.c360', 'product', 'customers'],
      ['sales', 'domain', undefined],
      ['sales.dash', 'product', 'sales'],
      ['sales.orders', 'product', 'sales'],
    ]);
  });

  it('says archetype and health in words and colours by health', () => {
    const orders = model.nodes.find((n) => n.id === 'sales.orders');
    expect(orders?.detail).toBe('source-aligned · health 80 · good');
    expect(orders?.tone).toBe('mesh-health-good');
    expect(model.nodes.find((n) => n.id === 'sales.dash')?.tone).toBe('mesh-health-poor');
    expect(model.nodes.find((n) => n.id === 'customers.c360')?.detail).toBe('no archetype · health —');
  });

  it('keeps one edge per pair of products on the map', () => {
    expect(model.edges.map((e) => e.id)).toEqual(['sales.orders -> customers.c360']);
  });

  it('lays out as boxes holding products, with the edge across them', () => {
    const elk = toElkGraph(model);
    expect(elk.children?.map((c) => [c.id, c.children?.map((p) => p.id)])).toEqual([
      ['customers', ['customers.c360']],
      ['sales', ['sales.dash', 'sales.orders']],
    ]);
    // A product with a detail line is taller than one without.
    expect(elk.children?.[0]?.children?.[0]?.height).toBeGreaterThan(40);
    expect(elk.edges).toHaveLength(1);
  });
});

describe('healthLevel', () => {
  it('follows the health badge thresholds', () => {
    expect([75, 74.9, 50, 49, null].map((s) => healthLevel(s))).toEqual(['good', 'fair', 'fair', 'poor', 'unknown']);
  });
});

const summary = (name: string, products: number, health: DomainSummary['health']): DomainSummary => ({
  name,
  parent: name === 'sales-emea' ? 'sales' : null,
  products,
  health,
});

describe('the domain-level map', () => {
  const answer: MeshMapAnswer = {
    detail: 'domains',
    threshold: 0,
    visibleProducts: 1300,
    hidden: 2,
    hiddenEdges: 0,
    domains: [
      summary('customers', 300, { good: 10, fair: 20, poor: 200, unknown: 70 }),
      summary('sales', 1000, { good: 600, fair: 300, poor: 90, unknown: 10 }),
      summary('sales-emea', 1, { good: 0, fair: 0, poor: 0, unknown: 1 }),
    ],
    domainEdges: [
      { from: 'sales', to: 'customers', edges: 42 },
      { from: 'sales', to: 'sales-emea', edges: 1 },
    ],
  };
  const model = meshMapModel(answer);

  it('draws each domain as one node with its products counted by health in words, coloured by most', () => {
    expect(model.nodes.map((n) => [n.id, n.kind, n.parentId, n.tone])).toEqual([
      ['customers', 'domain', undefined, 'mesh-health-poor'],
      ['sales', 'domain', undefined, 'mesh-health-good'],
      ['sales-emea', 'domain', undefined, 'mesh-health-unknown'],
    ]);
    expect(model.nodes[1]?.detail).toBe('1,000 products · 600 good, 300 fair, 90 poor, 10 unknown');
    expect(model.nodes[2]?.detail).toBe('in sales · 1 product · 0 good, 0 fair, 0 poor, 1 unknown');
    expect(model.hidden).toBe(2);
  });

  it('weighs each domain edge with the product edges behind it', () => {
    expect(model.edges.map((e) => [e.id, e.label])).toEqual([
      ['sales -> customers', '42 edges'],
      ['sales -> sales-emea', '1 edge'],
    ]);
    expect(model.edges[0]?.description).toBe(
      'sales → customers: products of customers reads products of sales (42 product edges)',
    );
  });

  it('lays out as leaf nodes (no boxes), edges between them', () => {
    const elk = toElkGraph(model);
    expect(elk.children?.map((c) => [c.id, c.children])).toEqual([
      ['customers', undefined],
      ['sales', undefined],
      ['sales-emea', undefined],
    ]);
    expect(elk.edges).toHaveLength(2);
  });

  it('colours a tie by the worse band', () => {
    expect(domainLevel(summary('x', 2, { good: 1, fair: 1, poor: 0, unknown: 0 }))).toBe('fair');
  });
});

describe('the drill-down into a domain', () => {
  const model = meshMapModel({
    detail: 'domain',
    threshold: 1500,
    domain: 'sales',
    visibleProducts: 2,
    hidden: 0,
    hiddenEdges: 1,
    domains: [summary('sales', 2, { good: 2, fair: 0, poor: 0, unknown: 0 })],
    products: [
      { id: 'sales.orders', domain: 'sales', archetype: 'source-aligned', health: 90 },
      { id: 'sales.summary', domain: 'sales', archetype: 'aggregate', health: 80 },
    ],
    edges: [{ from: 'sales.orders', to: 'sales.summary' }],
    crossEdges: [
      { product: 'sales.orders', domain: 'finance', direction: 'downstream', edges: 3 },
      { product: 'sales.summary', domain: 'crm', direction: 'upstream', edges: 1 },
    ],
  });

  it("puts the domain's products in its box and the other domains beside it", () => {
    expect(model.nodes.map((n) => [n.id, n.kind, n.parentId])).toEqual([
      ['sales', 'domain', undefined],
      ['sales.orders', 'product', 'sales'],
      ['sales.summary', 'product', 'sales'],
      ['crm', 'domain', undefined],
      ['finance', 'domain', undefined],
    ]);
    expect(model.hidden).toBe(1);
  });

  it('folds edges to other domains into one edge per product and domain, the way data flows', () => {
    expect(model.edges.map((e) => [e.id, e.label])).toEqual([
      ['sales.orders -> sales.summary', 'feeds'],
      ['sales.orders -> finance', '3 edges'],
      ['crm -> sales.summary', '1 edge'],
    ]);
  });
});

describe('meshMapRequest', () => {
  it('reads the view from the URL', () => {
    expect(meshMapRequest(new URLSearchParams(''))).toEqual({});
    expect(meshMapRequest(new URLSearchParams('detail=domains'))).toEqual({ threshold: 0 });
    expect(meshMapRequest(new URLSearchParams('detail=domains&domain=sales'))).toEqual({
      threshold: 0,
      domain: 'sales',
    });
  });
});
