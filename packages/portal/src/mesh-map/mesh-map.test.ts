import { describe, expect, it } from 'vitest';
import type { LineageResult } from '../lineage/lineage-types.js';
import { toElkGraph } from '../lineage/lineage-layout.js';
import { mapWithConcurrency } from './map-with-concurrency.js';
import { buildMeshMapModel, healthLevel, productEdges } from './mesh-map-model.js';

const lineage = (partial: Pick<LineageResult, 'nodes' | 'edges'>): LineageResult => ({
  ref: 'sales.orders',
  node: partial.nodes[0]!,
  direction: 'downstream',
  depth: 1,
  columns: false,
  hidden: 0,
  truncated: false,
  ...partial,
});

describe('productEdges', () => {
  it('folds port edges to product edges, once each, without datasets or a product feeding itself', () => {
    const result = lineage({
      nodes: [
        { ref: 'sales.orders', kind: 'product', productId: 'sales.orders' },
        { ref: 'sales.orders.orders@2', kind: 'port', productId: 'sales.orders', port: 'orders', major: 2 },
        { ref: 'sales.orders.orders@1', kind: 'port', productId: 'sales.orders', port: 'orders', major: 1 },
        { ref: 'c.c360.c@1', kind: 'port', productId: 'c.c360', port: 'c', major: 1 },
        { ref: 'file:x.csv', kind: 'dataset', dataset: { kind: 'file', name: 'x.csv' } },
      ],
      edges: [
        { from: 'sales.orders.orders@2', to: 'c.c360.c@1', kind: 'dataset', source: 'model' },
        { from: 'sales.orders.orders@1', to: 'c.c360.c@1', kind: 'dataset', source: 'model' },
        { from: 'sales.orders.orders@1', to: 'sales.orders.orders@2', kind: 'dataset', source: 'model' },
        { from: 'file:x.csv', to: 'sales.orders.orders@2', kind: 'dataset', source: 'pipeline' },
      ],
    });
    expect(productEdges(result)).toEqual([{ from: 'sales.orders', to: 'c.c360' }]);
  });
});

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

describe('mapWithConcurrency', () => {
  it('keeps the order and never runs more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const results = await mapWithConcurrency([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, (7 - n) % 3));
      running--;
      return n * 10;
    });
    expect(results).toEqual([10, 20, 30, 40, 50, 60, 70]);
    expect(most).toBe(3);
  });

  it('answers an empty list', async () => {
    expect(await mapWithConcurrency([], 4, () => Promise.resolve(1))).toEqual([]);
  });
});
