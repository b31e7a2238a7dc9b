/**
 * A stored OpenLineage event (its body as received) reduced to what the graph merges: the one
 * reduction, used by the intake when it accepts an event and at start to rebuild the graph, so
 * both always agree. A DatasetEvent's one `dataset` counts as an output (it describes that dataset).
 */
import type { JsonValue } from '../metadata/canonical-json.js';
import type { LineageEventRecord } from '../metadata/lineage-event-types.js';
import type { AcceptedDataset, AcceptedLineageEvent } from './lineage-event-sink.js';

export function acceptedEventFromRecord(record: LineageEventRecord): AcceptedLineageEvent {
  const body = objectOf(record.body) ?? {};
  return {
    id: record.id,
    eventType: record.eventType,
    eventTime: record.eventTime,
    ...(record.jobNamespace !== null && record.jobName !== null
      ? { job: { namespace: record.jobNamespace, name: record.jobName } }
      : {}),
    ...(record.runId !== null ? { runId: record.runId } : {}),
    inputs: datasets(body.inputs),
    outputs: [...datasets(body.outputs), ...datasets(body.dataset === undefined ? undefined : [body.dataset])],
  };
}

function datasets(value: JsonValue | undefined): AcceptedDataset[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: JsonValue) => {
    const dataset = objectOf(item);
    if (!dataset || typeof dataset.namespace !== 'string' || typeof dataset.name !== 'string') return [];
    const facets = objectOf(dataset.facets);
    return [{ namespace: dataset.namespace, name: dataset.name, ...(facets ? { facets } : {}) }];
  });
}

function objectOf(value: JsonValue | undefined): { readonly [key: string]: JsonValue } | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as { readonly [key: string]: JsonValue })
    : undefined;
}
