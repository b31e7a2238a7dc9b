/**
 * The run events Meshwork builds, on a real workspace model: the columnLineage facet from a
 * hand-made PipelineLineage (so every transform is covered whatever the extractor finds), the
 * other output facets, and START / COMPLETE / FAIL — each event valid against the official
 * OpenLineage schemas, every facet against the schema its `_schemaURL` names.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeshModel, PipelineLineage } from '@meshwork/core';
import { standardsDir } from '../../../../test-support/standards.js';
import type { CheckResult } from '../quality/check-types.js';
import type { RunFinished, RunStarted } from '../runtime/run-listener.js';
import { createTempWorkspace, type TempWorkspace } from '../test-support/temp-workspace.js';
import { loadWorkspaceFromDisk } from '../workspace/load-workspace-from-disk.js';
import { finishEvent, startEvent } from './run-event-builder.js';
import { officialProblems } from './test-support/official-openlineage-schemas.js';
import type { OpenLineageDataset, OpenLineageRunEvent } from './openlineage-types.js';

let ws: TempWorkspace;
let model: MeshModel;

beforeAll(async () => {
  ws = await createTempWorkspace([
    ['sales', 'orders'],
    ['sales', 'summary', 'aggregate'],
  ]);
  // sales.summary reads sales.orders v1 (and keeps its CSV as a second input).
  await ws.edit('domains/sales/summary/pipeline.yaml', (yaml) =>
    yaml.replace(
      'inputs:\n',
      'inputs:\n  - name: orders\n    kind: product\n    product: sales.orders\n    port: orders\n    majorVersion: 1\n',
    ),
  );
  const loaded = await loadWorkspaceFromDisk(ws.root, {});
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  model = loaded.model;
});

afterAll(() => ws?.dispose());

const scope = () => ({ model, root: ws.root, namespace: 'acme' });
const RUN_ID = '0190a3c4-5b6d-7e8f-9a0b-1c2d3e4f5a6b';
const ORDERS_V1 = { namespace: 'meshwork://acme', name: 'sales.orders.orders_v1' };

function started(productId: string, trigger: RunStarted['trigger'] = 'manual'): RunStarted {
  return {
    product: model.products.get(productId)!,
    runId: RUN_ID,
    at: new Date('2026-03-01T02:00:07.250Z'),
    trigger,
    requestedBy: 'test',
  };
}

const check = (overrides: Partial<CheckResult> & Pick<CheckResult, 'id' | 'status'>): CheckResult => ({
  kind: 'quality',
  blocking: true,
  message: `${overrides.id} ${overrides.status}`,
  ...overrides,
});

/** Every value and row transform, on columns of sales.summary reading `orders` and `raw_input`. */
const SUMMARY_LINEAGE: PipelineLineage = {
  productId: 'sales.summary',
  inputs: [
    { name: 'orders', kind: 'product', product: 'sales.orders', port: 'orders', major: 1 },
    { name: 'raw_input', kind: 'file', location: 'data/sample.csv' },
  ],
  outputs: [
    {
      port: 'summary',
      major: 1,
      from: 'summary',
      columns: [
        { column: 'id', sources: [{ relation: 'orders', column: 'id', transform: 'direct' }] },
        { column: 'name', sources: [{ relation: 'orders', column: 'name', transform: 'expression' }] },
        {
          column: 'amount',
          sources: [
            { relation: 'orders', column: 'amount', transform: 'aggregate' },
            { relation: 'raw_input', column: 'amount', transform: 'aggregate' },
          ],
        },
        {
          column: 'created_on',
          sources: [
            { relation: 'orders', column: 'created_on', transform: 'masked' },
            { relation: 'orders', column: 'name', transform: 'conditional' },
            { relation: 'scratch', column: 'x', transform: 'direct' },
          ],
        },
        { column: 'mystery', sources: [], unresolved: 'a table function Meshwork cannot read' },
      ],
      rows: [
        { relation: 'orders', column: 'id', transform: 'filter' },
        { relation: 'orders', column: 'id', transform: 'group' },
        { relation: 'raw_input', column: 'id', transform: 'join' },
        { relation: 'orders', column: 'id', transform: 'join' },
        { relation: 'orders', column: 'created_on', transform: 'sort' },
        { relation: 'orders', column: 'amount', transform: 'window' },
      ],
      unresolved: [],
    },
  ],
  unresolved: [],
};

