/** The lineage answers → what the graph draws: containers, merged edges, styles, hidden counts. */
import { describe, expect, it } from 'vitest';
import { buildLineageGraph, type GraphNode } from './lineage-graph-model.js';
import type { LineageEdge, LineageNode, LineageResult } from './lineage-types.js';

const result = (ref: string, nodes: LineageNode[], edges: LineageEdge[], extra: Partial<LineageResult> = {}) =>
  ({
    ref,
    node: nodes.find((n) => n.ref === ref) ?? { ref, kind: 'product' },
    direction: 'downstream',
    depth: 3,
    columns: false,
    nodes,
    edges,
    hidden: 0,
    truncated: false,
    ...extra,
  }) satisfies LineageResult;

const port = (productId: string, name: string, major: number, downstream: number): LineageNode => ({
  ref: `${productId}.${name}@${major}`,
  kind: 'port',
  productId,
  port: name,
  major,
  downstream,
});
const column = (productId: string, name: string, major: number, col: string): LineageNode => ({
  ref: `${productId}.${name}@${major}.${col}`,
  kind: 'column',
  productId,
  port: name,
  major,
  column: col,
});
const feeds = (from: string, to: string): LineageEdge => ({ from, to, kind: 'dataset', source: 'model' });

const ORDERS = 'sales.orders.orders@2';
const C360 = 'customers.customer-360.customer_360@1';

/** `sales.orders`, downstream, as the API answers it: the product and its ports, then what they feed. */
const main = result(
  'sales.orders',
  [
    { ref: 'sales.orders', kind: 'product', productId: 'sales.orders', downstream: 0 },
    port('sales.orders', 'orders', 2, 0),
    port('customers.customer-360', 'customer_360', 1, 1),
  ],
  [feeds(ORDERS, C360)],
);

/** The columns of orders@2, with `columns=true`. */
const ordersColumns = result(
  ORDERS,
  [
    port('sales.orders', 'orders', 2, 0),
    column('sales.orders', 'orders', 2, 'customer_id'),
    column('sales.orders', 'orders', 2, 'gross_amount'),
    port('customers.customer-360', 'customer_360', 1, 1),
    column('customers.customer-360', 'customer_360', 1, 'lifetime_value'),
  ],
  [
    feeds(ORDERS, C360),
    { from: `${ORDERS}.customer_id`, to: C360, kind: 'row', transform: 'join', source: 'pipeline' },
    { from: `${ORDERS}.customer_id`, to: C360, kind: 'row', transform: 'group', source: 'pipeline' },
    {
      from: `${ORDERS}.gross_amount`,
      to: `${C360}.lifetime_value`,
      kind: 'column',
      transform: 'aggregate',
      source: 'pipeline',
    },
  ],
  { columns: true, hidden: 2 },
);

const byId = (nodes: readonly GraphNode[]) => new Map(nodes.map((n) => [n.id, n]));

