/**
 * The lineage graph's storage: integer node ids with their attributes in typed columns, edges in
 * typed columns, and adjacency in both directions as one small array of edge ids per node — so
 * a product's edges can be replaced when its next run records new lineage, without rebuilding
 * the graph. Queries (traverse-lineage.ts) reuse the scratch arrays here and allocate only for
 * what they reach.
 *
 * Every edge belongs to an owner (the model, one product's pipeline lineage, OpenLineage
 * events); replacing a product's lineage drops exactly its owner's edges, notes and marks.
 * Nodes are never removed: a column that disappeared keeps its node, without edges.
 */
import { ROW_TRANSFORMS, VALUE_TRANSFORMS, type LineageTransform } from '@meshwork/core';
import { IntColumn } from './int-column.js';
import type { LineageDatasetKind, LineageEdgeKind, LineageEdgeSource, LineageNodeKind } from './lineage-view-types.js';

export const NODE_KINDS: readonly LineageNodeKind[] = ['product', 'port', 'column', 'dataset'];
export const [PRODUCT, PORT, COLUMN, DATASET] = [0, 1, 2, 3] as const;
export const DATASET_KINDS: readonly LineageDatasetKind[] = ['external', 'file', 'database'];
export const EDGE_KINDS: readonly LineageEdgeKind[] = ['dataset', 'column', 'row'];
export const [DATASET_EDGE, COLUMN_EDGE, ROW_EDGE] = [0, 1, 2] as const;
export const EDGE_SOURCES: readonly LineageEdgeSource[] = ['model', 'pipeline', 'openlineage'];
export const TRANSFORMS: readonly LineageTransform[] = [...VALUE_TRANSFORMS, ...ROW_TRANSFORMS];

/** The port's (or dataset's) column lineage is known: column-level traversal needs no fallback. */
const RESOLVED = 1;
/** The port is an output port of the model (not only named by recorded lineage). */
const IN_MODEL = 2;
const DEAD = -1;

export interface Scratch {
  readonly stamp: Int32Array;
  readonly dist: Int32Array;
  readonly queue: Int32Array;
  readonly epoch: number;
}

export class LineageGraph {
  readonly #kind = new IntColumn();
  readonly #parent = new IntColumn();
  readonly #major = new IntColumn();
  readonly #datasetKind = new IntColumn();
  readonly #flags = new IntColumn();
  readonly #refs: string[] = [];
  readonly #names: string[] = [];
  readonly #namespaces = new Map<number, string>();
  readonly #notes = new Map<number, string>();
  readonly #children: (number[] | undefined)[] = [];
  readonly #byRef = new Map<string, number>();
  readonly #productNodes: number[] = [];
  readonly #datasetNodes: number[] = [];

  readonly #from = new IntColumn(4096);
  readonly #to = new IntColumn(4096);
  /** kind | source << 2 | (transform + 1) << 4 */
  readonly #meta = new IntColumn(4096);
  readonly #owner = new IntColumn(4096);
  readonly #out: (number[] | undefined)[] = [];
  readonly #in: (number[] | undefined)[] = [];
  readonly #freeEdges: number[] = [];
  #liveEdges = 0;
  /** Bumped by every edge change: derived indexes (the mesh map's) rebuild when it moved. */
  #revision = 0;

  readonly #owners = new Map<string, number>();
  readonly #ownerEdges: number[][] = [];
  readonly #ownerMarks: number[][] = [];

  #stamp = new Int32Array(0);
  #dist = new Int32Array(0);
  #queue = new Int32Array(0);
  #epoch = 0;

  get nodeCount(): number {
    return this.#refs.length;
  }
  get edgeCount(): number {
    return this.#liveEdges;
  }
  get revision(): number {
    return this.#revision;
  }

  // ── nodes ──────────────────────────────────────────────────────────────────────────────────

  productNode(productId: string): number {
    return this.#byRef.get(productId) ?? this.#addNode(PRODUCT, -1, productId, productId);
  }

