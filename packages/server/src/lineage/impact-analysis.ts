/**
 * `impact(ref)`: what a change to a node would affect — every downstream port, product, column
 * and external dataset with its distance, then the consumers: agreements in force on every
 * affected port, who queried every affected product lately, and the teams that own the
 * downstream products. The node's own port counts (distance 0): its consumers are the first hit.
 *
 * Who consumes a product is shown only to callers who may see it (those who may approve access
 * to it, as on the product page); for the others, counts. Products the caller may not discover
 * are left out entirely and counted in `hidden`.
 */
import type { AgreementRecord } from '../metadata/agreement-types.js';
import type { MetadataStore } from '../metadata/metadata-store.js';
import { COLUMN, DATASET, PORT, type LineageGraph } from './lineage-graph.js';
import type { ImpactResult } from './impact-types.js';
import type { LineageAccess } from './lineage-view-types.js';
import { nodeView, unknownColumnsReason } from './lineage-views.js';
import { nodeVisibility } from './node-visibility.js';
import { MAX_DEPTH, startNodes } from './query-lineage.js';
import { resolveLineageRef } from './resolve-lineage-ref.js';
import { FALLBACK, traverse } from './traverse-lineage.js';

export interface ImpactOptions {
  readonly access?: LineageAccess;
  /** The owner team of a product (from the model). */
  readonly ownerOf?: (productId: string) => string | undefined;
  readonly now?: Date;
  /** Queriers of the last this many days (default 30). */
  readonly recentDays?: number;
  /** Stop the walk after this many nodes (default: no limit in practice). */
  readonly maxNodes?: number;
}

const DAY = 86_400_000;
const AGREEMENT_BATCH = 1000;

/** The graph part of impact: synchronous, from memory (the benchmark measures this). */
export function downstreamImpact(
  graph: LineageGraph,
  ref: string,
  options: Pick<ImpactOptions, 'access' | 'maxNodes'> = {},
): Omit<ImpactResult, 'consumers'> {
  const visible = nodeVisibility(graph, options.access);
  const start = resolveLineageRef(graph, ref, visible);
  const maxNodes = options.maxNodes ?? 10_000_000;
  const walk = traverse(graph, startNodes(graph, start, true), true, MAX_DEPTH, maxNodes, true, false);
  const ports = new Map<number, number>();
  const datasets = new Map<number, number>();
  const columns: ImpactResult['columns'][number][] = [];
  const unresolved = new Map<string, string>();
  const nearest = (map: Map<number, number>, node: number, distance: number) => {
    const known = map.get(node);
    if (known === undefined || distance < known) map.set(node, distance);
  };
  // Counted per product (or dataset) left out: "2 affected products you may not see".
  const hidden = new Set<number>();
  walk.nodes.forEach((node, i) => {
    const distance = walk.distances[i]!;
    if (!visible(node)) {
      const product = graph.productOf(node);
      hidden.add(product >= 0 ? product : graph.kindOf(node) === COLUMN ? graph.parentOf(node) : node);
      return;
    }
    const note = graph.noteOf(node);
    if (note !== undefined) unresolved.set(graph.refOf(node), note);
    const kind = graph.kindOf(node);
    if (kind === PORT) nearest(ports, node, distance);
    else if (kind === DATASET) nearest(datasets, node, distance);
    else if (kind === COLUMN) {
      const parent = graph.parentOf(node);
      const ofPort = graph.kindOf(parent) === PORT;
      columns.push({
        ref: graph.refOf(node),
        ...(ofPort
          ? { productId: graph.refOf(graph.parentOf(parent)), port: graph.nameOf(parent), major: graph.majorOf(parent) }
          : { dataset: graph.nameOf(parent) }),
        column: graph.nameOf(node),
        distance,
      });
      nearest(ofPort ? ports : datasets, parent, distance);
    }
  });
  for (let i = 0; i < walk.edges.length; i += 4) {
    if (walk.edges[i + 3] !== FALLBACK) continue;
    const to = walk.edges[i + 2]!;
    const target = graph.kindOf(to) === COLUMN ? graph.parentOf(to) : to;
    if (visible(target)) unresolved.set(graph.refOf(target), unknownColumnsReason(graph, target));
  }
  const byDistance = <T extends { distance: number; ref: string }>(a: T, b: T) =>
    a.distance - b.distance || (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0);
  const portList = [...ports].map(([node, distance]) => {
    const { ref: portRef, productId, port, major } = nodeView(graph, node);
    return { ref: portRef, productId: productId!, port: port!, major: major!, distance };
  });
  const products = new Map<string, number>();
  for (const port of portList) {
    const known = products.get(port.productId);
    if (known === undefined || port.distance < known) products.set(port.productId, port.distance);
  }
  return {
    ref: graph.refOf(start),
    node: nodeView(graph, start),
    products: [...products]
      .map(([productId, distance]) => ({ ref: productId, productId, distance }))
      .sort(byDistance)
      .map(({ productId, distance }) => ({ productId, distance })),
    ports: portList.sort(byDistance),
    columns: columns.sort(byDistance),
    datasets: [...datasets]
      .map(([node, distance]) => ({ ref: graph.refOf(node), kind: graph.datasetKindOf(node), distance }))
      .sort(byDistance),
    unresolved: [...unresolved].map(([nodeRef, reason]) => ({ ref: nodeRef, reason })),
    hidden: hidden.size,
    truncated: walk.truncated,
  };
}