function finished(productId: string, outcome: RunFinished['outcome'], extra: Partial<RunFinished> = {}): RunFinished {
  const product = model.products.get(productId)!;
  const port = product.outputPorts[0]!;
  return {
    ...started(productId),
    outcome,
    endedAt: new Date('2026-03-01T02:00:09.000Z'),
    outputs: [
      {
        port,
        ...(outcome === 'succeeded' ? { snapshotId: '7253000000000000001' } : {}),
        rowCount: 2,
        schema: [
          { name: 'id', type: 'VARCHAR', nullable: false },
          { name: 'amount', type: 'DECIMAL(12,2)', nullable: true },
        ],
        checks: [
          check({ id: 'schema:column:id', kind: 'schema', status: 'passed', column: 'id', observed: 'VARCHAR' }),
          check({
            id: 'quality:table:0',
            status: outcome === 'succeeded' ? 'passed' : 'failed',
            observed: 2,
            threshold: 'mustBeGreaterThan 0',
          }),
          check({ id: 'quality:amount:0', status: 'error', column: 'amount', blocking: false }),
          check({ id: 'quality:name:0', status: 'recorded', column: 'name' }),
        ],
      },
    ],
    ...extra,
  };
}

const output = (event: OpenLineageRunEvent): OpenLineageDataset => event.outputs[0]!;

describe('columnLineage facet', () => {
  it('maps value dependencies to DIRECT and row dependencies to INDIRECT, naming input fields by their datasets', () => {
    const event = finishEvent(scope(), finished('sales.summary', 'succeeded', { lineage: SUMMARY_LINEAGE }));
    const csv = { namespace: 'file', name: join(ws.root, 'domains/sales/summary/data/sample.csv') };
    const direct = (subtype: string, masking = false) => ({ type: 'DIRECT', subtype, masking });
    const indirect = (subtype: string) => ({ type: 'INDIRECT', subtype, masking: false });
    const facet = output(event).facets!.columnLineage!;
    expect(facet.fields).toEqual({
      id: { inputFields: [{ ...ORDERS_V1, field: 'id', transformations: [direct('IDENTITY')] }] },
      name: { inputFields: [{ ...ORDERS_V1, field: 'name', transformations: [direct('TRANSFORMATION')] }] },
      amount: {
        inputFields: [
          { ...ORDERS_V1, field: 'amount', transformations: [direct('AGGREGATION')] },
          { ...csv, field: 'amount', transformations: [direct('AGGREGATION')] },
        ],
      },
      // `scratch` is no input of the pipeline: left out, never invented; `mystery` has no known source.
      created_on: {
        inputFields: [
          { ...ORDERS_V1, field: 'created_on', transformations: [direct('TRANSFORMATION', true)] },
          { ...ORDERS_V1, field: 'name', transformations: [indirect('CONDITIONAL')] },
        ],
      },
    });
    expect(facet.dataset).toEqual([
      { ...ORDERS_V1, field: 'id', transformations: [indirect('FILTER'), indirect('GROUP_BY'), indirect('JOIN')] },
      { ...csv, field: 'id', transformations: [indirect('JOIN')] },
      { ...ORDERS_V1, field: 'created_on', transformations: [indirect('SORT')] },
      { ...ORDERS_V1, field: 'amount', transformations: [indirect('WINDOW')] },
    ]);
    expect(event.inputs).toEqual([ORDERS_V1, csv]);
  });

  it('is left out when the lineage has only gaps', () => {
    const gaps: PipelineLineage = {
      productId: 'sales.summary',
      inputs: [],
      outputs: [{ port: 'summary', major: 1, from: 'summary', columns: [], rows: [], unresolved: [{ reason: 'no' }] }],
      unresolved: [],
    };
    expect(
      output(finishEvent(scope(), finished('sales.summary', 'succeeded', { lineage: gaps }))).facets,
    ).not.toHaveProperty('columnLineage');
    expect(output(finishEvent(scope(), finished('sales.summary', 'succeeded'))).facets).not.toHaveProperty(
      'columnLineage',
    );
  });
});

