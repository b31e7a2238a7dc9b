/**
 * `lineage(ref, options)`: the nodes and edges around one node, upstream, downstream or both,
 * as the caller may see them. Nodes of products the caller may not discover are walked through
 * (what lies beyond them is still shown) but left out, with the edges that touch them, and
 * counted in `hidden`; the node asked about must itself be discoverable, else it is unknown.
 */
import { InputError } from '@meshwork/core';
import { COLUMN, DATASET, PORT, PRODUCT, type LineageGraph } from './lineage-graph.js';
import { edgeView, nodeView, type MutableNodeView } from './lineage-views.js';
import type {
  LineageAccess,
  LineageDirection,
  LineageEdgeView,
  LineageQueryOptions,
  LineageResult,
} from './lineage-view-types.js';
import { nodeVisibility } from './node-visibility.js';
import { resolveLineageRef } from './resolve-lineage-ref.js';
import { traverse } from './traverse-lineage.js';

export const DEFAULT_DEPTH = 10;
export const MAX_DEPTH = 50;
export const DEFAULT_MAX_NODES = 10_000;
const DIRECTIONS: readonly LineageDirection[] = ['upstream', 'downstream', 'both'];

export function queryLineage(
  graph: LineageGraph,
  ref: string,
  options: LineageQueryOptions = {},
  access?: LineageAccess,
): LineageResult {
  const { direction, depth, maxNodes } = checkOptions(options);
  const visible = nodeVisibility(graph, access);
  const start = resolveLineageRef(graph, ref, visible);
  const columns = options.columns === true || graph.kindOf(start) === COLUMN;
  const starts = startNodes(graph, start, columns);

  const views = new Map<number, MutableNodeView>();
  const edges = new Map<string, LineageEdgeView>();
  let hidden = 0;
  let truncated = false;
  const view = (node: number) => {
    let found = views.get(node);
    if (!found && visible(node)) views.set(node, (found = nodeView(graph, node)));
    return found;
  };
  view(start);
  const seenHidden = new Set<number>();
  for (const downstream of direction === 'both' ? [false, true] : [direction === 'downstream']) {
    const walk = traverse(graph, starts, downstream, depth, maxNodes, columns);
    truncated ||= walk.truncated;
    walk.nodes.forEach((node, i) => {
      const found = view(node);
      if (!found) {
        if (!seenHidden.has(node)) hidden += 1;
        seenHidden.add(node);
        return;
      }
      if (downstream) found.downstream ??= walk.distances[i]!;
      else found.upstream ??= walk.distances[i]!;
    });
    for (let i = 0; i < walk.edges.length; i += 4) {
      const [edge, from, to, shownAs] = [walk.edges[i]!, walk.edges[i + 1]!, walk.edges[i + 2]!, walk.edges[i + 3]!];
      if (!visible(from) || !visible(to)) continue;
      const shown = edgeView(graph, edge, from, to, shownAs);
      const key = `${shown.from}\n${shown.to}\n${shown.kind}\n${shown.transform ?? ''}\n${shown.source}`;
      if (!edges.has(key)) edges.set(key, shown);
    }
  }
  const node = views.get(start)!;
  if (direction !== 'downstream') node.upstream ??= 0;
  if (direction !== 'upstream') node.downstream ??= 0;
  return {
    ref: graph.refOf(start),
    node,
    direction,
    depth,
    columns,
    nodes: [...views.values()],
    edges: [...edges.values()],
    hidden,
    truncated,
  };
}

/** What a walk starts from: a product's ports, a port or dataset (with its columns when asked), a column. */
export function startNodes(graph: LineageGraph, start: number, columns: boolean): number[] {
  const kind = graph.kindOf(start);
  const withColumns = (node: number) => [
    node,
    ...(columns ? graph.childrenOf(node).filter((c) => graph.kindOf(c) === COLUMN) : []),
  ];
  if (kind === PRODUCT) {
    return graph
      .childrenOf(start)
      .filter((c) => graph.kindOf(c) === PORT)
      .flatMap(withColumns);
  }
  if (kind === PORT || kind === DATASET) return withColumns(start);
  return [start];
}

function checkOptions(options: LineageQueryOptions): {
  direction: LineageDirection;
  depth: number;
  maxNodes: number;
} {
  const direction = options.direction ?? 'both';
  if (!DIRECTIONS.includes(direction)) {
    throw new InputError('MW8823', `direction must be upstream, downstream or both; got ${JSON.stringify(direction)}`);
  }
  const depth = options.depth ?? DEFAULT_DEPTH;
  if (!Number.isInteger(depth) || depth < 1 || depth > MAX_DEPTH) {
    throw new InputError('MW8823', `depth must be a whole number from 1 to ${MAX_DEPTH}; got ${String(options.depth)}`);
  }
  const maxNodes = options.maxNodes ?? DEFAULT_MAX_NODES;
  if (!Number.isInteger(maxNodes) || maxNodes < 1) {
    throw new InputError('MW8823', `maxNodes must be a positive whole number; got ${String(options.maxNodes)}`);
  }
  return { direction, depth, maxNodes };
}
