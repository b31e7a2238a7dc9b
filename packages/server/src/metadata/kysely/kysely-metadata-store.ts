/**
 * The one MetadataStore implementation, over Kysely. The SQL is shared; what differs between
 * SQLite and PostgreSQL (locks, error mapping, schema setup) comes in through the StoreDialect.
 */
import { isMeshworkError } from '@meshwork/core';
import type { MetadataStore } from '../metadata-store.js';
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
} from '../metadata-types.js';
import type {
  ProductStatusInput,
  ProductStatusRecord,
  RecordedProductStatus,
  StatusBreach,
  StatusBreachKey,
  StatusBreachQuery,
} from '../product-status-types.js';
import type { RunInput, RunQuery, RunRecord, RunResult, StaleRunQuery } from '../run-types.js';
import type { StoredToken, TokenInput, TokenQuery, TokenRecord } from '../token-types.js';
import type {
  AgreementInput,
  AgreementPort,
  AgreementQuery,
  AgreementRecord,
  AgreementStatusChange,
} from '../agreement-types.js';
import type {
  WebhookDeliveryInput,
  WebhookDeliveryQuery,
  WebhookDeliveryRecord,
  WebhookRetryQuery,
} from '../webhook-delivery-types.js';
import type { QueryUsageInput, QueryUsageQuery, QueryUsageRecord, QueryUsageSummary } from '../usage-types.js';
import type {
  ComplianceHistoryQuery,
  CompliancePoint,
  GovernanceCheckInput,
  GovernanceCheckQuery,
  GovernanceCheckRecord,
  GovernanceTrigger,
} from '../governance-types.js';
import type { LineageEventInput, LineageEventRecord } from '../lineage-event-types.js';
import type { PipelineLineageInput, PipelineLineageRecord } from '../pipeline-lineage-types.js';
import type {
  IcebergNamespaceCreation,
  IcebergNamespaceDrop,
  IcebergNamespaceInput,
  IcebergNamespaceLevels,
  IcebergNamespacePropertiesChange,
  IcebergNamespacePropertiesResult,
  IcebergNamespaceQuery,
  IcebergNamespaceRecord,
  IcebergTableCreation,
  IcebergTableInput,
  IcebergTablePointer,
  IcebergTableQuery,
  IcebergTableSwap,
} from '../iceberg-catalog-types.js';
import { MIGRATIONS } from '../migrations/migration-list.js';
import type { Migration } from '../migrations/migration.js';
import { runMigrations } from '../migrations/migration-runner.js';
import { AuditRepository } from './audit-repository.js';
import { DescriptorRepository } from './descriptor-repository.js';
import { IdentityRepository } from './identity-repository.js';
import { ProductRepository } from './product-repository.js';
import { ProductStatusRepository } from './product-status-repository.js';
import type { RepositoryContext } from './repository-context.js';
import { RunRepository } from './run-repository.js';
import { TokenRepository } from './token-repository.js';
import { AgreementRepository } from './agreement-repository.js';
import { WebhookDeliveryRepository } from './webhook-delivery-repository.js';
import { UsageRepository } from './usage-repository.js';
import { GovernanceRepository } from './governance-repository.js';
import { LineageRepository } from './lineage-repository.js';
import { IcebergCatalogRepository } from './iceberg-catalog-repository.js';
import { ScheduleClaimRepository } from './schedule-claim-repository.js';
import { ChangeMarkerRepository } from './change-marker-repository.js';
import type {
  ChangeMarker,
  ScheduleClaimInput,
  ScheduleClaimQuery,
  ScheduleClaimRecord,
  ScheduleClaimResult,
} from '../schedule-claim-types.js';
import type { MetadataDb, StoreDialect } from './store-dialect.js';

export interface KyselyMetadataStoreOptions {
  /** The clock for timestamps the caller does not supply; tests pin it. */
  readonly now?: () => Date;
  /** Only tests pass their own list (for example, to simulate a newer Meshwork). */
  readonly migrations?: readonly Migration[];
}

