/**
 * The lineage graph built from a model and recorded pipeline lineage: product-level edges from
 * the model, column edges and row dependencies from PipelineLineage, references as people type
 * them, upstream / downstream / depth, fallbacks where column lineage is unknown, visibility.
 */
import { describe, expect, it } from 'vitest';
import { LineageGraph } from './lineage-graph.js';
import type { LineageAccess, LineageEdgeView, LineageResult } from './lineage-view-types.js';
import { addModelLineage } from './model-lineage.js';
import { setPipelineLineage } from './pipeline-lineage-edges.js';
import { queryLineage } from './query-lineage.js';
import {
  AUDIT_LINEAGE,
  MESH,
  ORDERS_LINEAGE,
  REVENUE_LINEAGE,
  SECRET_LINEAGE,
  testModel,
} from './test-support/lineage-fixtures.js';

const model = testModel(MESH);

function meshGraph(recorded = [ORDERS_LINEAGE, REVENUE_LINEAGE, SECRET_LINEAGE, AUDIT_LINEAGE]): LineageGraph {
  const graph = new LineageGraph();
  addModelLineage(graph, model);
  for (const lineage of recorded) setPipelineLineage(graph, model, lineage);
  return graph;
}

const refs = (result: LineageResult) => result.nodes.map((n) => n.ref);
const distances = (result: LineageResult, key: 'upstream' | 'downstream') =>
  Object.fromEntries(result.nodes.map((n) => [n.ref, n[key]]));
const edge = (e: LineageEdgeView) =>
  `${e.from} -${e.kind}${e.transform ? `:${e.transform}` : ''}-> ${e.to}${e.unresolved ? ' (unresolved)' : ''}`;

describe('product-level lineage from the model', () => {
  it('links every upstream port, file and database a pipeline reads to each output port', () => {
    const graph = meshGraph([]);
    const up = queryLineage(graph, 'sales.orders', { direction: 'upstream', depth: 1 });
    expect(up.node).toEqual({ ref: 'sales.orders', kind: 'product', productId: 'sales.orders', upstream: 0 });
    expect(up.edges.map(edge).sort()).toEqual([
      'crm.customers.customers@1 -dataset-> sales.orders.orders@1',
      'crm.customers.customers@1 -dataset-> sales.orders.orders@2',
      'file:domains/sales/orders/data/orders.csv -dataset-> sales.orders.orders@1',
      'file:domains/sales/orders/data/orders.csv -dataset-> sales.orders.orders@2',
    ]);
    expect(up.edges.every((e) => e.source === 'model')).toBe(true);
    expect(up.nodes.find((n) => n.ref === 'file:domains/sales/orders/data/orders.csv')).toEqual({
      ref: 'file:domains/sales/orders/data/orders.csv',
      kind: 'dataset',
      dataset: { kind: 'file', name: 'domains/sales/orders/data/orders.csv' },
      upstream: 1,
    });

    const down = queryLineage(graph, 'crm.customers', { direction: 'downstream' });
    expect(distances(down, 'downstream')).toEqual({
      'crm.customers': 0,
      'crm.customers.customers@1': 0,
      'sales.orders.orders@1': 1,
      'sales.orders.orders@2': 1,
      'finance.revenue.revenue@1': 2,
      'hr.secret.secret@1': 2,
      'marketing.reach.reach@1': 3,
      'ops.audit.audit@1': 3,
    });
    expect(queryLineage(graph, 'crm.customers', { direction: 'downstream', depth: 2 }).nodes).toHaveLength(6);
  });

  it('takes declared ODPS input ports and database inputs too', () => {
    const graph = new LineageGraph();
    addModelLineage(
      graph,
      testModel([
        { id: 'a.up', ports: [{ name: 'up', columns: ['id'] }] },
        {
          id: 'b.down',
          ports: [{ name: 'down', columns: ['id'] }],
          inputs: [
            { name: 'crm', kind: 'postgres', connection: 'crm', table: 'public.customers' },
            { name: 'adhoc', kind: 'postgres', connection: 'crm' },
          ],
          inputPorts: ['a.up.up.v1'],
        },
      ]),
    );
    expect(queryLineage(graph, 'b.down.down', { direction: 'upstream' }).edges.map(edge).sort()).toEqual([
      'a.up.up@1 -dataset-> b.down.down@1',
      'postgres:crm/public.customers -dataset-> b.down.down@1',
      'postgres:crm/query:b.down.adhoc -dataset-> b.down.down@1',
    ]);
  });
});

