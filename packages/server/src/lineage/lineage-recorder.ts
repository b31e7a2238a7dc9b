/**
 * The run listener that keeps each product's newest column lineage in the metadata store: told
 * when a run succeeded, it queues the write and returns at once (a listener must not hold up or
 * fail a run); a failed write is logged, and the next run records again. Only successful runs
 * count: their lineage is that of the snapshot now serving. `idle()` waits for queued writes,
 * for whoever closes the store afterwards.
 */
import type { PipelineLineage } from '@meshwork/core';
import type { JsonValue } from '../metadata/canonical-json.js';
import type { MetadataStore } from '../metadata/metadata-store.js';
import type { RunFinished, RunListener } from '../runtime/run-listener.js';

export type LineageLog = (message: string, fields: Record<string, string>) => void;

export interface LineageRecorder {
  readonly listener: RunListener;
  /** Resolves when every queued write has finished (or failed and been logged). */
  idle(): Promise<void>;
}

export interface LineageRecorderOptions {
  /** Told first, synchronously, of each lineage to record (the in-memory graph). */
  readonly onLineage?: (lineage: PipelineLineage, run: RunFinished) => void;
  readonly log?: LineageLog;
}

export function createLineageRecorder(store: MetadataStore, options: LineageRecorderOptions = {}): LineageRecorder {
  const log = options.log ?? (() => undefined);
  let queue: Promise<void> = Promise.resolve();
  const listener: RunListener = {
    idle: () => queue,
    finished(run) {
      const lineage = run.lineage;
      if (run.outcome !== 'succeeded' || !lineage) return;
      try {
        options.onLineage?.(lineage, run);
      } catch (error) {
        log('lineage graph update failed', { productId: run.product.id, runId: run.runId, error: String(error) });
      }
      queue = queue
        .then(() =>
          store.recordPipelineLineage({
            productId: run.product.id,
            runId: run.runId,
            lineage: lineageJson(lineage),
            recordedAt: run.endedAt,
          }),
        )
        .catch((error: unknown) =>
          log('recording lineage failed', { productId: run.product.id, runId: run.runId, error: String(error) }),
        );
    },
  };
  return { listener, idle: () => queue };
}

/** A PipelineLineage is plain JSON (readonly interfaces have no index signature for the compiler). */
function lineageJson(lineage: PipelineLineage): JsonValue {
  return lineage as unknown as JsonValue;
}
