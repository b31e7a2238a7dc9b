/**
 * Keeps the mesh map's per-model part current without recomputing it per request: the index
 * (mesh-map-index.ts) is rebuilt when the lineage graph's revision moved (a run recorded new
 * lineage, an OpenLineage event was merged), the scores when the health service swapped in a new
 * batch (its `scores()` map is replaced, never changed in place). The model is fixed for the
 * life of a server. Rebuilds happen on the next request, never on a timer.
 */
import type { MeshModel } from '@meshwork/core';
import type { HealthService } from '../health/health-service.js';
import type { LineageGraph } from '../lineage/lineage-graph.js';
import { buildMeshMapIndex, type MeshMapIndex } from './mesh-map-index.js';

export interface MeshMapSources {
  readonly model: MeshModel;
  readonly lineage: { readonly graph: LineageGraph };
  readonly health: Pick<HealthService, 'scores' | 'scorecard'>;
}

export interface MeshMapState {
  readonly index: MeshMapIndex;
  /** Per product (index order): its health score, NaN without a scorecard. */
  readonly scores: Float64Array;
}

export interface MeshMapCache {
  current(): Promise<MeshMapState>;
  /** How many times the index was built (tests show that a request reuses it). */
  readonly builds: number;
}

export function createMeshMapCache(sources: MeshMapSources): MeshMapCache {
  const { model, lineage, health } = sources;
  let index: MeshMapIndex | undefined;
  let revision = -1;
  let graph: LineageGraph | undefined;
  let scoresOf: ReadonlyMap<string, number> | undefined;
  let state: MeshMapState | undefined;
  let builds = 0;
  return {
    get builds() {
      return builds;
    },
    async current() {
      // The first read computes the health batch, as `GET …/{id}/health` does; later reads use it.
      const first = model.products.keys().next();
      if (!first.done && health.scores().size === 0) await health.scorecard(first.value);
      // The graph object too: with a shared store, a reload swaps in a new graph whose revision
      // (its own count of changes) may equal the old one's while its edges differ.
      if (!index || graph !== lineage.graph || revision !== lineage.graph.revision) {
        graph = lineage.graph;
        revision = lineage.graph.revision;
        index = buildMeshMapIndex(model, lineage.graph);
        builds += 1;
        state = undefined;
      }
      const scores = health.scores();
      if (!state || scoresOf !== scores) {
        scoresOf = scores;
        const current = index;
        state = { index: current, scores: Float64Array.from(current.productIds, (id) => scores.get(id) ?? NaN) };
      }
      return state;
    },
  };
}
