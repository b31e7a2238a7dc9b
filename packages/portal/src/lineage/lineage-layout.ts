/**
 * Where each node of the lineage graph goes: the model as an ELK graph (layered, left to right,
 * so data flows from left to right), products and datasets as boxes holding their ports, ports
 * shown with their columns as boxes holding them; edges cross the boxes (ELK's
 * INCLUDE_CHILDREN). ELK answers each box relative to its container, which is how React Flow
 * places a node inside its parent. Sizes are estimated from the labels' lengths: the layout
 * runs before anything is drawn, so nothing can be measured.
 */
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import type { GraphNode, LineageGraphModel } from './lineage-graph-model.js';

/** A node's place, relative to its container (or the graph for a top-level node). */
export interface NodeBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Runs ELK on a graph: in a Web Worker in the browser (elk-engine.ts), in-process in tests. */
export type ElkLayout = (graph: ElkNode) => Promise<ElkNode>;

/** Pixels per character of a label (0.85rem system font, generous so text rarely clips). */
const CHAR = 7.6;
const COLUMN_HEIGHT = 28;
const SIZES = {
  domain: { header: 40, minWidth: 180 },
  product: { header: 40, minWidth: 180 },
  dataset: { header: 46, minWidth: 180 },
  port: { header: 62, minWidth: 190 },
} as const;

export const ROOT_LAYOUT_OPTIONS: Readonly<Record<string, string>> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.layered.spacing.nodeNodeBetweenLayers': '70',
  'elk.spacing.nodeNode': '24',
  'elk.padding': '[top=12,left=12,bottom=12,right=12]',
};

/** The height of a node's second line (`detail`). */
const DETAIL_HEIGHT = 20;

/** Nodes above which the layout trades a little crossing minimisation for time. */
const LARGE_GRAPH = 200;

const textWidth = (text: string, extra: number) => Math.ceil(text.length * CHAR + extra);

export function toElkGraph(model: LineageGraphModel): ElkNode {
  const children = new Map<string | undefined, GraphNode[]>();
  for (const node of model.nodes) children.set(node.parentId, [...(children.get(node.parentId) ?? []), node]);
  const elkNode = (node: GraphNode): ElkNode => {
    const inner = children.get(node.id) ?? [];
    if (node.kind === 'column') return { id: node.id, width: textWidth(node.label, 24), height: COLUMN_HEIGHT };
    const size = SIZES[node.kind];
    // The label follows its kind (`PRODUCT`, `PORT`, `FILE`) on one line.
    const minWidth = Math.max(
      size.minWidth,
      textWidth(node.label, 90),
      node.detail === undefined ? 0 : textWidth(node.detail, 24),
    );
    if (inner.length === 0) {
      return { id: node.id, width: minWidth, height: size.header + (node.detail === undefined ? 0 : DETAIL_HEIGHT) };
    }
    // Columns of one port share one width, so they line up as a list.
    const columnWidth = Math.max(
      minWidth - 20,
      ...inner.filter((c) => c.kind === 'column').map((c) => textWidth(c.label, 24)),
    );
    return {
      id: node.id,
      layoutOptions: {
        'elk.padding': `[top=${size.header},left=10,bottom=10,right=10]`,
        'elk.nodeSize.constraints': '[MINIMUM_SIZE]',
        'elk.nodeSize.minimum': `(${minWidth}, ${size.header + 10})`,
        'elk.spacing.nodeNode': node.kind === 'port' ? '6' : '16',
      },
      children: inner.map((child) =>
        child.kind === 'column' ? { id: child.id, width: columnWidth, height: COLUMN_HEIGHT } : elkNode(child),
      ),
    };
  };
  const parents = new Map(model.nodes.map((n) => [n.id, n.parentId]));
  const contains = (outer: string, inner: string) => {
    for (let at = parents.get(inner); at !== undefined; at = parents.get(at)) if (at === outer) return true;
    return false;
  };
  const edges: ElkExtendedEdge[] = model.edges
    // ELK rejects an edge between a node and its own container; React Flow still draws it.
    .filter((e) => e.from !== e.to && !contains(e.from, e.to) && !contains(e.to, e.from))
    .map((e) => ({ id: e.id, sources: [e.from], targets: [e.to] }));
  return {
    id: '__lineage_root__',
    layoutOptions: {
      ...ROOT_LAYOUT_OPTIONS,
      // Crossing minimisation dominates on wide graphs (two 500-column ports: ~7 s at ELK's
      // default of 7 sweeps, about half at 3), where a crossing more matters less.
      'elk.layered.thoroughness': model.nodes.length > LARGE_GRAPH ? '3' : '7',
    },
    children: (children.get(undefined) ?? []).map(elkNode),
    edges,
  };
}

/** Every node's box from ELK's answer, relative to its container. */
export function boxesOf(laidOut: ElkNode): Map<string, NodeBox> {
  const boxes = new Map<string, NodeBox>();
  const visit = (node: ElkNode) => {
    for (const child of node.children ?? []) {
      boxes.set(child.id, { x: child.x ?? 0, y: child.y ?? 0, width: child.width ?? 0, height: child.height ?? 0 });
      visit(child);
    }
  };
  visit(laidOut);
  return boxes;
}

export async function layoutLineage(model: LineageGraphModel, elk: ElkLayout): Promise<Map<string, NodeBox>> {
  return boxesOf(await elk(toElkGraph(model)));
}
