/**
 * Checks at the store's edge for lineage: ids are UUIDs, timestamps real, bodies plain JSON
 * objects of bounded size, serialised to the canonical text both adapters return byte for byte.
 * Every problem is InputError MW6101 naming the field, and then nothing is recorded.
 */
import { InputError } from '@meshwork/core';
import { canonicalJson } from './canonical-json.js';
import type { LineageEventInput } from './lineage-event-types.js';
import type { PipelineLineageInput } from './pipeline-lineage-types.js';
import { optionalText, requireText, toTimestamp } from './record-validation.js';
import { requireRunId } from './run-validation.js';

/** A pipeline's lineage or one event past this is the caller's bug (or an attack), not lineage. */
export const MAX_LINEAGE_JSON = 16 * 1024 * 1024;

export interface NewPipelineLineageRow {
  readonly product_id: string;
  readonly run_id: string;
  readonly recorded_at: string;
  readonly lineage: string;
}

export interface NewLineageEventRow {
  readonly id: string;
  readonly event_type: string;
  readonly event_time: string;
  readonly producer: string;
  readonly job_namespace: string | null;
  readonly job_name: string | null;
  readonly run_id: string | null;
  readonly body: string;
  readonly received_by: string;
  readonly received_at: string;
}

export function normalizePipelineLineage(input: PipelineLineageInput, now: () => Date): NewPipelineLineageRow {
  if (typeof input !== 'object' || input === null) throw new InputError('MW6101', 'pipelineLineage must be an object.');
  const lineage = input.lineage as { readonly [key: string]: unknown } | null;
  if (typeof lineage !== 'object' || lineage === null || Array.isArray(lineage)) {
    throw new InputError('MW6101', 'pipelineLineage.lineage must be a PipelineLineage object.');
  }
  for (const list of ['inputs', 'outputs', 'unresolved']) {
    if (!Array.isArray(lineage[list])) {
      throw new InputError('MW6101', `pipelineLineage.lineage.${list} must be an array.`);
    }
  }
  return {
    product_id: requireText(input.productId, 'pipelineLineage.productId', 200),
    run_id: requireRunId(input.runId, 'pipelineLineage.runId'),
    recorded_at: toTimestamp(input.recordedAt, 'pipelineLineage.recordedAt', now),
    lineage: boundedJson(lineage, 'pipelineLineage.lineage'),
  };
}

export function normalizeLineageEvent(input: LineageEventInput, now: () => Date): NewLineageEventRow {
  if (typeof input !== 'object' || input === null) throw new InputError('MW6101', 'lineageEvent must be an object.');
  const body = input.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new InputError('MW6101', 'lineageEvent.body must be the event as a JSON object.');
  }
  if (input.eventTime === undefined || input.eventTime === null) {
    throw new InputError('MW6101', 'lineageEvent.eventTime is required: the event says when it happened.');
  }
  return {
    id: requireRunId(input.id, 'lineageEvent.id'),
    event_type: requireText(input.eventType, 'lineageEvent.eventType', 64),
    event_time: toTimestamp(input.eventTime, 'lineageEvent.eventTime', now),
    producer: requireText(input.producer, 'lineageEvent.producer', 2000),
    job_namespace: optionalText(input.jobNamespace, 'lineageEvent.jobNamespace', 2000),
    job_name: optionalText(input.jobName, 'lineageEvent.jobName', 2000),
    run_id: optionalText(input.runId, 'lineageEvent.runId', 200),
    body: boundedJson(body, 'lineageEvent.body'),
    received_by: requireText(input.receivedBy, 'lineageEvent.receivedBy', 200),
    received_at: toTimestamp(input.receivedAt, 'lineageEvent.receivedAt', now),
  };
}

function boundedJson(value: unknown, field: string): string {
  const text = canonicalJson(value, field);
  if (text.length > MAX_LINEAGE_JSON) {
    throw new InputError('MW6101', `${field} is larger than ${MAX_LINEAGE_JSON} characters of JSON.`);
  }
  return text;
}
