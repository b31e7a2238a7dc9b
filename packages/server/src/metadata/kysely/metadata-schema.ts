/**
 * The tables as Kysely sees them. Column types are the union of what the two drivers return:
 * PostgreSQL gives timestamptz as Date and bigint as string, SQLite gives text and number; the
 * repositories normalise on read (`fromTimestamp`, `Number`).
 */
import type { ColumnType } from 'kysely';
import type { AgreementsTable, WebhookDeliveriesTable } from './agreement-schema.js';
import type { GovernanceCheckCountsTable, GovernanceChecksTable } from './governance-schema.js';
import type { IcebergNamespacesTable, IcebergTablesTable } from './iceberg-catalog-schema.js';
import type { LineageEventsTable, PipelineLineageTable } from './lineage-schema.js';
import type { QueryUsageTable } from './usage-schema.js';
import type { ChangeMarkersTable, ScheduleClaimsTable } from './schedule-claim-schema.js';

type Timestamp = ColumnType<Date | string, string, string>;
type BigIntColumn = ColumnType<number | string, number, never>;
type NullableTimestamp = ColumnType<Date | string | null, string | null, string | null>;
type NullableCount = ColumnType<number | string | null, number | null, number | null>;

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

export interface RunsTable {
  id: string;
  product_id: string;
  trigger: string;
  requested_by: string;
  /** Canonical JSON object. */
  parameters: string;
  status: string;
  started_at: Timestamp;
  finished_at: NullableTimestamp;
  rows_in: NullableCount;
  rows_out: NullableCount;
  error_code: string | null;
  error_message: string | null;
  /** Canonical JSON arrays; `[]` while running. */
  steps: string;
  checks: string;
  outputs: string;
}

export interface ProductStatusHistoryTable {
  product_id: string;
  seq: BigIntColumn;
  status: string;
  reason: string;
  at: Timestamp;
}

export interface ApiTokensTable {
  id: string;
  principal_id: string;
  principal_kind: string;
  description: string | null;
  /** Canonical JSON array of scopes; null means unrestricted. */
  scopes: string | null;
  /** SHA-256 of the secret, hex; never the secret. */
  secret_hash: string;
  created_by: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: NullableTimestamp;
  revoked_by: string | null;
  last_used_at: NullableTimestamp;
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
  runs: RunsTable;
  product_status_history: ProductStatusHistoryTable;
  api_tokens: ApiTokensTable;
  agreements: AgreementsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  query_usage: QueryUsageTable;
  governance_checks: GovernanceChecksTable;
  governance_check_counts: GovernanceCheckCountsTable;
  pipeline_lineage: PipelineLineageTable;
  lineage_events: LineageEventsTable;
  iceberg_namespaces: IcebergNamespacesTable;
  iceberg_tables: IcebergTablesTable;
  schedule_claims: ScheduleClaimsTable;
  change_markers: ChangeMarkersTable;
  meshwork_migrations: MigrationsTable;
}
