export * from './workspace/read-workspace-files.js';
export * from './workspace/load-workspace-from-disk.js';
export * from './scaffold/scaffold-service.js';
export * from './scaffold/scaffold-codes.js';
export * from './scaffold/write-folder-atomically.js';
export * from './interchange/import-document.js';
export * from './interchange/export-documents.js';
export * from './interchange/export-all-documents.js';
export * from './metadata/index.js';
export * from './catalog/register-products.js';
export * from './changes/index.js';
export * from './runtime/run-events.js';
export * from './warehouse/index.js';
export * from './runtime/run-products.js';
export * from './runtime/run-product.js';
export * from './runtime/runtime-context.js';
export * from './runtime/runtime-codes.js';
export * from './runtime/duckdb-session.js';
export * from './quality/index.js';
export * from './platform/start-platform.js';
export * from './platform/freshness.js';
export { CLUSTER_CODES, type ClusterCode } from './platform/cluster-codes.js';
export * from './http/create-http-server.js';
export * from './http/http-errors.js';
export * from './identity/index.js';
export * from './access/index.js';
export * from './governance/index.js';
export * from './agreements/index.js';
export * from './webhooks/index.js';
export * from './usage/index.js';
export * from './wire/index.js';
export type * from './gateway/gateway-types.js';
export {
  createQueryGateway,
  DEFAULT_GATEWAY_LIMITS,
  type GatewayLimits,
  type QueryGatewayOptions,
  type QueryUsage,
} from './gateway/query-gateway.js';
export { RelationCatalog, type RelationTarget, type ResolvedRelation } from './gateway/relation-catalog.js';
export { loadMaskingKey } from './gateway/masking-key.js';
export { gatewaySettingOptions, type GatewaySettingOptions } from './gateway/gateway-settings.js';
export { GATEWAY_CODES } from './gateway/gateway-codes.js';
export * from './gateway/encoders/index.js';
export { requirePrincipal, currentPrincipal } from './http/request-principal.js';
export * from './demo/build-demo.js';
export * from './demo/generate-demo-data.js';
export * from './demo/demo-access.js';
export * from './profiling/index.js';
export * from './health/index.js';
export * from './search/index.js';
export * from './knowledge/index.js';
export * from './lifecycle/index.js';
export * from './openlineage/index.js';
export * from './lineage/index.js';
export * from './incidents/index.js';
export * from './mesh-map/index.js';
export * from './iceberg/catalog/index.js';
export {
  ICEBERG_FORMAT_CODES,
  type IcebergFormatCode,
  assignFieldIds,
  parquetIcebergOptions,
  tableMetadataProblems,
} from './iceberg/format/index.js';
export * from './trino/index.js';
export * from './operations/index.js';
