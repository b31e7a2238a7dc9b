/** Lineage rows as stored ↔ as returned, and the keyset cursor of the oldest-first event list. */
import { InputError } from '@meshwork/core';
import type { Selectable } from 'kysely';
import type { JsonValue } from '../canonical-json.js';
import type { LineageEventRecord } from '../lineage-event-types.js';
import { decodeCursor, encodeCursor } from '../page-request.js';
import type { PipelineLineageRecord } from '../pipeline-lineage-types.js';
import { fromTimestamp } from '../record-validation.js';
import { runIdOrUndefined } from '../run-validation.js';
import type { LineageEventsTable, PipelineLineageTable } from './lineage-schema.js';

export function toPipelineLineage(row: Selectable<PipelineLineageTable>): PipelineLineageRecord {
  return {
    productId: row.product_id,
    runId: row.run_id,
    recordedAt: fromTimestamp(row.recorded_at),
    lineage: JSON.parse(row.lineage) as JsonValue,
  };
}

export function toLineageEvent(row: Selectable<LineageEventsTable>): LineageEventRecord {
  return {
    id: row.id,
    eventType: row.event_type,
    eventTime: fromTimestamp(row.event_time),
    producer: row.producer,
    jobNamespace: row.job_namespace,
    jobName: row.job_name,
    runId: row.run_id,
    body: JSON.parse(row.body) as JsonValue,
    receivedBy: row.received_by,
    receivedAt: fromTimestamp(row.received_at),
  };
}

export interface EventPosition {
  readonly receivedAt: string;
  readonly id: string;
}

const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const KIND = 'lev';

export function encodeEventCursor(event: LineageEventRecord): string {
  return encodeCursor(`${KIND}|${event.receivedAt}|${event.id}`);
}

export function decodeEventCursor(cursor: string | undefined): EventPosition | undefined {
  const key = decodeCursor(cursor);
  if (key === undefined) return undefined;
  const [kind, receivedAt = '', rawId = '', ...rest] = key.split('|');
  const id = runIdOrUndefined(rawId);
  if (kind !== KIND || !ISO_MS.test(receivedAt) || id === undefined || rest.length > 0) {
    throw new InputError(
      'MW6103',
      'after is not a cursor returned by listLineageEvents; pass the `next` of the previous page of events.',
    );
  }
  return { receivedAt, id };
}
