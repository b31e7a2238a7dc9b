/**
 * The tables several servers coordinate through (migration 0009), as Kysely sees them (joined
 * into `MetadataSchema`). Same conventions as metadata-schema.ts: timestamps come back as Date
 * (PostgreSQL) or text (SQLite), bigint as string or number; the repositories normalise on read.
 */
import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date | string, string, string>;

export interface ScheduleClaimsTable {
  job: string;
  slot: string;
  claimed_by: string;
  claimed_at: Timestamp;
  run_id: string | null;
}

export interface ChangeMarkersTable {
  topic: string;
  version: ColumnType<number | string, number, number>;
  changed_at: Timestamp;
}
