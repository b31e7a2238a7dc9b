/**
 * The mesh map's cache: one index build per lineage change, new scores per health batch — on the
 * lineage test mesh (lineage/test-support), its graph built by the lineage context's loader.
 */
import { describe, expect, it } from 'vitest';
import { DATASET_EDGE } from '../lineage/lineage-graph.js';
import { loadLineageGraph } from '../lineage/load-lineage-graph.js';
import { MESH, testModel } from '../lineage/test-support/lineage-fixtures.js';
import type { MetadataStore } from '../metadata/metadata-store.js';
import { createMeshMapCache } from './mesh-map-cache.js';

const noStore = {
  listLatestPipelineLineage: () => Promise.resolve([]),
  listLineageEvents: () => Promise.resolve({ items: [] }),
} as unknown as MetadataStore;

const feedsOf = (state: Awaited<ReturnType<ReturnType<typeof createMeshMapCache>['current']>>, id: string) => {
  const { index } = state;
  const p = index.productIndex.get(id)!;
  return [...index.feeds.subarray(index.feedsStart[p]!, index.feedsStart[p + 1]!)].map((q) => index.productIds[q]);
};

describe('createMeshMapCache', () => {
  it('folds port edges to product edges and rebuilds only when the lineage graph changed', async () => {
    const model = testModel(MESH);
    const graph = await loadLineageGraph(model, noStore);
    let scores = new Map([['sales.orders', 80]]);
    const cache = createMeshMapCache({
      model,
      lineage: { graph },
      health: { scores: () => scores, scorecard: () => Promise.resolve(undefined) },
    });
    const first = await cache.current();
    expect(feedsOf(first, 'sales.orders').sort()).toEqual(['finance.revenue', 'hr.secret']);
    expect(await cache.current()).toBe(first);
    expect(cache.builds).toBe(1);

    // An OpenLineage-like edge from a port to another product's port appears on the next read.
    const from = graph.find('marketing.reach.reach@1')!;
    const to = graph.find('crm.customers.customers@1')!;
    graph.addEdge(from, to, DATASET_EDGE, undefined, 2, graph.owner('test'));
    const second = await cache.current();
    expect(cache.builds).toBe(2);
    expect(feedsOf(second, 'marketing.reach')).toEqual(['crm.customers']);

    // A new health batch is a new map: scores follow without rebuilding the index.
    expect(second.scores[second.index.productIndex.get('sales.orders')!]).toBe(80);
    scores = new Map([['sales.orders', 40]]);
    const third = await cache.current();
    expect(third.scores[third.index.productIndex.get('sales.orders')!]).toBe(40);
    expect(Number.isNaN(third.scores[third.index.productIndex.get('hr.secret')!])).toBe(true);
    expect(cache.builds).toBe(2);
  });

  it('rebuilds when another graph is swapped in, even one whose revision is the same number', async () => {
    // With a shared store, lineage is reloaded as a new graph: its revision counts its own changes.
    const model = testModel(MESH);
    const edge = async (to: string) => {
      const graph = await loadLineageGraph(model, noStore);
      graph.addEdge(
        graph.find('marketing.reach.reach@1')!,
        graph.find(to)!,
        DATASET_EDGE,
        undefined,
        2,
        graph.owner('t'),
      );
      return graph;
    };
    const lineage = { graph: await edge('hr.secret.secret@1') };
    const cache = createMeshMapCache({
      model,
      lineage,
      health: { scores: () => new Map(), scorecard: () => Promise.resolve(undefined) },
    });
    expect(feedsOf(await cache.current(), 'marketing.reach')).toEqual(['hr.secret']);
    const reloaded = await edge('crm.customers.customers@1');
    expect(reloaded.revision).toBe(lineage.graph.revision);
    lineage.graph = reloaded;
    expect(feedsOf(await cache.current(), 'marketing.reach')).toEqual(['crm.customers']);
    expect(cache.builds).toBe(2);
  });
});
