/** The OpenLineage context's public surface: run events out, events in, naming and codes. */
export {
  openLineageListener,
  type OpenLineageListenerOptions,
  type OpenLineageRunListener,
} from './openlineage-run-listener.js';
export {
  createOpenLineageSender,
  type OpenLineageLog,
  type OpenLineageSender,
  type OpenLineageSenderOptions,
  type OpenLineageSenderStats,
} from './openlineage-sender.js';
export { openLineageSettings, DEFAULT_LINEAGE_ENDPOINT, type OpenLineageSettings } from './openlineage-settings.js';
export { finishEvent, startEvent } from './run-event-builder.js';
export {
  datasetUri,
  fileDataset,
  meshworkNamespace,
  parsePortDataset,
  portDataset,
  postgresDataset,
  type DatasetName,
  type DatasetPort,
} from './openlineage-naming.js';
export { LINEAGE_LIMITS, validateLineageEvent, type ValidatedLineageEvent } from './lineage-event-validation.js';
export {
  createLineageIntake,
  type BatchResult,
  type LineageIntake,
  type LineageIntakeOptions,
} from './lineage-intake.js';
export { openLineageRoutes } from './openlineage-routes.js';
export type { OpenLineageRunEvent } from './openlineage-types.js';
export { OPENLINEAGE_CODES, type OpenLineageCode } from './openlineage-codes.js';
