/**
 * The mesh map's per-model part, the same for every caller: products as integers ordered by
 * domain then id (so a domain's products are one range), the domains with their parents, and
 * the product → product edges folded from the lineage graph's port edges, in both directions
 * as compressed adjacency (CSR). Built in O(products + port edges); requests only read it.
 *
 * An edge is what `GET /api/v1/lineage/{product}?direction=downstream&depth=1` answers about
 * the product, folded as the portal did: any edge out of one of its ports whose target belongs
 * to another product of the model (datasets and a product's own ports feeding each other are
 * left out).
 */
import type { MeshModel } from '@meshwork/core';
import { PORT, PRODUCT, type LineageGraph } from '../lineage/lineage-graph.js';

export interface MeshMapIndex {
  /** Product ids, by domain (as `domains`) then id. */
  readonly productIds: readonly string[];
  readonly archetypes: readonly (string | null)[];
  /** Per product: the index of its domain in `domains`. */
  readonly productDomain: Int32Array;
  /** Domain names, sorted: the model's domains and any a product names. */
  readonly domains: readonly string[];
  /** Per domain: its parent's name, or null. */
  readonly domainParents: readonly (string | null)[];
  /** Domain d's products are `domainStart[d]` to `domainStart[d + 1]` (exclusive). */
  readonly domainStart: Int32Array;
  readonly productIndex: ReadonlyMap<string, number>;
  readonly domainIndex: ReadonlyMap<string, number>;
  /** Product p feeds `feeds[feedsStart[p]…feedsStart[p + 1]]`; each pair once. */
  readonly feedsStart: Int32Array;
  readonly feeds: Int32Array;
  /** Product p reads `reads[readsStart[p]…readsStart[p + 1]]`. */
  readonly readsStart: Int32Array;
  readonly reads: Int32Array;
}

export function buildMeshMapIndex(model: MeshModel, graph: LineageGraph): MeshMapIndex {
  const domainNames = new Set<string>(model.domains?.keys() ?? []);
  for (const product of model.products.values()) domainNames.add(product.domain);
  const domains = [...domainNames].sort(compare);
  const domainIndex = new Map(domains.map((name, i) => [name, i]));
  const domainParents = domains.map((name) => model.domains?.get(name)?.parent ?? null);

  const products = [...model.products.values()].sort(
    (a, b) => domainIndex.get(a.domain)! - domainIndex.get(b.domain)! || compare(a.id, b.id),
  );
  const count = products.length;
  const productIds = products.map((p) => p.id);
  const productIndex = new Map(productIds.map((id, i) => [id, i]));
  const productDomain = Int32Array.from(products, (p) => domainIndex.get(p.domain)!);
  const domainStart = new Int32Array(domains.length + 1);
  for (const d of productDomain) domainStart[d + 1]! += 1;
  for (let d = 0; d < domains.length; d++) domainStart[d + 1]! += domainStart[d]!;

  // Product edges, source-major: each source's targets deduplicated with a stamp per target.
  const feedsStart = new Int32Array(count + 1);
  const targets: number[] = [];
  const stamp = new Int32Array(count).fill(-1);
  for (let p = 0; p < count; p++) {
    const node = graph.find(productIds[p]!);
    if (node !== undefined && graph.kindOf(node) === PRODUCT) {
      for (const port of graph.childrenOf(node)) {
        if (graph.kindOf(port) !== PORT) continue;
        for (const edge of graph.outEdges(port)) {
          const owner = graph.productOf(graph.edgeTo(edge));
          if (owner < 0) continue;
          const q = productIndex.get(graph.refOf(owner));
          if (q === undefined || q === p || stamp[q] === p) continue;
          stamp[q] = p;
          targets.push(q);
        }
      }
    }
    feedsStart[p + 1] = targets.length;
  }
  const feeds = Int32Array.from(targets);
  const { start: readsStart, list: reads } = reverse(feedsStart, feeds, count);
  return {
    productIds,
    archetypes: products.map((p) => p.archetype ?? null),
    productDomain,
    domains,
    domainParents,
    domainStart,
    productIndex,
    domainIndex,
    feedsStart,
    feeds,
    readsStart,
    reads,
  };
}

/** The same edges, target-major (a counting sort: linear). */
function reverse(start: Int32Array, list: Int32Array, count: number): { start: Int32Array; list: Int32Array } {
  const reversedStart = new Int32Array(count + 1);
  for (const q of list) reversedStart[q + 1]! += 1;
  for (let q = 0; q < count; q++) reversedStart[q + 1]! += reversedStart[q]!;
  const next = reversedStart.slice(0, count);
  const reversed = new Int32Array(list.length);
  for (let p = 0; p < count; p++) {
    for (let i = start[p]!; i < start[p + 1]!; i++) reversed[next[list[i]!]!++] = p;
  }
  return { start: reversedStart, list: reversed };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