  /** `inModel` marks an output port the workspace declares (the "current major" is chosen among those). */
  portNode(productId: string, port: string, major: number, inModel = false): number {
    const ref = `${productId}.${port}@${major}`;
    let node = this.#byRef.get(ref);
    if (node === undefined) {
      node = this.#addNode(PORT, this.productNode(productId), ref, port);
      this.#major.set(node, major);
    }
    if (inModel) this.#flags.set(node, this.#flags.get(node) | IN_MODEL);
    return node;
  }

  /** A column of a port (`<port ref>.<column>`) or of a dataset (`<dataset ref>#<column>`). */
  columnNode(parent: number, column: string): number {
    const separator = this.#kind.get(parent) === PORT ? '.' : '#';
    const ref = `${this.#refs[parent]!}${separator}${column}`;
    return this.#byRef.get(ref) ?? this.#addNode(COLUMN, parent, ref, column);
  }

  /** External datasets are `<namespace>/<name>`; pipeline inputs `file:<path>` and `postgres:<connection>/<table>`. */
  datasetNode(kind: LineageDatasetKind, namespace: string | undefined, name: string): number {
    const ref =
      kind === 'external' ? `${namespace ?? ''}/${name}` : kind === 'file' ? `file:${name}` : `postgres:${name}`;
    let node = this.#byRef.get(ref);
    if (node === undefined) {
      node = this.#addNode(DATASET, -1, ref, name);
      this.#datasetKind.set(node, DATASET_KINDS.indexOf(kind));
      if (namespace !== undefined) this.#namespaces.set(node, namespace);
    }
    return node;
  }

  find(ref: string): number | undefined {
    return this.#byRef.get(ref);
  }

