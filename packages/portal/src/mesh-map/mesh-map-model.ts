/**
 * The mesh map as lineage graph models (src/lineage/lineage-graph-model.ts), so the lineage
 * graph draws it. Three views of one server answer (mesh-map-types.ts):
 * - products: each domain a box holding its products (archetype, health), an edge from a
 *   product to each product that reads one of its ports;
 * - domains (a large mesh): each domain one node with its product count and health bands in
 *   words, coloured by its most common band; an edge per pair of domains, with its count;
 * - a drill-down: one domain's box with its products, and the other domains it feeds or reads
 *   as nodes, each product's edges to one of them folded into one edge with its count.
 */
import type { GraphEdge, GraphNode, LineageGraphModel } from '../lineage/lineage-graph-model.js';
import type { DomainSummary, HealthBand, MeshMapAnswer } from './mesh-map-types.js';

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
  /** Some products (or their edges) the viewer may not discover were left out. */
  readonly hidden: boolean;
}

export type HealthLevel = HealthBand;

/** The same thresholds as the health badge (components/health-score.tsx) and the server's bands. */
export function healthLevel(score: number | null): HealthLevel {
  if (score === null) return 'unknown';
  return score >= 75 ? 'good' : score >= 50 ? 'fair' : 'poor';
}

const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;
const BANDS: readonly HealthBand[] = ['good', 'fair', 'poor', 'unknown'];

/** The answer's products and edges, for the product views. */
export function meshMapData(answer: MeshMapAnswer): MeshMapData {
  return {
    products: answer.products ?? [],
    edges: answer.edges ?? [],
    hidden: answer.hidden > 0 || answer.hiddenEdges > 0,
  };
}

const domainBox = (domain: string): GraphNode => ({
  id: domain,
  kind: 'domain',
  label: domain,
  root: false,
  implied: false,
  columnsShown: false,
});

function productNode(product: MeshMapProduct): GraphNode {
  const level = healthLevel(product.health);
  return {
    id: product.id,
    kind: 'product',
    label: product.id,
    // A domain's node is its name: product ids are `domain.product`, so they never clash.
    parentId: product.domain,
    productId: product.id,
    root: false,
    implied: false,
    columnsShown: false,
    detail: [
      product.archetype ?? 'no archetype',
      product.health === null ? 'health —' : `health ${Math.round(product.health)} · ${level}`,
    ].join(' · '),
    tone: `mesh-health-${level}`,
  };
}

const feeds = (from: string, to: string): GraphEdge => ({
  id: `${from} -> ${to}`,
  from,
  to,
  category: 'dataset',
  transforms: [],
  label: 'feeds',
  description: `${from} → ${to}: ${to} reads ${from}`,
});

/** Products in their domain boxes (domains before their products), one edge per pair. */
export function buildMeshMapModel(data: MeshMapData): LineageGraphModel {
  const products = [...data.products].sort((a, b) => a.domain.localeCompare(b.domain) || a.id.localeCompare(b.id));
  const known = new Set(products.map((p) => p.id));
  const nodes: GraphNode[] = [];
  let domain: string | undefined;
  for (const product of products) {
    if (product.domain !== domain) {
      domain = product.domain;
      nodes.push(domainBox(domain));
    }
    nodes.push(productNode(product));
  }
  const edges = new Map<string, GraphEdge>();
  for (const { from, to } of data.edges) {
    const edge = feeds(from, to);
    if (known.has(from) && known.has(to) && !edges.has(edge.id)) edges.set(edge.id, edge);
  }
  return { root: '', nodes, edges: [...edges.values()], hidden: data.hidden ? 1 : 0, truncated: false };
}

/** `1,000 products · 600 good, 300 fair, 90 poor, 10 unknown`: the counts in words. */
export function domainDetail(domain: DomainSummary): string {
  const bands = BANDS.map((band) => `${domain.health[band].toLocaleString('en')} ${band}`).join(', ');
  const parent = domain.parent === null ? '' : `in ${domain.parent} · `;
  return `${parent}${plural(domain.products, 'product')} · ${bands}`;
}

/** The band most of the domain's products are in (the worse one on a tie): its colour. */
export function domainLevel(domain: DomainSummary): HealthLevel {
  return BANDS.reduce((best, band) => (domain.health[band] >= domain.health[best] ? band : best), 'good');
}

const domainNode = (domain: DomainSummary): GraphNode => ({
  ...domainBox(domain.name),
  detail: domainDetail(domain),
  tone: `mesh-health-${domainLevel(domain)}`,
});

const folded = (from: string, to: string, count: number, reader: string, read: string): GraphEdge => ({
  id: `${from} -> ${to}`,
  from,
  to,
  category: 'dataset',
  transforms: [],
  label: plural(count, 'edge'),
  description: `${from} → ${to}: ${reader} reads ${read} (${plural(count, 'product edge')})`,
});

/** A large mesh: each domain one node, one edge per pair of domains with the product edges behind it. */
export function buildDomainMapModel(answer: MeshMapAnswer): LineageGraphModel {
  const nodes = answer.domains.map(domainNode);
  const edges = (answer.domainEdges ?? []).map((e) =>
    folded(e.from, e.to, e.edges, `products of ${e.to}`, `products of ${e.from}`),
  );
  return { root: '', nodes, edges, hidden: answer.hidden + answer.hiddenEdges, truncated: false };
}

/** One domain's products in its box; the domains it feeds or reads beside it, edges folded per product. */
export function buildDomainDrillModel(answer: MeshMapAnswer): LineageGraphModel {
  const inside = buildMeshMapModel(meshMapData(answer));
  const others = [...new Set((answer.crossEdges ?? []).map((e) => e.domain))].sort();
  const nodes = [
    ...inside.nodes,
    ...others.map((name): GraphNode => ({ ...domainBox(name), detail: 'another domain: select to open it' })),
  ];
  const cross = (answer.crossEdges ?? []).map((e) =>
    e.direction === 'downstream'
      ? folded(e.product, e.domain, e.edges, `products of ${e.domain}`, e.product)
      : folded(e.domain, e.product, e.edges, e.product, `products of ${e.domain}`),
  );
  return { ...inside, nodes, edges: [...inside.edges, ...cross] };
}

/** The model for whichever view the server answered. */
export function meshMapModel(answer: MeshMapAnswer): LineageGraphModel {
  if (answer.detail === 'domains') return buildDomainMapModel(answer);
  if (answer.detail === 'domain') return buildDomainDrillModel(answer);
  return buildMeshMapModel(meshMapData(answer));
}
