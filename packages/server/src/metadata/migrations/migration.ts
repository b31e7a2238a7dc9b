/**
 * One schema change. Ids sort in the order migrations run and never change once released: the
 * migrations table records them, and an id this build does not know means the database was
 * migrated by a newer Meshwork.
 */
import type { MetadataStoreKind } from '../metadata-store.js';
import type { MetadataDb } from '../kysely/store-dialect.js';

export interface Migration {
  readonly id: string;
  /** Runs inside the migrations transaction; `kind` selects dialect-specific DDL explicitly. */
  up(db: MetadataDb, kind: MetadataStoreKind): Promise<void>;
}
