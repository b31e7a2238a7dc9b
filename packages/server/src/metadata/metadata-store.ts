/**
 * The metadata store port: everything the platform remembers about the mesh that is not the
 * workspace itself — registered products, every published descriptor version, teams and users,
 * the audit log, run history, product status history, API tokens, agreements, query usage and
 * governance compliance history. One implementation over Kysely serves both adapters (SQLite embedded,
 * PostgreSQL scale-out); `metadata-store.conformance.ts` is the contract both must pass.
 *
 * Invariants every adapter keeps:
 * - published descriptor versions are immutable: recording the same key with other content is a
 *   ConflictError, recording the same content again is a no-op;
 * - the audit log is append-only and hash-chained; appends are serialised so the chain never forks;
 * - lists are keyset-paginated and served from indexes, never by loading a whole table;
 * - a product has at most one `running` run, and a run is finished exactly once;
 * - a governance check is recorded with all its counts or not at all, and never changes.
 */
import type {
  AuditEvent,
  AuditInput,
  AuditQuery,
  AuditVerification,
  DescriptorVersionFilter,
  DescriptorVersionInput,
  DescriptorVersionKey,
  DescriptorVersionRecord,
  DescriptorVersionSummary,
  MigrationResult,
  Page,
  PageQuery,
  ProductInput,
  ProductQuery,
  ProductRecord,
  RecordedDescriptorVersion,
  TeamInput,
  TeamRecord,
  UserInput,
  UserQuery,
  UserRecord,
} from './metadata-types.js';
import type {
  ProductStatusInput,
  ProductStatusRecord,
  RecordedProductStatus,
  StatusBreach,
  StatusBreachKey,
  StatusBreachQuery,
} from './product-status-types.js';
import type { RunInput, RunQuery, RunRecord, RunResult, StaleRunQuery } from './run-types.js';
import type { StoredToken, TokenInput, TokenQuery, TokenRecord } from './token-types.js';
import type {
  AgreementInput,
  AgreementPort,
  AgreementQuery,
  AgreementRecord,
  AgreementStatusChange,
} from './agreement-types.js';
import type {
  WebhookDeliveryInput,
  WebhookDeliveryQuery,
  WebhookDeliveryRecord,
  WebhookRetryQuery,
} from './webhook-delivery-types.js';
import type { QueryUsageInput, QueryUsageQuery, QueryUsageRecord, QueryUsageSummary } from './usage-types.js';
import type {
  ComplianceHistoryQuery,
  CompliancePoint,
  GovernanceCheckInput,
  GovernanceCheckQuery,
  GovernanceCheckRecord,
  GovernanceTrigger,
} from './governance-types.js';
import type { LineageEventInput, LineageEventRecord } from './lineage-event-types.js';
import type { PipelineLineageInput, PipelineLineageRecord } from './pipeline-lineage-types.js';
import type { IcebergCatalogStore } from './iceberg-catalog-types.js';
import type { ScheduleClaimStore } from './schedule-claim-types.js';

export type MetadataStoreKind = 'sqlite' | 'postgres';

/**
 * The Iceberg catalog's namespaces and table pointers are declared in iceberg-catalog-types.ts;
 * schedule claims and change markers (several servers on one store) in schedule-claim-types.ts.
 */
export interface MetadataStore extends IcebergCatalogStore, ScheduleClaimStore {
  readonly kind: MetadataStoreKind;
  /** Where the data lives, for messages: a file path or a URL without its password. */
  readonly target: string;

  /** Brings the schema up to date; a no-op when it is. Refuses a database from a newer Meshwork. */
  migrate(): Promise<MigrationResult>;
  close(): Promise<void>;

  /** Registers or updates a product; `registeredAt` is kept from the first registration. */
  upsertProduct(product: ProductInput): Promise<ProductRecord>;
  getProduct(id: string): Promise<ProductRecord | undefined>;
  /** Products ordered by id. */
  listProducts(query?: ProductQuery): Promise<Page<ProductRecord>>;

  /** Idempotent for the same content hash; ConflictError (MW6102) for different content. */
  recordDescriptorVersion(input: DescriptorVersionInput): Promise<RecordedDescriptorVersion>;
  getDescriptorVersion(key: DescriptorVersionKey): Promise<DescriptorVersionRecord | undefined>;
  /** Without content, ordered by kind, document id and publication time. */
  listDescriptorVersions(
    productId: string,
    filter?: DescriptorVersionFilter,
  ): Promise<readonly DescriptorVersionSummary[]>;

