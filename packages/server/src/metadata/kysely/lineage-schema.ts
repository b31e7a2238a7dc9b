/**
 * The lineage tables as Kysely sees them (joined into `MetadataSchema`). Same conventions as
 * metadata-schema.ts: timestamps come back as Date (PostgreSQL) or text (SQLite); the
 * repository normalises on read.
 */
import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date | string, string, string>;

export interface PipelineLineageTable {
  product_id: string;
  run_id: string;
  recorded_at: Timestamp;
  /** Canonical JSON of a PipelineLineage. */
  lineage: string;
}

export interface LineageEventsTable {
  id: string;
  event_type: string;
  event_time: Timestamp;
  producer: string;
  job_namespace: string | null;
  job_name: string | null;
  run_id: string | null;
  /** Canonical JSON of the event as received. */
  body: string;
  received_by: string;
  received_at: Timestamp;
}
