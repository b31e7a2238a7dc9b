/** The lineage context's public surface: the graph service, queries without a server, codes. */
export { createLineageService, type LineageService, type LineageServiceOptions } from './lineage-service.js';
export { loadLineageGraph, type LoadLineageOptions } from './load-lineage-graph.js';
export { createLineageRecorder, type LineageLog, type LineageRecorder } from './lineage-recorder.js';
export { LineageGraph } from './lineage-graph.js';
export {
  queryLineage,
  DEFAULT_DEPTH as DEFAULT_LINEAGE_DEPTH,
  MAX_DEPTH as MAX_LINEAGE_DEPTH,
} from './query-lineage.js';
export { analyzeImpact, downstreamImpact, type ImpactOptions } from './impact-analysis.js';
export type { ImpactResult } from './impact-types.js';
export type * from './lineage-view-types.js';
export type { AcceptedDataset, AcceptedLineageEvent, LineageEventSink } from './lineage-event-sink.js';
export { LINEAGE_CODES, type LineageCode } from './lineage-codes.js';
