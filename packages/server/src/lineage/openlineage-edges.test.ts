/**
 * OpenLineage events merged into the graph: dataset edges, `columnLineage` transformations
 * mapped to Meshwork's transforms, datasets that name Meshwork ports joining their nodes,
 * repeated events adding nothing, and cycles that walks never loop on.
 */
import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../metadata/canonical-json.js';
import { acceptedEventFromRecord } from './accepted-event.js';
import { meshworkDatasetPort } from './dataset-port.js';
import type { AcceptedDataset, AcceptedLineageEvent } from './lineage-event-sink.js';
import { LineageGraph } from './lineage-graph.js';
import type { LineageEdgeView } from './lineage-view-types.js';
import { addModelLineage } from './model-lineage.js';
import { mergeOpenLineageEvent } from './openlineage-edges.js';
import { queryLineage } from './query-lineage.js';
import { MESH, testModel } from './test-support/lineage-fixtures.js';

const PG = 'postgres://db:5432';

function event(inputs: AcceptedDataset[], outputs: AcceptedDataset[], id = 'e1'): AcceptedLineageEvent {
  return { id, eventType: 'COMPLETE', eventTime: '2024-05-01T12:00:00.000Z', inputs, outputs };
}

const field = (name: string, fieldName: string, ...transformations: JsonValue[]): JsonValue => ({
  namespace: PG,
  name,
  field: fieldName,
  ...(transformations.length > 0 ? { transformations } : {}),
});
const t = (type: string, subtype?: string, masking?: boolean): JsonValue => ({
  type,
  ...(subtype ? { subtype } : {}),
  ...(masking !== undefined ? { masking } : {}),
});
const edge = (e: LineageEdgeView) =>
  `${e.from} -${e.kind}${e.transform ? `:${e.transform}` : ''}-> ${e.to}${e.unresolved ? ' (unresolved)' : ''}`;

