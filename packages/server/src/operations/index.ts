export { OPERATIONS_CODES, type OperationsCode } from './operations-codes.js';
export {
  createPlatformOperations,
  type PlatformOperations,
  type PlatformOperationsOptions,
} from './platform-operations.js';
export { METRICS_ACCESS_MODES, type MetricsAccess } from './metrics/metrics-access.js';
export { QUERY_CHANNELS, meteredGateway, type QueryChannel } from './metrics/metered-gateway.js';
export type { PlatformMetrics } from './metrics/platform-metrics.js';
export { structuredLogOptions, type StructuredLogSettings } from './logging/structured-log-options.js';
export { redactText, redactValue } from './logging/redact-secrets.js';
export { DEFAULT_SHUTDOWN_GRACE_MS, type ShutdownReport } from './shutdown/graceful-shutdown.js';
export type { ServerPhase, ReadinessReport } from './readiness.js';
export { createBackup, type BackupOptions, type BackupSummary } from './backup/create-backup.js';
export {
  restoreBackup,
  type RestoreFaultPoint,
  type RestoreOptions,
  type RestoreSummary,
} from './backup/restore-backup.js';
export { assertNoUnfinishedRestore } from './backup/restore-journal.js';
export type { BackupManifest, BackupTable } from './backup/backup-manifest.js';
