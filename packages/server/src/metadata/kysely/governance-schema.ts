/**
 * The governance compliance tables as Kysely sees them (joined into `MetadataSchema`). Same
 * conventions as metadata-schema.ts: timestamps come back as Date (PostgreSQL) or text (SQLite),
 * 64-bit counts as string (PostgreSQL bigint) or number (SQLite); the repository normalises on read.
 */
import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date | string, string, string>;
type Count = ColumnType<number | string, number, never>;

export interface GovernanceChecksTable {
  id: string;
  checked_at: Timestamp;
  actor: string;
  trigger: string;
  policy_set_hash: string;
  product_count: Count;
}

export interface GovernanceCheckCountsTable {
  check_id: string;
  policy_id: string;
  domain: string;
  severity: string;
  passed: Count;
  failed: Count;
  waived: Count;
  errors: Count;
  /** The check's time, copied so that history reads range-scan one index without a join. */
  checked_at: Timestamp;
}
