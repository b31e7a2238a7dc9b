/**
 * What the lineage graph draws, from one or more answers of the lineage API: the walk around the
 * node asked about, plus the column lineage of each port whose columns the viewer opened.
 * Containment is made explicit — a port sits in its product, a column in its port (or in its
 * dataset) — adding the containers an answer implies but does not list, because the API lists
 * only the nodes a walk reached. Parallel edges between the same two nodes (a column that is
 * both a join and a group key of a port) become one edge with every transform.
 */
import {
  ROW_TRANSFORMS,
  VALUE_TRANSFORMS,
  type LineageDatasetKind,
  type LineageEdge,
  type LineageNode,
  type LineageResult,
  type LineageTransform,
} from './lineage-types.js';

/** `domain`: a box of products, drawn by the mesh map (src/mesh-map/) only. */
export type GraphNodeKind = 'domain' | 'product' | 'port' | 'dataset' | 'column';

export interface GraphNode {
  /** The node's reference (what lineage and impact take); unique in the graph. */
  readonly id: string;
  readonly kind: GraphNodeKind;
  /** Short text to draw: the product id, `orders@2`, the column or the file's name. */
  readonly label: string;
  /** The container: a port's product, a column's port or dataset. */
  readonly parentId?: string;
  /** The product it belongs to, to open its page. */
  readonly productId?: string;
  /** A dataset's kind: a pipeline's file or database input, or an external dataset. */
  readonly datasetKind?: LineageDatasetKind;
  /** Hops from the node asked about (from the main walk only). */
  readonly upstream?: number;
  readonly downstream?: number;
  /** The node asked about. */
  readonly root: boolean;
  /** Why its lineage is incomplete. */
  readonly unresolved?: string;
  /** A container no answer listed, drawn so that what it contains has a place. */
  readonly implied: boolean;
  /** A port whose columns the viewer asked to see. */
  readonly columnsShown: boolean;
  /** A second line under the label (the mesh map: archetype and health). */
  readonly detail?: string;
  /** A class added to the node's box, to colour it (the mesh map: `health-good`). */
  readonly tone?: string;
}

/** `value`: the output's values come from the input; `row`: the input decides which rows. */
export type EdgeCategory = 'dataset' | 'value' | 'row';

export interface GraphEdge {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly category: EdgeCategory;
  readonly transforms: readonly LineageTransform[];
  /** Set when the dependency stands in for column lineage nobody could resolve: why. */
  readonly unresolved?: string;
  /** What to show on the edge: `aggregate`, `row: join, group`, `feeds`. */
  readonly label: string;
  /** The whole story for a tooltip and screen readers. */
  readonly description: string;
}

export interface LineageGraphModel {
  readonly root: string;
  /** Containers before what they contain (React Flow needs parents first). */
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  /** Nodes the server left out because the viewer may not discover their products. */
  readonly hidden: number;
  readonly truncated: boolean;
}

const VALUE: ReadonlySet<string> = new Set(VALUE_TRANSFORMS);
const ROW: ReadonlySet<string> = new Set(ROW_TRANSFORMS);
const FALLBACK_LABEL: Readonly<Record<EdgeCategory, string>> = { dataset: 'feeds', value: 'value', row: 'row' };

/**
 * @param results the main walk first (its distances are the ones shown), then the column walks.
 * @param portsWithColumns the ports whose columns the viewer opened.
 */
export function buildLineageGraph(
  results: readonly LineageResult[],
  portsWithColumns: ReadonlySet<string> = new Set(),
): LineageGraphModel {
  const [main] = results;
  if (!main) return { root: '', nodes: [], edges: [], hidden: 0, truncated: false };
  const nodes = new Map<string, GraphNode>();
  const add = (node: LineageNode, fromMain: boolean) => {
    if (nodes.has(node.ref)) return;
    nodes.set(node.ref, graphNode(node, main.ref, fromMain, portsWithColumns));
  };
  for (const node of main.nodes) add(node, true);
  for (const result of results.slice(1)) for (const node of result.nodes) add(node, false);
  addImpliedContainers(nodes, portsWithColumns);

  return {
    root: main.ref,
    nodes: containersFirst([...nodes.values()]),
    edges: mergeEdges(
      results.flatMap((r) => r.edges),
      nodes,
    ),
    hidden: Math.max(...results.map((r) => r.hidden)),
    truncated: results.some((r) => r.truncated),
  };
}

function graphNode(
  node: LineageNode,
  root: string,
  fromMain: boolean,
  portsWithColumns: ReadonlySet<string>,
): GraphNode {
  const kind: GraphNodeKind = node.kind;
  const parentId = parentOf(node);
  return {
    id: node.ref,
    kind,
    label: labelOf(node),
    ...(parentId === undefined ? {} : { parentId }),
    ...(node.productId === undefined ? {} : { productId: node.productId }),
    ...(node.kind === 'dataset' && node.dataset ? { datasetKind: node.dataset.kind } : {}),
    ...(fromMain && node.upstream !== undefined ? { upstream: node.upstream } : {}),
    ...(fromMain && node.downstream !== undefined ? { downstream: node.downstream } : {}),
    root: node.ref === root,
    ...(node.unresolved === undefined ? {} : { unresolved: node.unresolved }),
    implied: false,
    columnsShown: kind === 'port' && portsWithColumns.has(node.ref),
  };
}

