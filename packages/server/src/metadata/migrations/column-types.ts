/**
 * The column types that differ between the databases, in one place.
 *
 * - Keys are compared byte-wise in both: PostgreSQL's default collation depends on the server's
 *   locale, which would make keyset pagination order differ between adapters and machines.
 * - Timestamps are timestamptz in PostgreSQL and ISO-8601 text in SQLite (which has no time type;
 *   fixed-width ISO text sorts chronologically).
 * - The audit seq is a 64-bit integer in both (SQLite's INTEGER is 64-bit).
 */
import { sql, type Expression } from 'kysely';
import type { MetadataStoreKind } from '../metadata-store.js';

type DataType = Expression<unknown>;

export interface ColumnTypes {
  readonly key: DataType;
  readonly text: DataType;
  readonly timestamp: DataType;
  readonly bigint: DataType;
}

export function columnTypes(kind: MetadataStoreKind): ColumnTypes {
  switch (kind) {
    case 'postgres':
      return { key: sql`text collate "C"`, text: sql`text`, timestamp: sql`timestamptz`, bigint: sql`bigint` };
    case 'sqlite':
      return { key: sql`text`, text: sql`text`, timestamp: sql`text`, bigint: sql`integer` };
  }
}