describe('run events', () => {
  it('START names the job, its inputs and outputs, with the job facets and the processing engine', () => {
    const event = startEvent(scope(), started('sales.orders'), { sourceCode: '-- step orders\nSELECT 1\n' });
    expect(event).toMatchObject({
      eventType: 'START',
      eventTime: '2026-03-01T02:00:07.250Z',
      schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
      run: { runId: RUN_ID, facets: { processing_engine: { name: 'Meshwork', version: '0.1.0' } } },
      job: {
        namespace: 'acme',
        name: 'sales.orders',
        facets: {
          jobType: { processingType: 'BATCH', integration: 'MESHWORK', jobType: 'PIPELINE' },
          ownership: { owners: [{ name: 'team:platform', type: 'OWNER' }] },
          documentation: { description: expect.stringMatching(/\S/) },
          sourceCode: { language: 'SQL', sourceCode: '-- step orders\nSELECT 1\n' },
        },
      },
      inputs: [{ namespace: 'file', name: join(ws.root, 'domains/sales/orders/data/sample.csv') }],
      outputs: [{ ...ORDERS_V1, facets: { dataSource: { name: 'meshwork://acme', uri: 'meshwork://acme' } } }],
    });
    expect(event.run.facets).not.toHaveProperty('nominalTime');
    expect(event.run.facets).not.toHaveProperty('errorMessage');
  });

  it('COMPLETE carries the schema, the executed checks, ownership, documentation and the published snapshot', () => {
    const facets = output(finishEvent(scope(), finished('sales.orders', 'succeeded'))).facets!;
    expect(facets.schema!.fields).toEqual([
      { name: 'id', type: 'VARCHAR', description: 'Stable identifier.', ordinal_position: 1 },
      { name: 'amount', type: 'DECIMAL(12,2)', description: 'Amount in EUR.', ordinal_position: 2 },
    ]);
    expect(facets.dataQualityAssertions!.assertions).toEqual([
      expect.objectContaining({ assertion: 'schema:column:id', success: true, column: 'id', actual: 'VARCHAR' }),
      expect.objectContaining({
        assertion: 'quality:table:0',
        success: true,
        severity: 'error',
        expected: 'mustBeGreaterThan 0',
        actual: '2',
      }),
      expect.objectContaining({ assertion: 'quality:amount:0', success: false, column: 'amount', severity: 'warn' }),
    ]);
    expect(facets.dataQualityAssertions!.assertions).toHaveLength(3);
    expect(facets.ownership).toMatchObject({ owners: [{ name: 'team:platform' }] });
    expect(facets.documentation).toMatchObject({ description: 'Orders, one row per id.' });
    expect(facets.version).toMatchObject({ datasetVersion: '7253000000000000001' });
  });

  it('FAIL carries the coded error and no version, since nothing was published', () => {
    const event = finishEvent(
      scope(),
      finished('sales.orders', 'failed', {
        error: { code: 'MW8001', message: 'input "raw_input": no file matches data/sample.csv' },
      }),
    );
    expect(event.eventType).toBe('FAIL');
    expect(event.run.facets!.errorMessage).toMatchObject({
      message: 'MW8001: input "raw_input": no file matches data/sample.csv',
      programmingLanguage: 'TypeScript',
    });
    expect(output(event).facets).not.toHaveProperty('version');
    expect(output(event).facets!.dataQualityAssertions!.assertions).toContainEqual(
      expect.objectContaining({ assertion: 'quality:table:0', success: false }),
    );
  });

  it('a scheduled run has its slot as nominal time: the minute it fired, to the next one', () => {
    const event = startEvent(scope(), started('sales.orders', 'schedule'));
    expect(event.run.facets!.nominalTime).toMatchObject({
      nominalStartTime: '2026-03-01T02:00:00.000Z',
      nominalEndTime: '2026-03-02T02:00:00.000Z',
    });
  });
});

describe.skipIf(!standardsDir)('against the official OpenLineage schemas', () => {
  it('every event and every facet is valid', () => {
    const events = [
      startEvent(scope(), started('sales.summary', 'schedule'), { sourceCode: 'SELECT 1' }),
      finishEvent(scope(), finished('sales.summary', 'succeeded', { lineage: SUMMARY_LINEAGE })),
      finishEvent(scope(), finished('sales.summary', 'failed', { error: { code: 'MW8002', message: 'bad row' } })),
      finishEvent(scope(), finished('sales.orders', 'failed')),
    ];
    for (const event of events) expect(officialProblems(event), event.eventType).toEqual([]);
  });

  it('the validator is not blind: a broken event and a broken facet are caught', () => {
    const event = finishEvent(scope(), finished('sales.summary', 'succeeded', { lineage: SUMMARY_LINEAGE }));
    const broken = JSON.parse(JSON.stringify(event)) as {
      run: { runId: string };
      outputs: { facets: { schema: { fields: unknown } } }[];
    };
    broken.run.runId = 'not-a-uuid';
    broken.outputs[0]!.facets.schema.fields = [{ type: 'VARCHAR' }];
    const problems = officialProblems(broken);
    expect(problems).toContain('/run/runId: must match format "uuid"');
    expect(problems).toContain("/outputs/0/facets/schema/fields/0: must have required property 'name'");
  });
});
