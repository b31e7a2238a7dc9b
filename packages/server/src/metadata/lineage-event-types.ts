/**
 * OpenLineage events accepted at `POST /api/v1/lineage`, kept as received (the body is the event
 * itself) with the fields lineage queries and listings need lifted out.
 */
import type { JsonValue } from './canonical-json.js';

export interface LineageEventInput {
  /** Meshwork's id of the accepted event (a UUID); the event's own run id is `runId`. */
  readonly id: string;
  /** `START`, `RUNNING`, `COMPLETE`, `ABORT`, `FAIL`, `OTHER` for run events; `DATASET` or `JOB` otherwise. */
  readonly eventType: string;
  /** The event's `eventTime` (ISO 8601). */
  readonly eventTime: string;
  /** The event's `producer` URI. */
  readonly producer: string;
  readonly jobNamespace?: string | null;
  readonly jobName?: string | null;
  readonly runId?: string | null;
  /** The whole event as received. */
  readonly body: JsonValue;
  /** The principal that posted it. */
  readonly receivedBy: string;
  /** Defaults to the store's clock. */
  readonly receivedAt?: string | Date;
}

export interface LineageEventRecord {
  readonly id: string;
  readonly eventType: string;
  readonly eventTime: string;
  readonly producer: string;
  readonly jobNamespace: string | null;
  readonly jobName: string | null;
  readonly runId: string | null;
  readonly body: JsonValue;
  readonly receivedBy: string;
  readonly receivedAt: string;
}