describe('buildLineageGraph', () => {
  it('puts ports in their products, adding the products the walk reached only through a port', () => {
    const graph = buildLineageGraph([main]);
    const nodes = byId(graph.nodes);
    expect(graph.root).toBe('sales.orders');
    expect(nodes.get('sales.orders')).toMatchObject({ kind: 'product', root: true, implied: false });
    expect(nodes.get(ORDERS)).toMatchObject({ kind: 'port', parentId: 'sales.orders', label: 'orders@2' });
    expect(nodes.get('customers.customer-360')).toMatchObject({ kind: 'product', implied: true, root: false });
    expect(nodes.get(C360)).toMatchObject({ parentId: 'customers.customer-360', downstream: 1 });
    // React Flow needs every container before what it contains.
    const order = graph.nodes.map((n) => n.id);
    for (const node of graph.nodes) {
      if (node.parentId) expect(order.indexOf(node.parentId)).toBeLessThan(order.indexOf(node.id));
    }
    expect(graph.edges).toEqual([
      expect.objectContaining({ from: ORDERS, to: C360, category: 'dataset', label: 'feeds', transforms: [] }),
    ]);
  });

  it('adds the columns of an opened port inside it, merging parallel edges and styling value vs row', () => {
    const graph = buildLineageGraph([main, ordersColumns], new Set([ORDERS]));
    const nodes = byId(graph.nodes);
    expect(nodes.get(ORDERS)?.columnsShown).toBe(true);
    expect(nodes.get(C360)?.columnsShown).toBe(false);
    expect(nodes.get(`${C360}.lifetime_value`)).toMatchObject({
      kind: 'column',
      parentId: C360,
      label: 'lifetime_value',
    });
    // Distances come from the main walk only: a column walk counts from its own port.
    expect(nodes.get(`${ORDERS}.gross_amount`)?.downstream).toBeUndefined();
    expect(graph.nodes.filter((n) => n.id === C360)).toHaveLength(1);

    const edges = new Map(graph.edges.map((e) => [e.id, e]));
    expect(graph.edges).toHaveLength(3);
    expect(edges.get(`${ORDERS}.gross_amount -> ${C360}.lifetime_value`)).toMatchObject({
      category: 'value',
      label: 'aggregate',
      description: `${ORDERS}.gross_amount → ${C360}.lifetime_value: aggregate`,
    });
    expect(edges.get(`${ORDERS}.customer_id -> ${C360}`)).toMatchObject({
      category: 'row',
      transforms: ['join', 'group'],
      label: 'row: join, group',
    });
    // The larger count of nodes left out, never a sum that counts one node twice.
    expect(graph.hidden).toBe(2);
  });

  it('counts a window or filter feeding a column as a row dependency, and a value beside it as a value', () => {
    const edges: LineageEdge[] = [
      { from: 'a.b.c@1.day', to: 'x.y.z@1.revenue_7d', kind: 'column', transform: 'window', source: 'pipeline' },
      { from: 'a.b.c@1.amount', to: 'x.y.z@1.revenue_7d', kind: 'column', transform: 'aggregate', source: 'pipeline' },
      { from: 'a.b.c@1.amount', to: 'x.y.z@1.revenue_7d', kind: 'column', transform: 'filter', source: 'pipeline' },
    ];
    const nodes: LineageNode[] = [
      column('a.b', 'c', 1, 'day'),
      column('a.b', 'c', 1, 'amount'),
      column('x.y', 'z', 1, 'revenue_7d'),
    ];
    const graph = buildLineageGraph([result('a.b.c@1.day', nodes, edges)]);
    expect(graph.edges.map((e) => [e.category, e.label])).toEqual([
      ['row', 'row: window'],
      ['value', 'aggregate; row: filter'],
    ]);
    // Ports and products implied by the columns alone.
    expect(byId(graph.nodes).get('x.y.z@1')).toMatchObject({
      kind: 'port',
      implied: true,
      parentId: 'x.y',
      label: 'z@1',
    });
    expect(byId(graph.nodes).get('x.y')).toMatchObject({ kind: 'product', implied: true });
  });

  it('marks an unresolved edge with its reason and puts dataset columns in their dataset', () => {
    const file = 'file:domains/sales/orders/data/orders.csv';
    const graph = buildLineageGraph([
      result(
        `${ORDERS}.customer_id`,
        [
          column('sales.orders', 'orders', 2, 'customer_id'),
          {
            ref: `${file}#customer_id`,
            kind: 'column',
            column: 'customer_id',
            dataset: { kind: 'file', name: 'domains/sales/orders/data/orders.csv' },
            upstream: 1,
          },
          { ref: 'sales.report.report@1', kind: 'port', productId: 'sales.report', port: 'report', major: 1 },
        ],
        [
          {
            from: `${file}#customer_id`,
            to: `${ORDERS}.customer_id`,
            kind: 'column',
            transform: 'direct',
            source: 'pipeline',
          },
          {
            from: `${ORDERS}.customer_id`,
            to: 'sales.report.report@1',
            kind: 'row',
            source: 'pipeline',
            unresolved: 'PIVOT is not supported',
          },
          // An edge to a node the answer does not hold is left out.
          { from: `${ORDERS}.customer_id`, to: 'secret.thing.port@1', kind: 'row', source: 'pipeline' },
        ],
      ),
    ]);
    const nodes = byId(graph.nodes);
    expect(nodes.get(`${file}#customer_id`)).toMatchObject({ parentId: file, upstream: 1 });
    expect(nodes.get(file)).toMatchObject({ kind: 'dataset', implied: true, label: 'orders.csv', datasetKind: 'file' });
    expect(nodes.get(`${ORDERS}.customer_id`)?.root).toBe(true);
    expect(graph.edges).toHaveLength(2);
    expect(graph.edges[1]).toMatchObject({
      category: 'row',
      unresolved: 'PIVOT is not supported',
      label: 'unresolved · row',
      description: `${ORDERS}.customer_id → sales.report.report@1: unresolved · row (PIVOT is not supported)`,
    });
  });

  it('is empty without an answer', () => {
    expect(buildLineageGraph([])).toEqual({ root: '', nodes: [], edges: [], hidden: 0, truncated: false });
  });
});
