/**
 * The query usage table as Kysely sees it (joined into `MetadataSchema`). Same conventions as
 * metadata-schema.ts: timestamps come back as Date (PostgreSQL) or text (SQLite), 64-bit counts
 * as string (PostgreSQL bigint) or number (SQLite); the repository normalises on read.
 */
import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date | string, string, string>;
type Count = ColumnType<number | string, number, never>;

export interface QueryUsageTable {
  id: string;
  query_id: string;
  principal_id: string;
  authenticated_by: string;
  product_id: string;
  /** Canonical JSON array of {port, major}. */
  ports: string;
  /** Canonical JSON array of agreement ids. */
  agreement_ids: string;
  purpose: string | null;
  rows: Count;
  bytes: Count;
  duration_ms: Count;
  status: string;
  error_code: string | null;
  started_at: Timestamp;
}
