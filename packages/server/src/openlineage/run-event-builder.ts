/**
 * A run as OpenLineage run events: `started` → START, `finished` → COMPLETE (succeeded) or FAIL
 * (with the `errorMessage` run facet). The job is the product (`{namespace, name: domain.product}`);
 * inputs are the pipeline's inputs, outputs the port versions it writes, each with the facets
 * listed in docs/reference/openlineage.md. Pure: everything comes from the run, the model and
 * the step SQL the caller read.
 */
import { Cron } from 'croner';
import type { Contract, DataProduct, OutputPort } from '@meshwork/core';
import type { RunError } from '../metadata/run-types.js';
import type { RunFinished, RunOutputResult, RunStarted } from '../runtime/run-listener.js';
import type { JsonValue } from '../metadata/canonical-json.js';
import { columnLineageFacet } from './column-lineage-facet.js';
import { facet, MESHWORK_PRODUCER, MESHWORK_VERSION, teamOwners } from './openlineage-facets.js';
import { meshworkNamespace, portDataset, type DatasetName } from './openlineage-naming.js';
import {
  RUN_EVENT_SCHEMA_URL,
  type Facets,
  type OpenLineageDataset,
  type OpenLineageRunEvent,
  type RunEventType,
} from './openlineage-types.js';
import { inputDatasets, outputTargets, datasetPort, type DatasetScope } from './run-datasets.js';

export interface RunEventExtras {
  /** The pipeline's SQL steps, for the `sourceCode` job facet; absent when unreadable. */
  readonly sourceCode?: string;
}

export function startEvent(scope: DatasetScope, run: RunStarted, extras: RunEventExtras = {}): OpenLineageRunEvent {
  const inputs = inputDatasets(scope, run.product, undefined);
  return runEvent(scope, run, 'START', run.at, extras, {
    inputs: [...inputs.values()],
    outputs: outputTargets(run.product).map((port) => outputDataset(scope, run.product, port)),
  });
}

export function finishEvent(scope: DatasetScope, run: RunFinished, extras: RunEventExtras = {}): OpenLineageRunEvent {
  const inputs = inputDatasets(scope, run.product, run.lineage);
  const outputs = outputTargets(run.product).map((port) => {
    const result = run.outputs.find((o) => o.port.name === port.name && o.port.major === port.major);
    const portLineage = run.lineage?.outputs.find((o) => o.port === port.name && o.major === port.major);
    const columnLineage = portLineage ? columnLineageFacet(portLineage, (relation) => inputs.get(relation)) : undefined;
    return outputDataset(scope, run.product, port, { result, columnLineage });
  });
  const type = run.outcome === 'succeeded' ? 'COMPLETE' : 'FAIL';
  return runEvent(scope, run, type, run.endedAt, extras, { inputs: [...inputs.values()], outputs }, run.error);
}

function runEvent(
  scope: DatasetScope,
  run: RunStarted,
  eventType: RunEventType,
  at: Date,
  extras: RunEventExtras,
  datasets: { inputs: readonly DatasetName[]; outputs: readonly OpenLineageDataset[] },
  error?: RunError,
): OpenLineageRunEvent {
  const product = run.product;
  const runFacets: Record<string, Facets[string]> = {
    processing_engine: facet('processingEngine', { name: 'Meshwork', version: MESHWORK_VERSION }),
  };
  const nominal = run.trigger === 'schedule' ? nominalTime(product, run.at) : undefined;
  if (nominal) runFacets.nominalTime = facet('nominalTime', nominal);
  if (eventType === 'FAIL') {
    runFacets.errorMessage = facet('errorMessage', {
      message: error ? `${error.code}: ${error.message}` : 'the run failed',
      programmingLanguage: 'TypeScript',
    });
  }
  const jobFacets: Record<string, Facets[string]> = {
    jobType: facet('jobType', { processingType: 'BATCH', integration: 'MESHWORK', jobType: 'PIPELINE' }),
  };
  if (product.description) jobFacets.documentation = facet('jobDocumentation', { description: product.description });
  const owners = teamOwners(product.ownerTeam);
  if (owners) jobFacets.ownership = facet('jobOwnership', { owners });
  if (extras.sourceCode) jobFacets.sourceCode = facet('sourceCode', { language: 'SQL', sourceCode: extras.sourceCode });
  return {
    eventType,
    eventTime: at.toISOString(),
    producer: MESHWORK_PRODUCER,
    schemaURL: RUN_EVENT_SCHEMA_URL,
    run: { runId: run.runId, facets: runFacets },
    job: { namespace: scope.namespace, name: product.id, facets: jobFacets },
    inputs: datasets.inputs.map((d) => ({ namespace: d.namespace, name: d.name })),
    outputs: datasets.outputs,
  };
}

