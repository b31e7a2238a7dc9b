/**
 * The lineage layout through real ELK (its bundled build, in-process): data flows left to right,
 * ports sit inside their products and columns inside their ports, and React Flow gets every
 * node's box relative to its container.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { toFlowNodes } from './lineage-flow-nodes.js';
import type { LineageGraphModel } from './lineage-graph-model.js';
import { buildLineageGraph } from './lineage-graph-model.js';
import { layoutLineage, toElkGraph, type ElkLayout } from './lineage-layout.js';
import type { LineageEdge, LineageNode } from './lineage-types.js';

const elk = new ELK();
const inProcess: ElkLayout = (graph) => elk.layout(graph);

const port = (productId: string, name: string, distance: number): LineageNode => ({
  ref: `${productId}.${name}@1`,
  kind: 'port',
  productId,
  port: name,
  major: 1,
  downstream: distance,
});
const column = (portRef: string, name: string): LineageNode => {
  const [productId = '', rest = ''] = [portRef.split('.').slice(0, 2).join('.'), portRef.split('.')[2]];
  const [portName = '', major = '1'] = rest.split('@');
  return { ref: `${portRef}.${name}`, kind: 'column', productId, port: portName, major: Number(major), column: name };
};

// a.source → b.middle → c.sink, with the columns of a.source and what they feed in b.middle.
const A = 'a.source.out@1';
const B = 'b.middle.out@1';
const C = 'c.sink.out@1';
const nodes: LineageNode[] = [
  { ref: 'a.source', kind: 'product', productId: 'a.source', downstream: 0 },
  port('a.source', 'out', 0),
  column(A, 'id'),
  column(A, 'amount'),
  port('b.middle', 'out', 1),
  column(B, 'total'),
  port('c.sink', 'out', 2),
];
const edges: LineageEdge[] = [
  { from: A, to: B, kind: 'dataset', source: 'model' },
  { from: B, to: C, kind: 'dataset', source: 'model' },
  { from: `${A}.amount`, to: `${B}.total`, kind: 'column', transform: 'aggregate', source: 'pipeline' },
  { from: `${A}.id`, to: B, kind: 'row', transform: 'group', source: 'pipeline' },
  // A column's edge to its own port: drawn, but ELK cannot lay out an edge into a container.
  { from: `${A}.id`, to: A, kind: 'row', transform: 'filter', source: 'pipeline' },
];
const model: LineageGraphModel = buildLineageGraph(
  [
    {
      ref: 'a.source',
      node: nodes[0]!,
      direction: 'downstream',
      depth: 3,
      columns: true,
      nodes,
      edges,
      hidden: 0,
      truncated: false,
    },
  ],
  new Set([A]),
);

describe('toElkGraph', () => {
  it('nests ports in products and columns in ports, and leaves out edges into a container', () => {
    const graph = toElkGraph(model);
    expect(graph.layoutOptions).toMatchObject({
      'elk.direction': 'RIGHT',
      'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
    });
    expect(graph.children?.map((c) => c.id)).toEqual(['a.source', 'b.middle', 'c.sink']);
    const source = graph.children?.[0];
    expect(source?.children?.map((c) => c.id)).toEqual([A]);
    expect(source?.children?.[0]?.children?.map((c) => c.id)).toEqual([`${A}.id`, `${A}.amount`]);
    // Columns of one port share a width, so they line up.
    const widths = new Set(source?.children?.[0]?.children?.map((c) => c.width));
    expect(widths.size).toBe(1);
    expect(graph.edges?.map((e) => e.id)).not.toContain(`${A}.id -> ${A}`);
    expect(graph.edges).toHaveLength(4);
  });
});

describe('layoutLineage with ELK', () => {
  it('places data flowing left to right, each node inside its container', async () => {
    const boxes = await layoutLineage(model, inProcess);
    expect(boxes.size).toBe(model.nodes.length);
    const box = (id: string) => boxes.get(id)!;
    // Top-level products: upstream left of downstream.
    expect(box('a.source').x + box('a.source').width).toBeLessThan(box('b.middle').x);
    expect(box('b.middle').x + box('b.middle').width).toBeLessThan(box('c.sink').x);
    // Children are relative to their container and fit inside it.
    for (const node of model.nodes) {
      if (!node.parentId) continue;
      const inner = box(node.id);
      const outer = box(node.parentId);
      expect(inner.x).toBeGreaterThanOrEqual(0);
      expect(inner.y).toBeGreaterThan(0);
      expect(inner.x + inner.width).toBeLessThanOrEqual(outer.width);
      expect(inner.y + inner.height).toBeLessThanOrEqual(outer.height);
    }
    // The opened port holds both its columns, one under the other.
    expect(box(`${A}.amount`).y).not.toBe(box(`${A}.id`).y);

    const flow = toFlowNodes(model, boxes, B);
    expect(flow.find((n) => n.id === `${A}.amount`)).toMatchObject({
      type: 'column',
      parentId: A,
      position: { x: box(`${A}.amount`).x, y: box(`${A}.amount`).y },
      width: box(`${A}.amount`).width,
      ariaLabel: `Column ${A}.amount`,
    });
    expect(flow.find((n) => n.id === B)).toMatchObject({ selected: true, ariaLabel: `Port ${B}, 1 hop downstream` });
    expect(flow.find((n) => n.id === 'a.source')?.ariaLabel).toBe('Product a.source, the node asked about');
  });
});
