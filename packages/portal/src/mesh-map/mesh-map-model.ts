/**
 * The whole mesh as a lineage graph model (src/lineage/lineage-graph-model.ts), so the lineage
 * graph draws it: each domain a box holding its products, each product with its archetype and
 * health, and an edge from a product to each product that reads one of its ports. The lineage
 * API answers port to port; the map folds that to product to product.
 */
import type { GraphEdge, GraphNode, LineageGraphModel } from '../lineage/lineage-graph-model.js';
import type { LineageResult } from '../lineage/lineage-types.js';

export interface MeshMapProduct {
  readonly id: string;
  readonly domain: string;
  readonly archetype: string | null;
  /** The health score, 0–100; null without a scorecard. */
  readonly health: number | null;
}

export interface ProductEdge {
  readonly from: string;
  readonly to: string;
}

export interface MeshMapData {
  readonly products: readonly MeshMapProduct[];
  readonly edges: readonly ProductEdge[];
  /** Some lineage leads to products the viewer may not discover (the server counted them). */
  readonly hidden: boolean;
}

export type HealthLevel = 'good' | 'fair' | 'poor' | 'unknown';

/** The same thresholds as the health badge (components/health-score.tsx). */
export function healthLevel(score: number | null): HealthLevel {
  if (score === null) return 'unknown';
  return score >= 75 ? 'good' : score >= 50 ? 'fair' : 'poor';
}

/** The product-to-product edges of one lineage answer: its port edges, between two products. */
export function productEdges(result: LineageResult): ProductEdge[] {
  const productOf = new Map(result.nodes.map((n) => [n.ref, n.productId]));
  const edges = new Map<string, ProductEdge>();
  for (const edge of result.edges) {
    const from = productOf.get(edge.from);
    const to = productOf.get(edge.to);
    // Datasets (files, external tables) have no product; a product's own ports feed each other.
    if (from === undefined || to === undefined || from === to) continue;
    edges.set(`${from} -> ${to}`, { from, to });
  }
  return [...edges.values()];
}

// A domain's node is its name: product ids are `domain.product`, so they never clash.
const domainRef = (domain: string) => domain;

export function buildMeshMapModel(data: MeshMapData): LineageGraphModel {
  const products = [...data.products].sort((a, b) => a.domain.localeCompare(b.domain) || a.id.localeCompare(b.id));
  const known = new Set(products.map((p) => p.id));
  const nodes: GraphNode[] = [];
  let domain: string | undefined;
  for (const product of products) {
    if (product.domain !== domain) {
      domain = product.domain;
      nodes.push({
        id: domainRef(domain),
        kind: 'domain',
        label: domain,
        root: false,
        implied: false,
        columnsShown: false,
      });
    }
    const level = healthLevel(product.health);
    nodes.push({
      id: product.id,
      kind: 'product',
      label: product.id,
      parentId: domainRef(product.domain),
      productId: product.id,
      root: false,
      implied: false,
      columnsShown: false,
      detail: [
        product.archetype ?? 'no archetype',
        product.health === null ? 'health —' : `health ${Math.round(product.health)} · ${level}`,
      ].join(' · '),
      tone: `mesh-health-${level}`,
    });
  }
  const edges = new Map<string, GraphEdge>();
  for (const { from, to } of data.edges) {
    const id = `${from} -> ${to}`;
    if (!known.has(from) || !known.has(to) || edges.has(id)) continue;
    edges.set(id, {
      id,
      from,
      to,
      category: 'dataset',
      transforms: [],
      label: 'feeds',
      description: `${from} → ${to}: ${to} reads ${from}`,
    });
  }
  return { root: '', nodes, edges: [...edges.values()], hidden: data.hidden ? 1 : 0, truncated: false };
}
