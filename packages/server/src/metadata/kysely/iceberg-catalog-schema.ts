/**
 * The Iceberg catalog tables as Kysely sees them (joined into `MetadataSchema`). Same conventions
 * as metadata-schema.ts: timestamps come back as Date (PostgreSQL) or text (SQLite), integers as
 * number or string; the repository normalises on read.
 */
import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date | string, string, string>;
type Counter = ColumnType<number | string, number, number>;

export interface IcebergNamespacesTable {
  /** The levels joined with `.` (no level contains one). */
  namespace: string;
  /** The parent's key; null for a top-level namespace. */
  parent: string | null;
  /** Canonical JSON object of string properties. */
  properties: string;
  /** +1 per property change: the compare-and-swap that keeps concurrent changes. */
  version: Counter;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface IcebergTablesTable {
  namespace: string;
  name: string;
  table_uuid: string;
  metadata_location: string;
  version: Counter;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}