export class KyselyMetadataStore implements MetadataStore {
  readonly kind: MetadataStore['kind'];
  readonly target: string;
  readonly #products: ProductRepository;
  readonly #descriptors: DescriptorRepository;
  readonly #identities: IdentityRepository;
  readonly #audit: AuditRepository;
  readonly #runs: RunRepository;
  readonly #statuses: ProductStatusRepository;
  readonly #tokens: TokenRepository;
  readonly #agreements: AgreementRepository;
  readonly #webhookDeliveries: WebhookDeliveryRepository;
  readonly #usage: UsageRepository;
  readonly #governance: GovernanceRepository;
  readonly #lineage: LineageRepository;
  readonly #iceberg: IcebergCatalogRepository;
  readonly #claims: ScheduleClaimRepository;
  readonly #changes: ChangeMarkerRepository;
  readonly #migrations: readonly Migration[];

  constructor(
    private readonly db: MetadataDb,
    private readonly dialect: StoreDialect,
    options: KyselyMetadataStoreOptions = {},
  ) {
    this.kind = dialect.kind;
    this.target = dialect.target;
    this.#migrations = options.migrations ?? MIGRATIONS;
    const context: RepositoryContext = {
      db,
      now: options.now ?? (() => new Date()),
      write: (lock, work) => dialect.write(db, lock, work),
    };
    this.#products = new ProductRepository(context);
    this.#descriptors = new DescriptorRepository(context);
    this.#identities = new IdentityRepository(context);
    this.#audit = new AuditRepository(context);
    this.#runs = new RunRepository(context);
    this.#statuses = new ProductStatusRepository(context);
    this.#tokens = new TokenRepository(context);
    this.#agreements = new AgreementRepository(context);
    this.#webhookDeliveries = new WebhookDeliveryRepository(context);
    this.#usage = new UsageRepository(context);
    this.#governance = new GovernanceRepository(context);
    this.#lineage = new LineageRepository(context);
    this.#iceberg = new IcebergCatalogRepository(context);
    this.#claims = new ScheduleClaimRepository(context);
    this.#changes = new ChangeMarkerRepository(context);
  }

  migrate(): Promise<MigrationResult> {
    return this.#guard(() => runMigrations(this.db, this.dialect, this.#migrations));
  }

  async close(): Promise<void> {
    try {
      await this.db.destroy();
    } finally {
      await this.dialect.dispose();
    }
  }

  upsertProduct(product: ProductInput): Promise<ProductRecord> {
    return this.#guard(() => this.#products.upsert(product));
  }
  getProduct(id: string): Promise<ProductRecord | undefined> {
    return this.#guard(() => this.#products.get(id));
  }
  listProducts(query?: ProductQuery): Promise<Page<ProductRecord>> {
    return this.#guard(() => this.#products.list(query));
  }

  recordDescriptorVersion(input: DescriptorVersionInput): Promise<RecordedDescriptorVersion> {
    return this.#guard(() => this.#descriptors.record(input));
  }
  getDescriptorVersion(key: DescriptorVersionKey): Promise<DescriptorVersionRecord | undefined> {
    return this.#guard(() => this.#descriptors.get(key));
  }
  listDescriptorVersions(
    productId: string,
    filter?: DescriptorVersionFilter,
  ): Promise<readonly DescriptorVersionSummary[]> {
    return this.#guard(() => this.#descriptors.list(productId, filter));
  }

  upsertTeam(team: TeamInput): Promise<TeamRecord> {
    return this.#guard(() => this.#identities.upsertTeam(team));
  }
  getTeam(id: string): Promise<TeamRecord | undefined> {
    return this.#guard(() => this.#identities.getTeam(id));
  }
  listTeams(query?: PageQuery): Promise<Page<TeamRecord>> {
    return this.#guard(() => this.#identities.listTeams(query));
  }
  upsertUser(user: UserInput): Promise<UserRecord> {
    return this.#guard(() => this.#identities.upsertUser(user));
  }
  getUser(id: string): Promise<UserRecord | undefined> {
    return this.#guard(() => this.#identities.getUser(id));
  }
  listUsers(query?: UserQuery): Promise<Page<UserRecord>> {
    return this.#guard(() => this.#identities.listUsers(query));
  }

  appendAudit(input: AuditInput): Promise<AuditEvent> {
    return this.#guard(() => this.#audit.append(input));
  }
  listAudit(query?: AuditQuery): Promise<Page<AuditEvent, number>> {
    return this.#guard(() => this.#audit.list(query));
  }
  verifyAudit(options: { readonly pageSize?: number } = {}): Promise<AuditVerification> {
    return this.#guard(() => this.#audit.verify(options.pageSize));
  }

