/**
 * The agreement and webhook delivery tables as Kysely sees them (joined into `MetadataSchema`).
 * Same conventions as metadata-schema.ts: timestamps come back as Date (PostgreSQL) or text
 * (SQLite) and are normalised on read.
 */
import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date | string, string, string>;
type NullableTimestamp = ColumnType<Date | string | null, string | null, string | null>;

export interface AgreementsTable {
  id: string;
  principal_id: string;
  product_id: string;
  port: string;
  major: number;
  purpose: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  status: string;
  requested_at: Timestamp;
  decided_by: string | null;
  decided_at: NullableTimestamp;
  decision_note: string | null;
  ended_by: string | null;
  ended_at: NullableTimestamp;
  end_note: string | null;
  updated_at: Timestamp;
}

export interface WebhookDeliveriesTable {
  delivery_id: string;
  attempt: number;
  subscription_id: string;
  event_id: string;
  event_type: string;
  outcome: string;
  http_status: number | null;
  error: string | null;
  duration_ms: number;
  next_attempt_at: NullableTimestamp;
  body: string;
  attempted_at: Timestamp;
}
