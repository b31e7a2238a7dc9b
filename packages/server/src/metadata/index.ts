/** The metadata context's public surface: the port, its records, the factory and the codes. */
export type { MetadataStore, MetadataStoreKind } from './metadata-store.js';
export type {
  AuditEvent,
  AuditEventFields,
  AuditInput,
  AuditQuery,
  AuditVerification,
  DescriptorKind,
  DescriptorVersionFilter,
  DescriptorVersionInput,
  DescriptorVersionKey,
  DescriptorVersionRecord,
  DescriptorVersionSummary,
  LifecycleStatus,
  MigrationResult,
  Page,
  PageQuery,
  ProductArchetype,
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
export { DESCRIPTOR_KINDS, LIFECYCLE_STATUSES, PRODUCT_ARCHETYPES } from './metadata-types.js';
export type {
  FinishedRunStatus,
  RunError,
  RunInput,
  RunOutput,
  RunOutputInput,
  RunParameters,
  RunQuery,
  RunRecord,
  RunResult,
  RunStatus,
  RunStep,
  RunTrigger,
  StaleRunQuery,
} from './run-types.js';
export { FINISHED_RUN_STATUSES, RUN_STATUSES, RUN_TRIGGERS } from './run-types.js';
export type {
  ProductStatus,
  ProductStatusInput,
  ProductStatusRecord,
  RecordedProductStatus,
  StatusBreach,
  StatusBreachKey,
  StatusBreachQuery,
} from './product-status-types.js';
export { PRODUCT_STATUSES } from './product-status-types.js';
export type { StoredToken, TokenInput, TokenPrincipalKind, TokenQuery, TokenRecord } from './token-types.js';
export { TOKEN_PRINCIPAL_KINDS } from './token-types.js';
export type {
  AgreementInput,
  AgreementPort,
  AgreementQuery,
  AgreementRecord,
  AgreementStatus,
  AgreementStatusChange,
} from './agreement-types.js';
export { AGREEMENT_STATUSES, AGREEMENT_TRANSITIONS } from './agreement-types.js';
export type {
  WebhookAttemptOutcome,
  WebhookDeliveryInput,
  WebhookDeliveryQuery,
  WebhookDeliveryRecord,
  WebhookRetryQuery,
} from './webhook-delivery-types.js';
export { WEBHOOK_ATTEMPT_OUTCOMES } from './webhook-delivery-types.js';
export type {
  QueryUsageInput,
  QueryUsagePort,
  QueryUsageQuery,
  QueryUsageRecord,
  QueryUsageStatus,
  QueryUsageSummary,
} from './usage-types.js';
export { MAX_SUMMARY_VALUES, QUERY_USAGE_STATUSES } from './usage-types.js';
export type {
  ComplianceCount,
  ComplianceHistoryQuery,
  CompliancePoint,
  ComplianceSeverity,
  GovernanceCheckInput,
  GovernanceCheckQuery,
  GovernanceCheckRecord,
  GovernanceTrigger,
} from './governance-types.js';
export { COMPLIANCE_SEVERITIES, GOVERNANCE_TRIGGERS } from './governance-types.js';
export type { LineageEventInput, LineageEventRecord } from './lineage-event-types.js';
export type { PipelineLineageInput, PipelineLineageRecord } from './pipeline-lineage-types.js';
export type {
  ChangeMarker,
  ScheduleClaimInput,
  ScheduleClaimQuery,
  ScheduleClaimRecord,
  ScheduleClaimResult,
  ScheduleClaimStore,
} from './schedule-claim-types.js';
export type {
  IcebergCatalogStore,
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
} from './iceberg-catalog-types.js';
export {
  createMetadataStore,
  defaultSqlitePath,
  type CreateMetadataStoreOptions,
  type MetadataStoreConfig,
} from './create-metadata-store.js';
export { METADATA_CODES, type MetadataCode } from './metadata-codes.js';
export { AUDIT_GENESIS_HASH, auditEventHash } from './audit-hash.js';
export { canonicalJson, type JsonValue } from './canonical-json.js';
export { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT } from './page-request.js';
export { metadataStoreConfig } from './store-from-config.js';
