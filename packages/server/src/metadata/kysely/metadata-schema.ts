/**
 * The tables as Kysely sees them. Column types are the union of what the two drivers return:
 * PostgreSQL gives timestamptz as Date and bigint as string, SQLite gives text and number; the
 * repositories normalise on read (`fromTimestamp`, `Number`).
 */
import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date | string, string, string>;
type BigIntColumn = ColumnType<number | string, number, never>;

export interface ProductsTable {
  id: string;
  domain: string;
  name: string;
  urn: string;
  archetype: string;
  status: string;
  owner_team: string;
  current_version: string | null;
  registered_at: Timestamp;
  updated_at: Timestamp;
}

export interface DescriptorVersionsTable {
  product_id: string;
  kind: string;
  document_id: string;
  version: string;
  content: string;
  content_hash: string;
  published_by: string;
  published_at: Timestamp;
}

export interface TeamsTable {
  id: string;
  name: string;
  description: string | null;
  updated_at: Timestamp;
}

export interface UsersTable {
  id: string;
  name: string;
  email: string | null;
  /** JSON array of role names. */
  roles: string;
  updated_at: Timestamp;
}

export interface UserTeamsTable {
  user_id: string;
  team_id: string;
}

export interface AuditEventsTable {
  seq: BigIntColumn;
  at: Timestamp;
  actor: string;
  action: string;
  resource: string;
  /** The canonical JSON text the hash was computed over. */
  details: string;
  prev_hash: string;
  hash: string;
}

export interface MigrationsTable {
  id: string;
  applied_at: Timestamp;
}

export interface MetadataSchema {
  products: ProductsTable;
  descriptor_versions: DescriptorVersionsTable;
  teams: TeamsTable;
  users: UsersTable;
  user_teams: UserTeamsTable;
  audit_events: AuditEventsTable;
  meshwork_migrations: MigrationsTable;
}