describe('references', () => {
  const graph = meshGraph();

  it.each([
    ['sales.orders', 'sales.orders'],
    ['sales/orders', 'sales.orders'],
    [' sales.orders.orders ', 'sales.orders.orders@2'],
    ['sales.orders.orders@1', 'sales.orders.orders@1'],
    ['sales.orders.orders_v1', 'sales.orders.orders@1'],
    ['sales/orders.orders_v2', 'sales.orders.orders@2'],
    ['sales.orders.orders@1.amount', 'sales.orders.orders@1.amount'],
    ['sales.orders.orders.amount_cents', 'sales.orders.orders@2.amount_cents'],
    ['file:domains/sales/orders/data/orders.csv', 'file:domains/sales/orders/data/orders.csv'],
    ['file:domains/sales/orders/data/orders.csv#status', 'file:domains/sales/orders/data/orders.csv#status'],
  ])('resolves %j to %s', (ref, resolved) => {
    expect(queryLineage(graph, ref, { depth: 1 }).ref).toBe(resolved);
  });

  it.each([
    ['sales.ordrs', 'MW8820', 'no lineage node "sales.ordrs"; did you mean "sales.orders"?'],
    ['sales.orders.ordes', 'MW8821', 'sales.orders has no output port "ordes"; did you mean "orders"? (ports: orders)'],
    ['sales.orders.orders@3', 'MW8821', 'sales.orders has no output port "orders@3"'],
    ['sales.orders.orders@1.amout', 'MW8822', 'sales.orders.orders@1 has no column "amout"; did you mean "amount"?'],
    ['sales.orders.orders.amount', 'MW8822', 'sales.orders.orders@2 has no column "amount" (orders@1 has it)'],
    ['file:domains/sales/orders/data/order.csv', 'MW8820', 'did you mean "file:domains/sales/orders/data/orders.csv"?'],
    ['nothing', 'MW8820', 'no lineage node "nothing"'],
  ])('refuses %j with %s', (ref, code, message) => {
    expect(() => queryLineage(graph, ref)).toThrow(
      expect.objectContaining({ code, kind: 'not-found', message: expect.stringContaining(message) }),
    );
  });

  it('refuses a depth outside 1–50 and an unknown direction', () => {
    for (const options of [{ depth: 0 }, { depth: 51 }, { depth: 2.5 }, { direction: 'sideways' as 'both' }]) {
      expect(() => queryLineage(graph, 'sales.orders', options)).toThrow(expect.objectContaining({ code: 'MW8823' }));
    }
  });
});