  kindOf(node: number): number {
    return this.#kind.get(node);
  }
  parentOf(node: number): number {
    return this.#parent.get(node);
  }
  refOf(node: number): string {
    return this.#refs[node]!;
  }
  /** The product id, port name, column name or dataset name. */
  nameOf(node: number): string {
    return this.#names[node]!;
  }
  majorOf(node: number): number {
    return this.#major.get(node);
  }
  datasetKindOf(node: number): LineageDatasetKind {
    return DATASET_KINDS[this.#datasetKind.get(node)]!;
  }
  namespaceOf(node: number): string | undefined {
    return this.#namespaces.get(node);
  }
  childrenOf(node: number): readonly number[] {
    return this.#children[node] ?? [];
  }
  isResolved(node: number): boolean {
    return (this.#flags.get(node) & RESOLVED) !== 0;
  }
  inModel(node: number): boolean {
    return (this.#flags.get(node) & IN_MODEL) !== 0;
  }
  noteOf(node: number): string | undefined {
    return this.#notes.get(node);
  }
  /** The product node a node belongs to, or -1 for datasets and their columns. */
  productOf(node: number): number {
    let current = node;
    while (current >= 0 && this.#kind.get(current) !== PRODUCT) current = this.#parent.get(current);
    return current;
  }
  /** Product nodes, in the order they were added. */
  productNodes(): readonly number[] {
    return this.#productNodes;
  }
  datasetNodes(): readonly number[] {
    return this.#datasetNodes;
  }

  // ── edges ──────────────────────────────────────────────────────────────────────────────────

  /** Adds an edge unless the owner already has the same one (events repeat the same lineage). */
  addEdge(
    from: number,
    to: number,
    kind: number,
    transform: LineageTransform | undefined,
    source: number,
    owner: number,
  ): void {
    if (from === to) return;
    const meta = kind | (source << 2) | ((transform === undefined ? 0 : TRANSFORMS.indexOf(transform) + 1) << 4);
    const out = (this.#out[from] ??= []);
    for (const edge of out) {
      if (this.#to.get(edge) === to && this.#meta.get(edge) === meta && this.#owner.get(edge) === owner) return;
    }
    let edge = this.#freeEdges.pop();
    if (edge === undefined) {
      edge = this.#from.push(from);
      this.#to.push(to);
      this.#meta.push(meta);
      this.#owner.push(owner);
    } else {
      this.#from.set(edge, from);
      this.#to.set(edge, to);
      this.#meta.set(edge, meta);
      this.#owner.set(edge, owner);
    }
    out.push(edge);
    (this.#in[to] ??= []).push(edge);
    this.#ownerEdges[owner]!.push(edge);
    this.#liveEdges += 1;
    this.#revision += 1;
  }

  outEdges(node: number): readonly number[] {
    return this.#out[node] ?? [];
  }
  inEdges(node: number): readonly number[] {
    return this.#in[node] ?? [];
  }
  edgeFrom(edge: number): number {
    return this.#from.get(edge);
  }
  edgeTo(edge: number): number {
    return this.#to.get(edge);
  }
  edgeKind(edge: number): number {
    return this.#meta.get(edge) & 3;
  }
  edgeSource(edge: number): number {
    return (this.#meta.get(edge) >> 2) & 3;
  }
  edgeTransform(edge: number): LineageTransform | undefined {
    const index = this.#meta.get(edge) >> 4;
    return index === 0 ? undefined : TRANSFORMS[index - 1];
  }

  // ── owners, marks and notes ────────────────────────────────────────────────────────────────

  owner(key: string): number {
    let owner = this.#owners.get(key);
    if (owner === undefined) {
      owner = this.#ownerEdges.length;
      this.#owners.set(key, owner);
      this.#ownerEdges.push([]);
      this.#ownerMarks.push([]);
    }
    return owner;
  }

  /** Drops the owner's edges, notes and resolved marks (before it records them again). */
  clearOwner(owner: number): void {
    const edges = this.#ownerEdges[owner]!;
    for (const edge of edges) {
      remove(this.#out[this.#from.get(edge)], edge);
      remove(this.#in[this.#to.get(edge)], edge);
      this.#owner.set(edge, DEAD);
      this.#freeEdges.push(edge);
    }
    this.#liveEdges -= edges.length;
    if (edges.length > 0) this.#revision += 1;
    edges.length = 0;
    const marks = this.#ownerMarks[owner]!;
    for (const node of marks) {
      this.#notes.delete(node);
      this.#flags.set(node, this.#flags.get(node) & ~RESOLVED);
    }
    marks.length = 0;
  }

  markResolved(node: number, owner: number): void {
    this.#flags.set(node, this.#flags.get(node) | RESOLVED);
    this.#ownerMarks[owner]!.push(node);
  }

  note(node: number, reason: string, owner: number): void {
    const current = this.#notes.get(node);
    if (current?.split('; ').includes(reason)) return;
    this.#notes.set(node, current === undefined ? reason : `${current}; ${reason}`);
    this.#ownerMarks[owner]!.push(node);
  }

  // ── scratch for queries ────────────────────────────────────────────────────────────────────

  /**
   * Per-node arrays a traversal reuses: `stamp[n] === epoch` means visited in this traversal.
   * Queries are synchronous, so one set serves them all; it grows with the graph, never per query.
   */
  scratch(): Scratch {
    const size = this.nodeCount;
    if (this.#stamp.length < size) {
      const capacity = Math.max(1024, size * 2);
      this.#stamp = new Int32Array(capacity);
      this.#dist = new Int32Array(capacity);
      this.#queue = new Int32Array(capacity);
      this.#epoch = 0;
    }
    if (this.#epoch === 0x7fffffff) {
      this.#stamp.fill(0);
      this.#epoch = 0;
    }
    this.#epoch += 1;
    return { stamp: this.#stamp, dist: this.#dist, queue: this.#queue, epoch: this.#epoch };
  }

  #addNode(kind: number, parent: number, ref: string, name: string): number {
    const node = this.#kind.push(kind);
    this.#parent.push(parent);
    this.#major.push(0);
    this.#datasetKind.push(0);
    this.#flags.push(0);
    this.#refs.push(ref);
    this.#names.push(name);
    this.#children.push(undefined);
    this.#out.push(undefined);
    this.#in.push(undefined);
    this.#byRef.set(ref, node);
    if (parent >= 0) (this.#children[parent] ??= []).push(node);
    if (kind === PRODUCT) this.#productNodes.push(node);
    if (kind === DATASET) this.#datasetNodes.push(node);
    return node;
  }
}

function remove(list: number[] | undefined, edge: number): void {
  if (!list) return;
  const index = list.indexOf(edge);
  if (index >= 0) list.splice(index, 1);
}