/** An output port version with what is known of it: always where and whose, and after the run what was written. */
function outputDataset(
  scope: DatasetScope,
  product: DataProduct,
  port: OutputPort,
  written: { result?: RunOutputResult; columnLineage?: Facets[string] } = {},
): OpenLineageDataset {
  const dataset = portDataset(scope.namespace, datasetPort(product, port));
  const source = meshworkNamespace(scope.namespace);
  const facets: Record<string, Facets[string]> = { dataSource: facet('dataSource', { name: source, uri: source }) };
  const description = port.description ?? contractDescription(port.contract);
  if (description) facets.documentation = facet('datasetDocumentation', { description });
  const owners = teamOwners(product.ownerTeam);
  if (owners) facets.ownership = facet('datasetOwnership', { owners });
  const result = written.result;
  if (result?.schema) facets.schema = facet('schema', { fields: schemaFields(result.schema, port.contract) });
  if (written.columnLineage) facets.columnLineage = written.columnLineage;
  const assertions = result ? qualityAssertions(result) : [];
  if (assertions.length > 0) facets.dataQualityAssertions = facet('dataQualityAssertions', { assertions });
  if (result?.snapshotId) facets.version = facet('version', { datasetVersion: result.snapshotId });
  return { ...dataset, facets };
}

function schemaFields(schema: NonNullable<RunOutputResult['schema']>, contract: Contract | undefined): JsonValue[] {
  const columns = contract?.tables.flatMap((t) => t.columns) ?? [];
  return schema.map((column, i) => {
    const description = columns.find((c) => c.name === column.name)?.description;
    return {
      name: column.name,
      type: column.type,
      ...(description ? { description } : {}),
      ordinal_position: i + 1,
    };
  });
}

/** Executed checks only: a rule the contract records but Meshwork does not run has no outcome. */
function qualityAssertions(result: RunOutputResult): JsonValue[] {
  return result.checks
    .filter((check) => check.status !== 'recorded')
    .map((check) => ({
      assertion: check.id,
      success: check.status === 'passed',
      ...(check.column === undefined ? {} : { column: check.column }),
      severity: check.blocking ? 'error' : 'warn',
      description: check.message,
      ...(check.threshold === undefined ? {} : { expected: check.threshold }),
      ...(check.observed === undefined ? {} : { actual: String(check.observed) }),
      ...(check.rule === undefined ? {} : { content: check.rule }),
    }));
}

function contractDescription(contract: Contract | undefined): string | undefined {
  const described = (contract?.document as { description?: { purpose?: unknown } } | undefined)?.description;
  const purpose = described?.purpose;
  return typeof purpose === 'string' && purpose.trim() !== '' ? purpose : contract?.tables[0]?.description;
}

/**
 * A scheduled run's slot: the minute the scheduler fired it (schedules are 5-field UTC cron
 * expressions) to the next slot. Absent when the pipeline has no readable schedule.
 */
function nominalTime(
  product: DataProduct,
  at: Date,
): { nominalStartTime: string; nominalEndTime?: string } | undefined {
  const schedule = product.pipeline?.definition.schedule;
  if (!schedule) return undefined;
  const start = new Date(Math.floor(at.getTime() / 60_000) * 60_000);
  try {
    const next = new Cron(schedule, { timezone: 'UTC', paused: true }).nextRun(start);
    return { nominalStartTime: start.toISOString(), ...(next ? { nominalEndTime: next.toISOString() } : {}) };
  } catch {
    return { nominalStartTime: start.toISOString() };
  }
}