describe('column-level lineage', () => {
  const graph = meshGraph();

  it('follows a column downstream through value and row edges, with transforms', () => {
    const result = queryLineage(graph, 'crm.customers.customers.region', { direction: 'downstream' });
    expect(result.columns).toBe(true);
    expect(result.edges.map(edge)).toEqual([
      'crm.customers.customers@1.region -column:direct-> sales.orders.orders@1.region',
      'sales.orders.orders@1.region -column:direct-> finance.revenue.revenue@1.region',
      'sales.orders.orders@1.region -row:group-> finance.revenue.revenue@1',
      'finance.revenue.revenue@1 -dataset-> marketing.reach.reach@1',
    ]);
    expect(result.edges.map((e) => e.source)).toEqual(['pipeline', 'pipeline', 'pipeline', 'model']);
    expect(distances(result, 'downstream')).toEqual({
      'crm.customers.customers@1.region': 0,
      'sales.orders.orders@1.region': 1,
      'finance.revenue.revenue@1.region': 2,
      'finance.revenue.revenue@1': 2,
      'marketing.reach.reach@1': 3,
    });
  });

  it('reaches a whole dataset, marked unresolved, where no column lineage says which of its columns a column feeds', () => {
    const result = queryLineage(graph, 'finance.revenue.revenue.total', { direction: 'downstream' });
    expect(result.edges).toEqual([
      {
        from: 'finance.revenue.revenue@1.total',
        to: 'marketing.reach.reach@1',
        kind: 'dataset',
        source: 'model',
        unresolved:
          'column lineage of marketing.reach.reach@1 is unresolved: no run has recorded its column lineage yet',
      },
    ]);
  });

  it('reaches nothing downstream from a column no one reads, once the readers recorded their lineage', () => {
    expect(refs(queryLineage(graph, 'crm.customers.customers.email', { direction: 'downstream' }))).toEqual([
      'crm.customers.customers@1.email',
    ]);
  });

  it('makes a whole port depend on a join key, and so everything downstream of it', () => {
    const result = queryLineage(graph, 'crm.customers.customers.id', { direction: 'downstream' });
    expect(result.edges.map(edge)).toEqual([
      'crm.customers.customers@1.id -row:join-> sales.orders.orders@1',
      'sales.orders.orders@1 -dataset-> finance.revenue.revenue@1',
      'sales.orders.orders@1 -dataset-> hr.secret.secret@1',
      'finance.revenue.revenue@1 -dataset-> marketing.reach.reach@1',
      'hr.secret.secret@1 -dataset-> ops.audit.audit@1',
    ]);
    expect(queryLineage(graph, 'crm.customers.customers.id', { direction: 'downstream', depth: 2 }).nodes).toHaveLength(
      4,
    );
  });

  it('follows a column upstream to its sources and to the row dependencies of its port', () => {
    const result = queryLineage(graph, 'finance.revenue.revenue.total', { direction: 'upstream' });
    const csv = 'file:domains/sales/orders/data/orders.csv';
    expect(result.edges.map(edge)).toEqual([
      'sales.orders.orders@1.amount -column:aggregate-> finance.revenue.revenue@1.total',
      'sales.orders.orders@1.region -row:group-> finance.revenue.revenue@1.total',
      `${csv}#amount -column:expression-> sales.orders.orders@1.amount`,
      `${csv}#customer_id -row:join-> sales.orders.orders@1.amount`,
      'crm.customers.customers@1.id -row:join-> sales.orders.orders@1.amount',
      `${csv}#status -row:filter-> sales.orders.orders@1.amount`,
      'crm.customers.customers@1.region -column:direct-> sales.orders.orders@1.region',
      `${csv}#customer_id -row:join-> sales.orders.orders@1.region`,
      'crm.customers.customers@1.id -row:join-> sales.orders.orders@1.region',
      `${csv}#status -row:filter-> sales.orders.orders@1.region`,
      // crm.customers recorded no column lineage: its columns come from the whole file, unresolved.
      'file:domains/crm/customers/data/customers.csv -dataset-> crm.customers.customers@1.id (unresolved)',
      'file:domains/crm/customers/data/customers.csv -dataset-> crm.customers.customers@1.region (unresolved)',
    ]);
    expect(result.nodes.find((n) => n.ref === `${csv}#amount`)).toEqual({
      ref: `${csv}#amount`,
      kind: 'column',
      column: 'amount',
      dataset: { kind: 'file', name: 'domains/sales/orders/data/orders.csv' },
      upstream: 2,
    });
    // depth 1: the direct sources only.
    expect(refs(queryLineage(graph, 'finance.revenue.revenue.total', { direction: 'upstream', depth: 1 }))).toEqual([
      'finance.revenue.revenue@1.total',
      'sales.orders.orders@1.amount',
      'sales.orders.orders@1.region',
    ]);
  });

  it('follows a port with its columns when asked, and without them by default', () => {
    const plain = queryLineage(graph, 'finance.revenue.revenue', { direction: 'upstream', depth: 1 });
    expect(plain.edges.map(edge)).toEqual(['sales.orders.orders@1 -dataset-> finance.revenue.revenue@1']);
    const withColumns = queryLineage(graph, 'finance.revenue.revenue', {
      direction: 'upstream',
      depth: 1,
      columns: true,
    });
    expect(withColumns.edges.map(edge).sort()).toEqual([
      'sales.orders.orders@1 -dataset-> finance.revenue.revenue@1',
      'sales.orders.orders@1.amount -column:aggregate-> finance.revenue.revenue@1.total',
      'sales.orders.orders@1.region -column:direct-> finance.revenue.revenue@1.region',
      'sales.orders.orders@1.region -row:group-> finance.revenue.revenue@1',
    ]);
  });

  it('shows the extractor’s gaps on the nodes, and falls back to the whole port where they are', () => {
    const gappy = meshGraph([
      ORDERS_LINEAGE,
      {
        ...REVENUE_LINEAGE,
        outputs: [
          {
            ...REVENUE_LINEAGE.outputs[0]!,
            columns: [
              { column: 'region', sources: [{ relation: 'orders', column: 'region', transform: 'direct' }] },
              { column: 'total', sources: [], unresolved: 'calls the table function my_udf()' },
            ],
            unresolved: [{ reason: 'step revenue: UNNEST is not analysed' }],
          },
        ],
      },
    ]);
    const result = queryLineage(gappy, 'sales.orders.orders@1.amount', { direction: 'downstream', depth: 1 });
    expect(result.edges.map(edge)).toEqual([
      'sales.orders.orders@1.amount -dataset-> finance.revenue.revenue@1 (unresolved)',
      'sales.orders.orders@1.amount -dataset-> hr.secret.secret@1 (unresolved)',
    ]);
    expect(result.edges[0]!.unresolved).toBe(
      'column lineage of finance.revenue.revenue@1 is unresolved: step revenue: UNNEST is not analysed',
    );
    const revenue = queryLineage(gappy, 'finance.revenue.revenue', { depth: 1, columns: true, direction: 'upstream' });
    expect(revenue.node.unresolved).toBe('step revenue: UNNEST is not analysed');
    expect(revenue.nodes.find((n) => n.column === 'total')!.unresolved).toBe('calls the table function my_udf()');
  });

  it('replaces a product’s column lineage when it records again', () => {
    const replaced = meshGraph();
    const before = replaced.edgeCount;
    setPipelineLineage(replaced, model, {
      ...REVENUE_LINEAGE,
      outputs: [
        {
          ...REVENUE_LINEAGE.outputs[0]!,
          columns: [{ column: 'total', sources: [{ relation: 'orders', column: 'id', transform: 'aggregate' }] }],
          rows: [],
        },
      ],
    });
    expect(replaced.edgeCount).toBe(before - 2);
    const total = queryLineage(replaced, 'finance.revenue.revenue.total', { direction: 'upstream', depth: 1 });
    expect(total.edges.map(edge)).toEqual([
      'sales.orders.orders@1.id -column:aggregate-> finance.revenue.revenue@1.total',
    ]);
  });
});