  createRun(input: RunInput): Promise<RunRecord> {
    return this.#guard(() => this.#runs.create(input));
  }
  finishRun(id: string, result: RunResult): Promise<RunRecord> {
    return this.#guard(() => this.#runs.finish(id, result));
  }
  getRun(id: string): Promise<RunRecord | undefined> {
    return this.#guard(() => this.#runs.get(id));
  }
  listRuns(query?: RunQuery): Promise<Page<RunRecord>> {
    return this.#guard(() => this.#runs.list(query));
  }
  failStaleRuns(query: StaleRunQuery): Promise<readonly RunRecord[]> {
    return this.#guard(() => this.#runs.failStale(query));
  }

  recordProductStatus(input: ProductStatusInput): Promise<RecordedProductStatus> {
    return this.#guard(() => this.#statuses.record(input));
  }
  getProductStatus(productId: string): Promise<ProductStatusRecord | undefined> {
    return this.#guard(() => this.#statuses.latest(productId));
  }
  listProductStatus(productId: string, query?: PageQuery): Promise<Page<ProductStatusRecord>> {
    return this.#guard(() => this.#statuses.list(productId, query));
  }
  listStatusBreaches(query?: StatusBreachQuery): Promise<Page<StatusBreach, StatusBreachKey>> {
    return this.#guard(() => this.#statuses.breaches(query));
  }
  listBreachEpisode(productId: string, seq: number): Promise<ProductStatusRecord[]> {
    return this.#guard(() => this.#statuses.episode(productId, seq));
  }

  createToken(input: TokenInput): Promise<TokenRecord> {
    return this.#guard(() => this.#tokens.create(input));
  }
  getToken(id: string): Promise<StoredToken | undefined> {
    return this.#guard(() => this.#tokens.get(id));
  }
  listTokens(query?: TokenQuery): Promise<Page<TokenRecord>> {
    return this.#guard(() => this.#tokens.list(query));
  }
  revokeToken(id: string, at: string | Date, by: string): Promise<TokenRecord | undefined> {
    return this.#guard(() => this.#tokens.revoke(id, at, by));
  }
  touchToken(id: string, at: string | Date): Promise<void> {
    return this.#guard(() => this.#tokens.touch(id, at));
  }

  createAgreement(input: AgreementInput): Promise<AgreementRecord> {
    return this.#guard(() => this.#agreements.create(input));
  }
  getAgreement(id: string): Promise<AgreementRecord | undefined> {
    return this.#guard(() => this.#agreements.get(id));
  }
  listAgreements(query?: AgreementQuery): Promise<Page<AgreementRecord>> {
    return this.#guard(() => this.#agreements.list(query));
  }
  updateAgreementStatus(change: AgreementStatusChange): Promise<AgreementRecord> {
    return this.#guard(() => this.#agreements.changeStatus(change));
  }
  activeAgreements(principalId: string, port: AgreementPort, at: string | Date): Promise<readonly AgreementRecord[]> {
    return this.#guard(() => this.#agreements.active(principalId, port, at));
  }
  listAgreementsPastEnd(at: string | Date, limit = 100): Promise<readonly AgreementRecord[]> {
    return this.#guard(() => this.#agreements.pastEnd(at, limit));
  }

  recordWebhookDelivery(input: WebhookDeliveryInput): Promise<WebhookDeliveryRecord> {
    return this.#guard(() => this.#webhookDeliveries.record(input));
  }
  listWebhookDeliveries(query?: WebhookDeliveryQuery): Promise<Page<WebhookDeliveryRecord>> {
    return this.#guard(() => this.#webhookDeliveries.list(query));
  }
  listDueWebhookRetries(query: WebhookRetryQuery): Promise<readonly WebhookDeliveryRecord[]> {
    return this.#guard(() => this.#webhookDeliveries.dueRetries(query));
  }

  recordQueryUsage(entries: readonly QueryUsageInput[]): Promise<number> {
    return this.#guard(() => this.#usage.record(entries));
  }
  listQueryUsage(query: QueryUsageQuery): Promise<Page<QueryUsageRecord>> {
    return this.#guard(() => this.#usage.list(query));
  }
  summarizeQueryUsage(productId: string, since: string | Date): Promise<readonly QueryUsageSummary[]> {
    return this.#guard(() => this.#usage.summarize(productId, since));
  }

