/**
 * The column lineage a run recorded for its product (a `PipelineLineage` of @meshwork/core, kept
 * as JSON): the lineage graph is rebuilt from the newest one of each product at start.
 */
import type { JsonValue } from './canonical-json.js';

export interface PipelineLineageInput {
  readonly productId: string;
  /** The run that bound the pipeline (a UUID). */
  readonly runId: string;
  /** A `PipelineLineage` of @meshwork/core: an object with `inputs`, `outputs` and `unresolved` arrays. */
  readonly lineage: JsonValue;
  /** Defaults to the store's clock. */
  readonly recordedAt?: string | Date;
}

export interface PipelineLineageRecord {
  readonly productId: string;
  readonly runId: string;
  readonly recordedAt: string;
  readonly lineage: JsonValue;
}