  upsertTeam(team: TeamInput): Promise<TeamRecord>;
  getTeam(id: string): Promise<TeamRecord | undefined>;
  listTeams(query?: PageQuery): Promise<Page<TeamRecord>>;
  /** Replaces the user's team memberships and roles with the ones given. */
  upsertUser(user: UserInput): Promise<UserRecord>;
  getUser(id: string): Promise<UserRecord | undefined>;
  listUsers(query?: UserQuery): Promise<Page<UserRecord>>;

  /** Appends one event to the chain and returns it as stored. There is no update or delete. */
  appendAudit(input: AuditInput): Promise<AuditEvent>;
  /** Events in seq order; `next` is the seq to pass as `after`. */
  listAudit(query?: AuditQuery): Promise<Page<AuditEvent, number>>;
  /** Walks the whole chain page by page and recomputes every hash. */
  verifyAudit(options?: { readonly pageSize?: number }): Promise<AuditVerification>;

  /**
   * Records a run as `running`. NotFoundError (MW6104) for an unregistered product, ConflictError
   * MW6123 while another run of the product is `running`, MW6110 for an id already used.
   */
  createRun(input: RunInput): Promise<RunRecord>;
  /** Records a run's result. NotFoundError MW6121 for an unknown id, ConflictError MW6122 unless it is `running`. */
  finishRun(id: string, result: RunResult): Promise<RunRecord>;
  getRun(id: string): Promise<RunRecord | undefined>;
  /** Newest first by start time, then id; filtered by product and/or status. */
  listRuns(query?: RunQuery): Promise<Page<RunRecord>>;
  /**
   * Marks the matching `running` runs — left behind by a process that stopped — as `failed` with
   * error MW6120, and returns them. Only for runs whose process is known to be gone; see StaleRunQuery.
   */
  failStaleRuns(query: StaleRunQuery): Promise<readonly RunRecord[]>;

  /** Appends the status only when it differs from the latest one. */
  recordProductStatus(input: ProductStatusInput): Promise<RecordedProductStatus>;
  /** The latest status, or undefined before the first evaluation. */
  getProductStatus(productId: string): Promise<ProductStatusRecord | undefined>;
  /** The history, newest first. */
  listProductStatus(productId: string, query?: PageQuery): Promise<Page<ProductStatusRecord>>;
  /**
   * Transitions into `failing` or `stale` of every product, newest first by (at, product id,
   * seq descending), each with the status before it and when the product was fresh again — from
   * a partial index, so a page costs the same with any number of products. `next` is the last
   * item's key. MW6103 for a key no breach could have.
   */
  listStatusBreaches(query?: StatusBreachQuery): Promise<Page<StatusBreach, StatusBreachKey>>;
  /**
   * A breach's episode, oldest first: the transition before `seq` (if any), then `seq` and every
   * later one through the next `fresh` (or the latest). Empty for a product or seq it does not have.
   */
  listBreachEpisode(productId: string, seq: number): Promise<ProductStatusRecord[]>;

  /** Records an API token (its secret's hash only). ConflictError MW6110 for an id already used. */
  createToken(input: TokenInput): Promise<TokenRecord>;
  /** The token with its secret hash, for authentication; undefined for an unknown id. */
  getToken(id: string): Promise<StoredToken | undefined>;
  /** Newest first, without hashes; revoked and expired tokens only when asked for. */
  listTokens(query?: TokenQuery): Promise<Page<TokenRecord>>;
  /** Revokes at once; a second revocation keeps the first. Undefined for an unknown id. */
  revokeToken(id: string, at: string | Date, by: string): Promise<TokenRecord | undefined>;
  /** Records a use of the token; last use never moves backwards. */
  touchToken(id: string, at: string | Date): Promise<void>;

