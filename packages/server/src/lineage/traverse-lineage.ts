/**
 * Breadth-first walks of the lineage graph, one direction at a time, up to a depth. Each node is
 * visited once (the graph's stamp array), so cycles from external events never loop; only what
 * is reached is allocated.
 *
 * Rules, going downstream (upstream mirrors them):
 * - a port or dataset feeds what its dataset edges reach (ports are not expanded into columns);
 * - a column feeds the columns its values flow into, and — through row edges — whole ports;
 * - where a column's port feeds a dataset whose column lineage is unknown (no run recorded it,
 *   or the extractor left gaps), the column reaches that dataset as a whole: a fallback edge,
 *   marked unresolved, so an impact is never missed for want of column lineage.
 * Going upstream, a column also depends on its port's row dependencies (they decide its rows).
 */
import { COLUMN, COLUMN_EDGE, DATASET_EDGE, ROW_EDGE, type LineageGraph } from './lineage-graph.js';

/** How a reached edge is shown: as stored, as a column's share of its port's row edge, or as a fallback. */
export const AS_STORED = 0;
export const ROW_OF_PORT = 1;
export const FALLBACK = 2;

export interface Traversal {
  /** Nodes reached, in breadth-first order (the starts first), and their distances. */
  readonly nodes: readonly number[];
  readonly distances: readonly number[];
  /** Per reached edge, four numbers: graph edge id, from node, to node (data flows from → to), shown-as. */
  readonly edges: readonly number[];
  readonly truncated: boolean;
}

export function traverse(
  graph: LineageGraph,
  starts: readonly number[],
  downstream: boolean,
  depth: number,
  maxNodes: number,
  columns: boolean,
  /** Record every reached edge (lineage), or only fallbacks (impact: it lists nodes, not edges). */
  allEdges = true,
): Traversal {
  const { stamp, dist, queue, epoch } = graph.scratch();
  let tail = 0;
  let truncated = false;
  const edges: number[] = [];
  const reach = (node: number, distance: number): boolean => {
    if (stamp[node] === epoch) return true;
    if (tail >= maxNodes) {
      truncated = true;
      return false;
    }
    stamp[node] = epoch;
    dist[node] = distance;
    queue[tail++] = node;
    return true;
  };
  const record = (edge: number, from: number, to: number, shownAs: number) => {
    if (allEdges || shownAs === FALLBACK) edges.push(edge, from, to, shownAs);
  };
  for (const start of starts) reach(start, 0);

  for (let head = 0; head < tail; head++) {
    const node = queue[head]!;
    const next = dist[node]! + 1;
    if (next > depth) continue;
    const isColumn = graph.kindOf(node) === COLUMN;
    const parent = isColumn ? graph.parentOf(node) : -1;
    // A column whose port is itself in the walk needs no port-level additions: the port has them.
    const viaPort = isColumn && parent >= 0 && stamp[parent] !== epoch;
    if (downstream) {
      for (const edge of graph.outEdges(node)) {
        const to = graph.edgeTo(edge);
        if (reach(to, next)) record(edge, node, to, AS_STORED);
      }
      if (viaPort) {
        for (const edge of graph.outEdges(parent)) {
          const to = graph.edgeTo(edge);
          if (graph.edgeKind(edge) === DATASET_EDGE && !graph.isResolved(to) && reach(to, next)) {
            record(edge, node, to, FALLBACK);
          }
        }
      }
    } else {
      for (const edge of graph.inEdges(node)) {
        const kind = graph.edgeKind(edge);
        // A port's row dependencies are column lineage: followed when the walk started at columns.
        if (!isColumn && kind === ROW_EDGE && !columns) continue;
        if (isColumn && kind !== COLUMN_EDGE) continue;
        const from = graph.edgeFrom(edge);
        if (reach(from, next)) record(edge, from, node, AS_STORED);
      }
      if (viaPort) {
        const resolved = graph.isResolved(parent);
        for (const edge of graph.inEdges(parent)) {
          const kind = graph.edgeKind(edge);
          if (kind === DATASET_EDGE && resolved) continue;
          const from = graph.edgeFrom(edge);
          if (reach(from, next)) record(edge, from, node, kind === ROW_EDGE ? ROW_OF_PORT : FALLBACK);
        }
      }
    }
  }
  return {
    nodes: Array.from(queue.subarray(0, tail)),
    distances: Array.from(queue.subarray(0, tail), (node) => dist[node]!),
    edges,
    truncated,
  };
}