describe('OpenLineage events in the graph', () => {
  it('maps column lineage transformations to Meshwork transforms', () => {
    const graph = new LineageGraph();
    mergeOpenLineageEvent(
      graph,
      event(
        [{ namespace: PG, name: 'shop.orders' }],
        [
          {
            namespace: PG,
            name: 'shop.daily',
            facets: {
              schema: { fields: [{ name: 'day' }, { name: 'total' }, { name: 'unused' }] },
              columnLineage: {
                fields: {
                  day: { inputFields: [field('shop.orders', 'created', t('DIRECT', 'IDENTITY'))] },
                  total: {
                    inputFields: [
                      field('shop.orders', 'amount', t('DIRECT', 'TRANSFORMATION'), t('DIRECT', 'AGGREGATION')),
                      field('shop.orders', 'status', t('INDIRECT', 'FILTER')),
                      field('shop.orders', 'kind', t('INDIRECT', 'CONDITIONAL')),
                    ],
                  },
                  email_hash: { inputFields: [field('shop.customers', 'email', t('DIRECT', 'TRANSFORMATION', true))] },
                  legacy: { inputFields: [field('shop.orders', 'id')], transformationType: 'MASKED' },
                  bad: { inputFields: [{ namespace: PG, name: 'shop.orders' }, 'nonsense'] },
                },
                dataset: [
                  field('shop.orders', 'customer_id', t('INDIRECT', 'JOIN')),
                  field('shop.orders', 'day', t('INDIRECT', 'GROUP_BY')),
                ],
              },
            },
          },
        ],
      ),
    );
    const result = queryLineage(graph, `${PG}/shop.daily`, { direction: 'upstream', depth: 1, columns: true });
    expect(result.edges.map(edge).sort()).toEqual([
      `${PG}/shop.customers -dataset-> ${PG}/shop.daily`,
      `${PG}/shop.customers#email -column:masked-> ${PG}/shop.daily#email_hash`,
      `${PG}/shop.orders -dataset-> ${PG}/shop.daily`,
      `${PG}/shop.orders#amount -column:aggregate-> ${PG}/shop.daily#total`,
      `${PG}/shop.orders#created -column:direct-> ${PG}/shop.daily#day`,
      `${PG}/shop.orders#customer_id -row:join-> ${PG}/shop.daily`,
      `${PG}/shop.orders#day -row:group-> ${PG}/shop.daily`,
      `${PG}/shop.orders#id -column:masked-> ${PG}/shop.daily#legacy`,
      `${PG}/shop.orders#kind -column:conditional-> ${PG}/shop.daily#total`,
      `${PG}/shop.orders#status -row:filter-> ${PG}/shop.daily`,
    ]);
    expect(result.edges.every((e) => e.source === 'openlineage')).toBe(true);
    expect(result.node).toEqual({
      ref: `${PG}/shop.daily`,
      kind: 'dataset',
      dataset: { kind: 'external', namespace: PG, name: 'shop.daily' },
      upstream: 0,
    });
    // The schema facet names columns nothing feeds yet.
    expect(result.nodes.map((n) => n.ref)).toContain(`${PG}/shop.daily#unused`);
  });

  it('adds nothing when the same event comes again, and reaches datasets without column lineage whole', () => {
    const graph = new LineageGraph();
    const run = event([{ namespace: PG, name: 'a' }], [{ namespace: 's3://lake', name: 'b' }]);
    mergeOpenLineageEvent(graph, run);
    const edges = graph.edgeCount;
    mergeOpenLineageEvent(graph, { ...run, id: 'e2' });
    expect(graph.edgeCount).toBe(edges);
    graph.columnNode(graph.find(`${PG}/a`)!, 'x');
    const down = queryLineage(graph, `${PG}/a#x`, { direction: 'downstream' });
    expect(down.edges.map(edge)).toEqual([`${PG}/a#x -dataset-> s3://lake/b (unresolved)`]);
    expect(down.edges[0]!.unresolved).toBe(
      'column lineage of s3://lake/b is unresolved: no column lineage was received for it',
    );
  });

  it('never loops on cycles: each node once, at its shortest distance', () => {
    const graph = new LineageGraph();
    const ds = (name: string, columnLineage?: JsonValue): AcceptedDataset => ({
      namespace: PG,
      name,
      ...(columnLineage ? { facets: { columnLineage } } : {}),
    });
    const copy = (from: string) => ({ fields: { x: { inputFields: [field(from, 'x', t('DIRECT', 'IDENTITY'))] } } });
    mergeOpenLineageEvent(graph, event([ds('a')], [ds('b', copy('a'))]));
    mergeOpenLineageEvent(graph, event([ds('b')], [ds('c', copy('b'))]));
    mergeOpenLineageEvent(graph, event([ds('c')], [ds('a', copy('c'))]));
    const both = queryLineage(graph, `${PG}/a#x`, { direction: 'both', depth: 50 });
    expect(both.nodes.map((n) => [n.ref, n.upstream, n.downstream])).toEqual([
      [`${PG}/a#x`, 0, 0],
      [`${PG}/c#x`, 1, 2],
      [`${PG}/b#x`, 2, 1],
    ]);
    expect(both.edges.map(edge)).toEqual([
      `${PG}/c#x -column:direct-> ${PG}/a#x`,
      `${PG}/b#x -column:direct-> ${PG}/c#x`,
      `${PG}/a#x -column:direct-> ${PG}/b#x`,
    ]);
    const datasets = queryLineage(graph, `${PG}/b`, { direction: 'downstream', depth: 50 });
    expect(datasets.nodes.map((n) => n.ref)).toEqual([`${PG}/b`, `${PG}/c`, `${PG}/a`]);
  });

  it('joins datasets in a meshwork namespace to the output ports they name', () => {
    const model = testModel(MESH);
    const graph = new LineageGraph();
    addModelLineage(graph, model);
    const ports = meshworkDatasetPort(graph);
    mergeOpenLineageEvent(
      graph,
      event(
        [
          { namespace: 'meshwork://test-mesh', name: 'finance.revenue.revenue_v1' },
          { namespace: 'meshwork://test-mesh', name: 'crm.customers' },
          { namespace: 'meshwork://test-mesh', name: 'sales.orders' },
        ],
        [
          {
            namespace: 's3://lake',
            name: 'exports/revenue',
            facets: {
              columnLineage: {
                fields: {
                  total: {
                    inputFields: [
                      {
                        namespace: 'meshwork://test-mesh',
                        name: 'finance.revenue.revenue',
                        field: 'total',
                        transformations: [t('DIRECT', 'IDENTITY')],
                      },
                    ],
                  },
                },
              },
            },
          },
        ],
      ),
      ports,
    );
    const down = queryLineage(graph, 'finance.revenue.revenue.total', { direction: 'downstream' });
    expect(down.edges.map(edge)).toEqual([
      'finance.revenue.revenue@1.total -column:direct-> s3://lake/exports/revenue#total',
      'finance.revenue.revenue@1.total -dataset-> marketing.reach.reach@1 (unresolved)',
    ]);
    const upstream = queryLineage(graph, 's3://lake/exports/revenue', { direction: 'upstream', depth: 1 });
    expect(upstream.edges.map(edge).sort()).toEqual([
      'crm.customers.customers@1 -dataset-> s3://lake/exports/revenue',
      'finance.revenue.revenue@1 -dataset-> s3://lake/exports/revenue',
      // sales.orders has two ports: the name is ambiguous, so it stays an external dataset.
      'meshwork://test-mesh/sales.orders -dataset-> s3://lake/exports/revenue',
    ]);
  });

  it('rebuilds an accepted event from its stored record', () => {
    const accepted = acceptedEventFromRecord({
      id: 'e1',
      eventType: 'COMPLETE',
      eventTime: '2024-05-01T12:00:00.000Z',
      producer: 'https://example.com/producer',
      jobNamespace: 'airflow',
      jobName: 'load',
      runId: 'r1',
      receivedBy: 'etl',
      receivedAt: '2024-05-01T12:00:01.000Z',
      body: {
        inputs: [{ namespace: PG, name: 'a', facets: { schema: { fields: [] } } }, { name: 'no namespace' }],
        outputs: [{ namespace: PG, name: 'b' }],
      },
    });
    expect(accepted).toEqual({
      id: 'e1',
      eventType: 'COMPLETE',
      eventTime: '2024-05-01T12:00:00.000Z',
      job: { namespace: 'airflow', name: 'load' },
      runId: 'r1',
      inputs: [{ namespace: PG, name: 'a', facets: { schema: { fields: [] } } }],
      outputs: [{ namespace: PG, name: 'b' }],
    });
  });
});