  /**
   * Records an access request as `pending`. NotFoundError MW6104 for an unregistered product,
   * ConflictError MW6162 while the principal has a pending request for the same port, MW6110
   * for an id already used.
   */
  createAgreement(input: AgreementInput): Promise<AgreementRecord>;
  getAgreement(id: string): Promise<AgreementRecord | undefined>;
  /** Newest request first; filtered by product(s), principal and status(es). */
  listAgreements(query?: AgreementQuery): Promise<Page<AgreementRecord>>;
  /**
   * Moves an agreement one step, only if it still has status `from`: ConflictError MW6161 when
   * it changed meanwhile (exactly one of two racing decisions wins), NotFoundError MW6160 for an
   * unknown id, InputError MW6101 for a transition the lifecycle does not have.
   */
  updateAgreementStatus(change: AgreementStatusChange): Promise<AgreementRecord>;
  /** Approved agreements of the principal on the port with `startsAt <= at < endsAt`; one indexed query. */
  activeAgreements(principalId: string, port: AgreementPort, at: string | Date): Promise<readonly AgreementRecord[]>;
  /** Approved agreements whose end is at or before `at`, oldest end first (to record their expiry). */
  listAgreementsPastEnd(at: string | Date, limit?: number): Promise<readonly AgreementRecord[]>;

  /** Appends one attempt to the webhook delivery log; ConflictError MW6110 if that attempt is logged. */
  recordWebhookDelivery(input: WebhookDeliveryInput): Promise<WebhookDeliveryRecord>;
  /** Attempts, newest first. */
  listWebhookDeliveries(query?: WebhookDeliveryQuery): Promise<Page<WebhookDeliveryRecord>>;
  /** Deliveries whose latest attempt is `retrying` and due: what a restarted server resumes. */
  listDueWebhookRetries(query: WebhookRetryQuery): Promise<readonly WebhookDeliveryRecord[]>;

  /**
   * Records a batch of query usage (one entry per query and product read) in one transaction;
   * entries whose id is already recorded are skipped. Returns how many were new. InputError MW6101
   * for an invalid entry, and then nothing is recorded.
   */
  recordQueryUsage(entries: readonly QueryUsageInput[]): Promise<number>;
  /** Newest first, one product's or one principal's (one of the two is required). */
  listQueryUsage(query: QueryUsageQuery): Promise<Page<QueryUsageRecord>>;
  /** Per consumer of the product, for queries started at or after `since`; most queries first. */
  summarizeQueryUsage(productId: string, since: string | Date): Promise<readonly QueryUsageSummary[]>;

  /**
   * Records a governance check and all its counts in one transaction: a failure leaves nothing.
   * InputError MW6101 for an invalid check (then nothing is recorded), ConflictError MW6110 for
   * an id already used. Returns the record as `getGovernanceCheck` will (counts sorted).
   */
  recordGovernanceCheck(input: GovernanceCheckInput): Promise<GovernanceCheckRecord>;
  /** The check with its counts; undefined for an unknown id. */
  getGovernanceCheck(id: string): Promise<GovernanceCheckRecord | undefined>;
  /** The newest check (of the trigger, if given): compliance now. */
  latestGovernanceCheck(query?: { readonly trigger?: GovernanceTrigger }): Promise<GovernanceCheckRecord | undefined>;
  /** Newest first by check time, then id, each with its counts; filtered by time range and trigger. */
  listGovernanceChecks(query?: GovernanceCheckQuery): Promise<Page<GovernanceCheckRecord>>;
  /**
   * Compliance over time: for the newest `limit` checks in the range that have counts matching
   * the policy and/or domain, those counts summed per check, oldest first. Aggregated in SQL.
   */
  complianceHistory(query?: ComplianceHistoryQuery): Promise<readonly CompliancePoint[]>;

  /**
   * Keeps the run's column lineage as the product's newest, unless a newer run's is already
   * stored (runs may finish out of order). InputError MW6101 for an invalid input.
   */
  recordPipelineLineage(input: PipelineLineageInput): Promise<void>;
  /** The newest lineage of every product that has one, ordered by product id. */
  listLatestPipelineLineage(): Promise<readonly PipelineLineageRecord[]>;
  /** Appends an accepted OpenLineage event. ConflictError MW6110 for an id already used; no update or delete. */
  appendLineageEvent(input: LineageEventInput): Promise<LineageEventRecord>;
  /** Oldest first by reception time, then id. */
  listLineageEvents(query?: PageQuery): Promise<Page<LineageEventRecord>>;
}