describe('visibility', () => {
  const graph = meshGraph();
  const access: LineageAccess = { discover: (id) => id !== 'hr.secret', seeConsumers: () => true };

  it('leaves out and counts the nodes of products the caller may not discover, and walks through them', () => {
    const result = queryLineage(graph, 'sales.orders.orders@1', { direction: 'downstream' }, access);
    expect(refs(result)).toEqual([
      'sales.orders.orders@1',
      'finance.revenue.revenue@1',
      'marketing.reach.reach@1',
      'ops.audit.audit@1',
    ]);
    expect(result.hidden).toBe(1);
    expect(result.edges.map(edge)).toEqual([
      'sales.orders.orders@1 -dataset-> finance.revenue.revenue@1',
      'finance.revenue.revenue@1 -dataset-> marketing.reach.reach@1',
    ]);
    const columns = queryLineage(graph, 'sales.orders.orders@1.amount', { direction: 'downstream' }, access);
    expect(columns.hidden).toBe(1);
    expect(refs(columns)).toContain('ops.audit.audit@1.x');
    expect(JSON.stringify(columns)).not.toContain('hr.secret');
  });

  it('answers for an undiscoverable node exactly as for an unknown one, and never suggests it', () => {
    for (const ref of ['hr.secret', 'hr.secret.secret', 'hr.secret.secret.x']) {
      expect(() => queryLineage(graph, ref, {}, access)).toThrow(
        expect.objectContaining({ code: 'MW8820', message: `no lineage node "${ref}"` }),
      );
    }
    expect(() => queryLineage(graph, 'hr.secre', {}, access)).toThrow(
      expect.objectContaining({ message: 'no lineage node "hr.secre"' }),
    );
    expect(() => queryLineage(graph, 'hr.secre')).toThrow(
      expect.objectContaining({ message: 'no lineage node "hr.secre"; did you mean "hr.secret"?' }),
    );
  });

  it('shows a pipeline’s file input only to those who may discover a product that reads it', () => {
    const hidesOrders: LineageAccess = { discover: (id) => id !== 'sales.orders', seeConsumers: () => true };
    expect(() => queryLineage(graph, 'file:domains/sales/orders/data/orders.csv', {}, hidesOrders)).toThrow(
      expect.objectContaining({ code: 'MW8820' }),
    );
    expect(queryLineage(graph, 'file:domains/sales/orders/data/orders.csv', {}, access).ref).toBe(
      'file:domains/sales/orders/data/orders.csv',
    );
  });
});
