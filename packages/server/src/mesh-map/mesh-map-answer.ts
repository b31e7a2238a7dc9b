/**
 * One caller's mesh map from the cached state and what the caller may discover, in
 * O(products + edges): every product visible or not, every product edge once; no pair of
 * products or domains is ever enumerated.
 *
 * - `products`: every visible product and the edges between them (visible products ≤ threshold);
 * - `domains`: per domain its visible products and health bands, domain → domain edges with the
 *   number of product edges behind each;
 * - `domain` (drill-down): one domain's visible products, the edges between them, and its
 *   edges to and from other domains folded per (product, domain, direction).
 * Products the caller may not discover are left out with every edge touching them, and counted.
 */
import { HEALTH_BANDS, healthBand, type HealthBand } from './health-bands.js';
import type { MeshMapState } from './mesh-map-cache.js';
import type { MeshMapIndex } from './mesh-map-index.js';

export interface DomainSummary {
  readonly name: string;
  readonly parent: string | null;
  /** Products of this domain the caller may discover. */
  readonly products: number;
  readonly health: Readonly<Record<HealthBand, number>>;
}

export interface MeshMapProduct {
  readonly id: string;
  readonly domain: string;
  readonly archetype: string | null;
  readonly health: number | null;
}

export interface ProductEdge {
  readonly from: string;
  readonly to: string;
}

export interface DomainEdge {
  readonly from: string;
  readonly to: string;
  /** Product edges folded into this one. */
  readonly edges: number;
}

/** In a drill-down: the domain's product feeds (downstream) or reads (upstream) products of another domain. */
export interface CrossEdge {
  readonly product: string;
  readonly domain: string;
  readonly direction: 'downstream' | 'upstream';
  readonly edges: number;
}

export interface MeshMapAnswer {
  readonly detail: 'products' | 'domains' | 'domain';
  readonly threshold: number;
  /** Products in this answer's scope the caller may discover. */
  readonly visibleProducts: number;
  /** Products in scope left out: the caller may not discover them. */
  readonly hidden: number;
  /** Product edges left out because one end is such a product. */
  readonly hiddenEdges: number;
  readonly domains: DomainSummary[];
  readonly domain?: string;
  readonly products?: MeshMapProduct[];
  readonly edges?: ProductEdge[];
  readonly domainEdges?: DomainEdge[];
  readonly crossEdges?: CrossEdge[];
}

/** The whole mesh: product level when the visible products fit under the threshold, else domain level. */
export function meshMapAnswer(state: MeshMapState, visible: Uint8Array, threshold: number): MeshMapAnswer {
  const { index } = state;
  const domains = domainSummaries(state, visible, 0, index.domains.length);
  const shown = domains.reduce((sum, d) => sum + d.products, 0);
  const scope = { threshold, visibleProducts: shown, hidden: index.productIds.length - shown, domains };
  let hiddenEdges = 0;
  if (shown <= threshold) {
    const products: MeshMapProduct[] = [];
    const edges: ProductEdge[] = [];
    for (let p = 0; p < index.productIds.length; p++) {
      if (!visible[p]) continue;
      products.push(product(state, p));
      for (let i = index.feedsStart[p]!; i < index.feedsStart[p + 1]!; i++) {
        const q = index.feeds[i]!;
        if (visible[q]) edges.push({ from: index.productIds[p]!, to: index.productIds[q]! });
        else hiddenEdges += 1;
      }
      hiddenEdges += hiddenReaders(index, visible, p);
    }
    return { detail: 'products', ...scope, hiddenEdges, products, edges };
  }
  // Domain pairs as one number each: at most (domains)² distinct keys, only those with an edge stored.
  const width = index.domains.length;
  const pairs = new Map<number, number>();
  for (let p = 0; p < index.productIds.length; p++) {
    if (!visible[p]) continue;
    const from = index.productDomain[p]!;
    for (let i = index.feedsStart[p]!; i < index.feedsStart[p + 1]!; i++) {
      const q = index.feeds[i]!;
      if (!visible[q]) hiddenEdges += 1;
      else if (index.productDomain[q] !== from) {
        const key = from * width + index.productDomain[q]!;
        pairs.set(key, (pairs.get(key) ?? 0) + 1);
      }
    }
    hiddenEdges += hiddenReaders(index, visible, p);
  }
  const domainEdges = [...pairs]
    .sort(([a], [b]) => a - b)
    .map(([key, edges]) => ({
      from: index.domains[Math.floor(key / width)]!,
      to: index.domains[key % width]!,
      edges,
    }));
  return { detail: 'domains', ...scope, hiddenEdges, domainEdges };
}

