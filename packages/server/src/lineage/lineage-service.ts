/**
 * The lineage of a running platform: the graph, built once at start (load-lineage-graph.ts) and
 * kept current in memory — each successful run replaces its product's column lineage (and
 * queues the store write), each accepted OpenLineage event is merged — answering `lineage` and
 * `impact` for the HTTP API.
 */
import type { MeshModel } from '@meshwork/core';
import type { MetadataStore } from '../metadata/metadata-store.js';
import type { RunListener } from '../runtime/run-listener.js';
import { analyzeImpact } from './impact-analysis.js';
import type { ImpactResult } from './impact-types.js';
import type { AcceptedLineageEvent, LineageEventSink } from './lineage-event-sink.js';
import type { LineageGraph } from './lineage-graph.js';
import { createLineageRecorder, type LineageLog } from './lineage-recorder.js';
import type { LineageAccess, LineageQueryOptions, LineageResult } from './lineage-view-types.js';
import { loadLineageGraph, type LoadLineageOptions } from './load-lineage-graph.js';
import { meshworkDatasetPort } from './dataset-port.js';
import { mergeOpenLineageEvent } from './openlineage-edges.js';
import { setPipelineLineage } from './pipeline-lineage-edges.js';
import { queryLineage } from './query-lineage.js';

export interface LineageService extends LineageEventSink {
  readonly graph: LineageGraph;
  /** Add to the runtime's listeners: records each successful run's lineage. */
  readonly listener: RunListener;
  lineage(ref: string, options?: LineageQueryOptions, access?: LineageAccess): LineageResult;
  impact(ref: string, access?: LineageAccess, now?: Date): Promise<ImpactResult>;
  /** Resolves when queued store writes are done (before the store closes). */
  idle(): Promise<void>;
}

export interface LineageServiceOptions extends LoadLineageOptions {
  readonly model: MeshModel;
  readonly store: MetadataStore;
  readonly log?: LineageLog;
}

export async function createLineageService(options: LineageServiceOptions): Promise<LineageService> {
  const { model, store } = options;
  const log = options.log ?? (() => undefined);
  const graph = await loadLineageGraph(model, store, options);
  const datasetPort = (options.datasetPort ?? meshworkDatasetPort)(graph);
  const recorder = createLineageRecorder(store, {
    log,
    onLineage: (lineage) => setPipelineLineage(graph, model, lineage),
  });
  return {
    graph,
    listener: recorder.listener,
    lineage: (ref, query, access) => queryLineage(graph, ref, query, access),
    impact: (ref, access, now) =>
      analyzeImpact(graph, store, ref, { access, now, ownerOf: (id) => model.products.get(id)?.ownerTeam }),
    mergeEvent(event: AcceptedLineageEvent) {
      try {
        mergeOpenLineageEvent(graph, event, datasetPort);
      } catch (error) {
        log('lineage event not merged', { eventId: event.id, error: String(error) });
      }
    },
    idle: () => recorder.idle(),
  };
}
