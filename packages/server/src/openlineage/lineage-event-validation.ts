/**
 * Meshwork's own check of an OpenLineage event (spec 2-0-2) received at `POST /api/v1/lineage`:
 * what the spec requires — `eventTime` (RFC 3339 date-time with a zone), `producer` and
 * `schemaURL` (URIs), then by kind: a run event has `run.runId` (a UUID) and `job`
 * (`namespace`, `name`), `eventType` in the spec's enum when present; a job event has `job` and
 * no `run`; a dataset event has `dataset` and not both `job` and `run`. Datasets need `namespace`
 * and `name`; every facet needs `_producer` and `_schemaURL`. On top, limits that keep one event
 * from costing the server much: nesting depth, datasets per event, facets per object, fields per
 * `schema` or `columnLineage` facet, length of names. Facet content is not judged beyond what
 * the lineage graph reads (`schema` and `columnLineage`); anything else is kept as received.
 *
 * The first problem found is an InputError MW8851 naming its JSON pointer, e.g.
 * `/run/runId: must be a UUID`.
 */
import type { JsonValue } from '../metadata/canonical-json.js';
import type { AcceptedDataset } from '../lineage/lineage-event-sink.js';
import { columnLineageFacet, facets, schemaFacet } from './facet-checks.js';
import { checkDepth, dateTime, invalid, LINEAGE_LIMITS, name, object, uri, UUID, type Json } from './json-checks.js';

export { LINEAGE_LIMITS } from './json-checks.js';

export const RUN_EVENT_TYPES = ['START', 'RUNNING', 'COMPLETE', 'ABORT', 'FAIL', 'OTHER'] as const;

export interface ValidatedLineageEvent {
  readonly kind: 'run' | 'job' | 'dataset';
  /** A run event's `eventType` (`OTHER` when it has none, which the spec allows); `JOB` or `DATASET` otherwise. */
  readonly eventType: string;
  readonly eventTime: string;
  readonly producer: string;
  readonly job?: { readonly namespace: string; readonly name: string };
  readonly runId?: string;
  readonly inputs: readonly AcceptedDataset[];
  /** A dataset event's dataset is its one output: it describes the dataset, nothing feeds it. */
  readonly outputs: readonly AcceptedDataset[];
  /** The event as received. */
  readonly body: { readonly [key: string]: JsonValue };
}

export function validateLineageEvent(value: unknown): ValidatedLineageEvent {
  checkDepth(value);
  const event = object(value as JsonValue, '');
  const eventTime = dateTime(event.eventTime, '/eventTime');
  const producer = uri(event.producer, '/producer');
  uri(event.schemaURL, '/schemaURL');
  const has = (key: string) => event[key] !== undefined;
  // As the spec's oneOf decides: run and job make a run event; job without run a job event;
  // dataset without job a dataset event (a stray `run` there is ignored, as the spec allows).
  const kind =
    has('run') && (has('job') || !has('dataset')) ? 'run' : has('job') ? 'job' : has('dataset') ? 'dataset' : undefined;
  if (kind === undefined) {
    throw invalid(
      '',
      'must be a run event (with run and job), a job event (with job) or a dataset event (with dataset)',
    );
  }
  if (kind === 'run') return runEvent(event, eventTime, producer);
  if (kind === 'job') {
    if (has('dataset'))
      throw invalid('/dataset', 'must not be given with job: a job event has no dataset, a dataset event no job');
    const job = jobOf(event.job, '/job');
    const inputs = datasets(event.inputs, '/inputs', 'inputFacets');
    const outputs = datasets(event.outputs, '/outputs', 'outputFacets');
    countDatasets(inputs, outputs);
    return { kind, eventType: 'JOB', eventTime, producer, job, inputs, outputs, body: event };
  }
  const dataset = datasetOf(event.dataset, '/dataset');
  return { kind, eventType: 'DATASET', eventTime, producer, inputs: [], outputs: [dataset], body: event };
}

function runEvent(event: Json, eventTime: string, producer: string): ValidatedLineageEvent {
  if (event.job === undefined) throw invalid('/job', 'is required in a run event');
  const run = object(event.run, '/run');
  if (run.runId === undefined) throw invalid('/run/runId', 'is required');
  if (typeof run.runId !== 'string' || !UUID.test(run.runId)) throw invalid('/run/runId', 'must be a UUID');
  facets(run.facets, '/run/facets', false);
  if (event.eventType !== undefined && !(RUN_EVENT_TYPES as readonly JsonValue[]).includes(event.eventType)) {
    throw invalid('/eventType', `must be one of ${RUN_EVENT_TYPES.join(', ')}`);
  }
  const job = jobOf(event.job, '/job');
  const inputs = datasets(event.inputs, '/inputs', 'inputFacets');
  const outputs = datasets(event.outputs, '/outputs', 'outputFacets');
  countDatasets(inputs, outputs);
  return {
    kind: 'run',
    eventType: typeof event.eventType === 'string' ? event.eventType : 'OTHER',
    eventTime,
    producer,
    job,
    runId: run.runId,
    inputs,
    outputs,
    body: event,
  };
}

function jobOf(value: JsonValue | undefined, pointer: string): { namespace: string; name: string } {
  const job = object(value, pointer);
  const namespace = name(job.namespace, `${pointer}/namespace`);
  const jobName = name(job.name, `${pointer}/name`);
  facets(job.facets, `${pointer}/facets`, true);
  return { namespace, name: jobName };
}

function datasets(value: JsonValue | undefined, pointer: string, ioFacets: string): AcceptedDataset[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw invalid(pointer, 'must be an array of datasets');
  if (value.length > LINEAGE_LIMITS.maxDatasets) {
    throw invalid(pointer, `has ${value.length} datasets; at most ${LINEAGE_LIMITS.maxDatasets} are accepted`);
  }
  return value.map((item: JsonValue, i) => {
    const dataset = datasetOf(item, `${pointer}/${i}`);
    facets(object(item, `${pointer}/${i}`)[ioFacets], `${pointer}/${i}/${ioFacets}`, false);
    return dataset;
  });
}

function datasetOf(value: JsonValue | undefined, pointer: string): AcceptedDataset {
  const dataset = object(value, pointer);
  const namespace = name(dataset.namespace, `${pointer}/namespace`);
  const datasetName = name(dataset.name, `${pointer}/name`);
  const datasetFacets = facets(dataset.facets, `${pointer}/facets`, true);
  if (datasetFacets) {
    schemaFacet(datasetFacets.schema, `${pointer}/facets/schema`);
    columnLineageFacet(datasetFacets.columnLineage, `${pointer}/facets/columnLineage`);
  }
  return { namespace, name: datasetName, ...(datasetFacets ? { facets: datasetFacets } : {}) };
}

function countDatasets(inputs: readonly unknown[], outputs: readonly unknown[]): void {
  if (inputs.length + outputs.length > LINEAGE_LIMITS.maxDatasets) {
    throw invalid('/outputs', `inputs and outputs hold more than ${LINEAGE_LIMITS.maxDatasets} datasets together`);
  }
}