/** One domain's products, their edges, and their edges to other domains folded per domain. */
export function domainAnswer(state: MeshMapState, visible: Uint8Array, d: number, threshold: number): MeshMapAnswer {
  const { index } = state;
  const [start, end] = [index.domainStart[d]!, index.domainStart[d + 1]!];
  const products: MeshMapProduct[] = [];
  const edges: ProductEdge[] = [];
  const crossEdges: CrossEdge[] = [];
  let hiddenEdges = 0;
  const fold = new Map<number, number>();
  const folded = (p: number, direction: CrossEdge['direction']) => {
    for (const [other, count] of [...fold].sort(([a], [b]) => a - b)) {
      crossEdges.push({ product: index.productIds[p]!, domain: index.domains[other]!, direction, edges: count });
    }
    fold.clear();
  };
  for (let p = start; p < end; p++) {
    if (!visible[p]) continue;
    products.push(product(state, p));
    for (let i = index.feedsStart[p]!; i < index.feedsStart[p + 1]!; i++) {
      const q = index.feeds[i]!;
      if (!visible[q]) hiddenEdges += 1;
      else if (index.productDomain[q] === d) edges.push({ from: index.productIds[p]!, to: index.productIds[q]! });
      else fold.set(index.productDomain[q]!, (fold.get(index.productDomain[q]!) ?? 0) + 1);
    }
    folded(p, 'downstream');
    for (let i = index.readsStart[p]!; i < index.readsStart[p + 1]!; i++) {
      const r = index.reads[i]!;
      if (!visible[r]) hiddenEdges += 1;
      // Edges inside the domain were listed from their source above.
      else if (index.productDomain[r] !== d)
        fold.set(index.productDomain[r]!, (fold.get(index.productDomain[r]!) ?? 0) + 1);
    }
    folded(p, 'upstream');
  }
  return {
    detail: 'domain',
    threshold,
    domain: index.domains[d]!,
    visibleProducts: products.length,
    hidden: end - start - products.length,
    hiddenEdges,
    domains: domainSummaries(state, visible, d, d + 1),
    products,
    edges,
    crossEdges,
  };
}

/** Domains d0…d1 (exclusive) with at least one visible product. */
function domainSummaries(state: MeshMapState, visible: Uint8Array, d0: number, d1: number): DomainSummary[] {
  const { index, scores } = state;
  const summaries: DomainSummary[] = [];
  for (let d = d0; d < d1; d++) {
    const bands = [0, 0, 0, 0];
    for (let p = index.domainStart[d]!; p < index.domainStart[d + 1]!; p++) {
      if (visible[p]) bands[healthBand(scores[p]!)]! += 1;
    }
    const products = bands[0]! + bands[1]! + bands[2]! + bands[3]!;
    if (products === 0) continue;
    const health = Object.fromEntries(HEALTH_BANDS.map((band, i) => [band, bands[i]!])) as Record<HealthBand, number>;
    summaries.push({ name: index.domains[d]!, parent: visibleParent(index, visible, d), products, health });
  }
  return summaries;
}

/**
 * A domain's parent, named only when the caller may see one of its products: the name of a domain
 * whose products are all hidden is not the caller's to learn (the sub-domain then stands alone).
 */
function visibleParent(index: MeshMapIndex, visible: Uint8Array, d: number): string | null {
  const parent = index.domainParents[d];
  const p = parent === null || parent === undefined ? undefined : index.domainIndex.get(parent);
  if (p === undefined) return null;
  for (let i = index.domainStart[p]!; i < index.domainStart[p + 1]!; i++) if (visible[i]) return parent!;
  return null;
}

/** Edges from products the caller may not see into visible product p. */
function hiddenReaders(index: MeshMapIndex, visible: Uint8Array, p: number): number {
  let hidden = 0;
  for (let i = index.readsStart[p]!; i < index.readsStart[p + 1]!; i++) if (!visible[index.reads[i]!]) hidden += 1;
  return hidden;
}

function product(state: MeshMapState, p: number): MeshMapProduct {
  const { index, scores } = state;
  const score = scores[p]!;
  return {
    id: index.productIds[p]!,
    domain: index.domains[index.productDomain[p]!]!,
    archetype: index.archetypes[p]!,
    health: Number.isNaN(score) ? null : score,
  };
}