  recordGovernanceCheck(input: GovernanceCheckInput): Promise<GovernanceCheckRecord> {
    return this.#guard(() => this.#governance.record(input));
  }
  getGovernanceCheck(id: string): Promise<GovernanceCheckRecord | undefined> {
    return this.#guard(() => this.#governance.get(id));
  }
  latestGovernanceCheck(query?: { readonly trigger?: GovernanceTrigger }): Promise<GovernanceCheckRecord | undefined> {
    return this.#guard(() => this.#governance.latest(query));
  }
  listGovernanceChecks(query?: GovernanceCheckQuery): Promise<Page<GovernanceCheckRecord>> {
    return this.#guard(() => this.#governance.list(query));
  }
  complianceHistory(query?: ComplianceHistoryQuery): Promise<readonly CompliancePoint[]> {
    return this.#guard(() => this.#governance.history(query));
  }

  recordPipelineLineage(input: PipelineLineageInput): Promise<void> {
    return this.#guard(() => this.#lineage.recordPipeline(input));
  }
  listLatestPipelineLineage(): Promise<readonly PipelineLineageRecord[]> {
    return this.#guard(() => this.#lineage.latestPipelines());
  }
  appendLineageEvent(input: LineageEventInput): Promise<LineageEventRecord> {
    return this.#guard(() => this.#lineage.appendEvent(input));
  }
  listLineageEvents(query?: PageQuery): Promise<Page<LineageEventRecord>> {
    return this.#guard(() => this.#lineage.listEvents(query));
  }

  createIcebergNamespace(input: IcebergNamespaceInput): Promise<IcebergNamespaceCreation> {
    return this.#guard(() => this.#iceberg.createNamespace(input));
  }
  getIcebergNamespace(namespace: IcebergNamespaceLevels): Promise<IcebergNamespaceRecord | undefined> {
    return this.#guard(() => this.#iceberg.getNamespace(namespace));
  }
  listIcebergNamespaces(query?: IcebergNamespaceQuery): Promise<Page<IcebergNamespaceRecord>> {
    return this.#guard(() => this.#iceberg.listNamespaces(query));
  }
  updateIcebergNamespaceProperties(
    change: IcebergNamespacePropertiesChange,
  ): Promise<IcebergNamespacePropertiesResult | undefined> {
    return this.#guard(() => this.#iceberg.updateNamespaceProperties(change));
  }
  dropIcebergNamespace(namespace: IcebergNamespaceLevels): Promise<IcebergNamespaceDrop> {
    return this.#guard(() => this.#iceberg.dropNamespace(namespace));
  }
  createIcebergTable(input: IcebergTableInput): Promise<IcebergTableCreation> {
    return this.#guard(() => this.#iceberg.createTable(input));
  }
  getIcebergTable(namespace: IcebergNamespaceLevels, name: string): Promise<IcebergTablePointer | undefined> {
    return this.#guard(() => this.#iceberg.getTable(namespace, name));
  }
  listIcebergTables(query: IcebergTableQuery): Promise<Page<IcebergTablePointer>> {
    return this.#guard(() => this.#iceberg.listTables(query));
  }
  swapIcebergTableMetadata(swap: IcebergTableSwap): Promise<IcebergTablePointer | undefined> {
    return this.#guard(() => this.#iceberg.swapMetadata(swap));
  }
  dropIcebergTable(namespace: IcebergNamespaceLevels, name: string): Promise<IcebergTablePointer | undefined> {
    return this.#guard(() => this.#iceberg.dropTable(namespace, name));
  }

  claimScheduleSlot(input: ScheduleClaimInput): Promise<ScheduleClaimResult> {
    return this.#guard(() => this.#claims.claim(input));
  }
  noteScheduleClaimRun(job: string, slot: string, claimedBy: string, runId: string): Promise<boolean> {
    return this.#guard(() => this.#claims.noteRun(job, slot, claimedBy, runId));
  }
  listScheduleClaims(query: ScheduleClaimQuery): Promise<Page<ScheduleClaimRecord>> {
    return this.#guard(() => this.#claims.list(query));
  }
  pruneScheduleClaims(before: string | Date): Promise<number> {
    return this.#guard(() => this.#claims.prune(before));
  }
  bumpChangeMarker(topic: string): Promise<ChangeMarker> {
    return this.#guard(() => this.#changes.bump(topic));
  }
  listChangeMarkers(): Promise<readonly ChangeMarker[]> {
    return this.#guard(() => this.#changes.list());
  }

  /** Driver errors that callers can act on become domain errors; the rest are bugs and pass through. */
  async #guard<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      if (isMeshworkError(error)) throw error;
      throw this.dialect.translateError(error) ?? error;
    }
  }
}