/** The whole impact: the graph part, then the consumers from the store. */
export async function analyzeImpact(
  graph: LineageGraph,
  store: MetadataStore,
  ref: string,
  options: ImpactOptions = {},
): Promise<ImpactResult> {
  const impact = downstreamImpact(graph, ref, options);
  const now = options.now ?? new Date();
  const since = new Date(now.getTime() - (options.recentDays ?? 30) * DAY);
  const mayList = (productId: string) => options.access?.seeConsumers(productId) ?? true;
  const startProduct = impact.node.productId;
  const affectedPorts = new Set(impact.ports.map((p) => `${p.productId}\n${p.port}\n${p.major}`));
  const productIds = impact.products.map((p) => p.productId);

  const agreements = (await approvedAgreements(store, productIds)).filter(
    (a) =>
      affectedPorts.has(`${a.productId}\n${a.port}\n${a.major}`) &&
      Date.parse(a.startsAt) <= now.getTime() &&
      now.getTime() < Date.parse(a.endsAt),
  );
  const withheld = new Map<string, { activeAgreements: number; queriers: number }>();
  const withhold = (productId: string) => {
    let counts = withheld.get(productId);
    if (!counts) withheld.set(productId, (counts = { activeAgreements: 0, queriers: 0 }));
    return counts;
  };
  const listedAgreements: ImpactResult['consumers']['agreements'][number][] = [];
  for (const a of agreements) {
    if (!mayList(a.productId)) withhold(a.productId).activeAgreements += 1;
    else
      listedAgreements.push({
        id: a.id,
        principalId: a.principalId,
        productId: a.productId,
        port: a.port,
        major: a.major,
        purpose: a.purpose,
        startsAt: a.startsAt,
        endsAt: a.endsAt,
      });
  }
  const queriers: ImpactResult['consumers']['queriers'][number][] = [];
  for (const productId of productIds) {
    const usage = await store.summarizeQueryUsage(productId, since);
    if (!mayList(productId)) {
      if (usage.length > 0) withhold(productId).queriers += usage.length;
      continue;
    }
    for (const u of usage) {
      queriers.push({
        principalId: u.principalId,
        productId,
        queries: u.queries,
        lastQueryAt: u.lastQueryAt,
        purposes: [...u.purposes],
      });
    }
  }
  const owners = new Map<string, string[]>();
  for (const productId of productIds) {
    if (productId === startProduct) continue;
    const team = options.ownerOf?.(productId);
    if (team !== undefined) owners.set(team, [...(owners.get(team) ?? []), productId]);
  }
  return {
    ...impact,
    consumers: {
      since: since.toISOString(),
      agreements: listedAgreements,
      queriers,
      owners: [...owners]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([team, products]) => ({ team, products })),
      withheld: [...withheld].map(([productId, counts]) => ({
        productId,
        ...counts,
        reason: 'only those who may approve access to the product see who consumes it',
      })),
    },
  };
}

/** Approved agreements of the products, a thousand products per query, every page. */
async function approvedAgreements(store: MetadataStore, productIds: readonly string[]): Promise<AgreementRecord[]> {
  const found: AgreementRecord[] = [];
  for (let i = 0; i < productIds.length; i += AGREEMENT_BATCH) {
    const batch = productIds.slice(i, i + AGREEMENT_BATCH);
    let after: string | undefined;
    do {
      const page = await store.listAgreements({ productIds: batch, status: 'approved', limit: 1000, after });
      found.push(...page.items);
      after = page.next;
    } while (after !== undefined);
  }
  return found;
}
