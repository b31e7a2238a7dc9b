/**
 * Builds the lineage graph without a server (the CLI) or at a server's start: the model's
 * product-level lineage, every product's newest recorded column lineage, then every accepted
 * OpenLineage event, oldest first. A stored record the graph cannot read is logged and skipped.
 */
import type { MeshModel, PipelineLineage } from '@meshwork/core';
import type { MetadataStore } from '../metadata/metadata-store.js';
import { acceptedEventFromRecord } from './accepted-event.js';
import { meshworkDatasetPort } from './dataset-port.js';
import { LineageGraph } from './lineage-graph.js';
import type { LineageLog } from './lineage-recorder.js';
import { addModelLineage } from './model-lineage.js';
import { mergeOpenLineageEvent, type DatasetPortResolver } from './openlineage-edges.js';
import { setPipelineLineage } from './pipeline-lineage-edges.js';

export interface LoadLineageOptions {
  readonly log?: LineageLog;
  /** How OpenLineage datasets map to Meshwork ports (default: `meshworkDatasetPort`). */
  readonly datasetPort?: (graph: LineageGraph) => DatasetPortResolver;
}

export async function loadLineageGraph(
  model: MeshModel,
  store: MetadataStore,
  options: LoadLineageOptions = {},
): Promise<LineageGraph> {
  const log = options.log ?? (() => undefined);
  const graph = new LineageGraph();
  addModelLineage(graph, model);
  for (const record of await store.listLatestPipelineLineage()) {
    try {
      setPipelineLineage(graph, model, record.lineage as unknown as PipelineLineage);
    } catch (error) {
      log('stored lineage skipped', { productId: record.productId, runId: record.runId, error: String(error) });
    }
  }
  const datasetPort = (options.datasetPort ?? meshworkDatasetPort)(graph);
  let after: string | undefined;
  do {
    const page = await store.listLineageEvents({ after, limit: 1000 });
    for (const record of page.items) {
      try {
        mergeOpenLineageEvent(graph, acceptedEventFromRecord(record), datasetPort);
      } catch (error) {
        log('stored lineage event skipped', { eventId: record.id, error: String(error) });
      }
    }
    after = page.next;
  } while (after !== undefined);
  return graph;
}