/** A port's reference as the API writes it: `sales.orders.orders@2`. */
export function portRef(productId: string, port: string, major: number): string {
  return `${productId}.${port}@${major}`;
}

function parentOf(node: LineageNode): string | undefined {
  if (node.kind === 'port') return node.productId;
  if (node.kind !== 'column') return undefined;
  if (node.productId !== undefined && node.port !== undefined && node.major !== undefined) {
    return portRef(node.productId, node.port, node.major);
  }
  // A column of a dataset is `<dataset ref>#<column>`.
  const suffix = `#${node.column ?? ''}`;
  return node.dataset && node.ref.endsWith(suffix) ? node.ref.slice(0, -suffix.length) : undefined;
}

function labelOf(node: LineageNode): string {
  switch (node.kind) {
    case 'product':
      return node.productId ?? node.ref;
    case 'port':
      return node.port !== undefined && node.major !== undefined ? `${node.port}@${node.major}` : node.ref;
    case 'column':
      return node.column ?? node.ref;
    case 'dataset':
      return datasetLabel(node.dataset?.name ?? node.ref);
  }
}

/** A file's name without its folders; other datasets as named. */
function datasetLabel(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1) || name;
}

/** Ports of the columns, products of the ports, datasets of the dataset columns, when not listed. */
function addImpliedContainers(nodes: Map<string, GraphNode>, portsWithColumns: ReadonlySet<string>): void {
  // Columns first (their ports may be implied), then ports (their products may be).
  for (const kind of ['column', 'port'] as const) {
    for (const node of [...nodes.values()]) {
      if (node.kind !== kind || node.parentId === undefined || nodes.has(node.parentId)) continue;
      nodes.set(node.parentId, impliedContainer(node, portsWithColumns));
    }
  }
}

function impliedContainer(child: GraphNode, portsWithColumns: ReadonlySet<string>): GraphNode {
  const id = child.parentId ?? '';
  const base = { id, root: false, implied: true } as const;
  if (child.kind === 'port') {
    return { ...base, kind: 'product', label: id, productId: id, columnsShown: false };
  }
  if (child.productId === undefined) {
    // A pipeline's file input is `file:<path>`; other datasets do not say their kind in the ref.
    const file = id.startsWith('file:');
    return {
      ...base,
      kind: 'dataset',
      label: datasetLabel(file ? id.slice('file:'.length) : id),
      ...(file ? { datasetKind: 'file' as const } : {}),
      columnsShown: false,
    };
  }
  const at = id.lastIndexOf('@');
  const port = id.slice(child.productId.length + 1, at);
  return {
    ...base,
    kind: 'port',
    label: `${port}@${id.slice(at + 1)}`,
    parentId: child.productId,
    productId: child.productId,
    columnsShown: portsWithColumns.has(id),
  };
}

/** Depth-first from the top-level nodes, in the order the API gave them. */
function containersFirst(nodes: readonly GraphNode[]): GraphNode[] {
  const children = new Map<string, GraphNode[]>();
  const top: GraphNode[] = [];
  for (const node of nodes) {
    if (node.parentId === undefined) top.push(node);
    else children.set(node.parentId, [...(children.get(node.parentId) ?? []), node]);
  }
  const ordered: GraphNode[] = [];
  const visit = (node: GraphNode) => {
    ordered.push(node);
    for (const child of children.get(node.id) ?? []) visit(child);
  };
  for (const node of top) visit(node);
  return ordered;
}

function mergeEdges(edges: readonly LineageEdge[], nodes: ReadonlyMap<string, GraphNode>): GraphEdge[] {
  const merged = new Map<string, LineageEdge[]>();
  for (const edge of edges) {
    // An edge to a node the viewer may not see is never sent; this guards a partial answer.
    if (!nodes.has(edge.from) || !nodes.has(edge.to)) continue;
    const id = `${edge.from} -> ${edge.to}`;
    merged.set(id, [...(merged.get(id) ?? []), edge]);
  }
  return [...merged].map(([id, group]) => graphEdge(id, group));
}

function graphEdge(id: string, group: readonly LineageEdge[]): GraphEdge {
  const [first] = group as [LineageEdge, ...LineageEdge[]];
  const transforms = [...new Set(group.flatMap((e) => (e.transform ? [e.transform] : [])))];
  const values = transforms.filter((t) => VALUE.has(t));
  const rows = transforms.filter((t) => ROW.has(t));
  const category: EdgeCategory =
    values.length > 0 || group.some((e) => e.kind === 'column' && !e.transform)
      ? 'value'
      : rows.length > 0 || group.some((e) => e.kind === 'row')
        ? 'row'
        : 'dataset';
  const unresolved = group.find((e) => e.unresolved !== undefined)?.unresolved;
  const parts = [
    ...(values.length > 0 ? [values.join(', ')] : []),
    ...(rows.length > 0 ? [`row: ${rows.join(', ')}`] : []),
  ];
  const what = parts.join('; ') || FALLBACK_LABEL[category];
  const label = unresolved === undefined ? what : `unresolved · ${what}`;
  const description = `${first.from} → ${first.to}: ${label}${unresolved === undefined ? '' : ` (${unresolved})`}`;
  return {
    id,
    from: first.from,
    to: first.to,
    category,
    transforms,
    ...(unresolved === undefined ? {} : { unresolved }),
    label,
    description,
  };
}
