/**
 * The RunListener that tells an OpenLineage receiver about every run: START when it starts,
 * COMPLETE or FAIL when it ends (run-event-builder.ts). Both return at once: the event is
 * built and sent by the sender's queue, so a receiver that is slow, down or failing never
 * delays nor fails a run.
 *
 * @example
 * const openLineage = openLineageListener({ config: model.config, model, root, log });
 * const runtime = { ...context, listeners: openLineage ? [openLineage] : [] };
 * await openLineage?.close();
 */
import type { MeshModel } from '@meshwork/core';
import type { RunFinished, RunListener, RunStarted } from '../runtime/run-listener.js';
import {
  createOpenLineageSender,
  type OpenLineageLog,
  type OpenLineageSender,
  type OpenLineageSenderOptions,
} from './openlineage-sender.js';
import { openLineageSettings, type OpenLineageSettings } from './openlineage-settings.js';
import { pipelineSourceCode } from './pipeline-source-code.js';
import { finishEvent, startEvent } from './run-event-builder.js';
import type { DatasetScope } from './run-datasets.js';

export interface OpenLineageRunListener extends Required<Pick<RunListener, 'started' | 'finished'>> {
  readonly settings: OpenLineageSettings;
  readonly sender: OpenLineageSender;
  /** Waits at most `timeoutMs` for queued events; resolves with how many are still pending. */
  flush(timeoutMs: number): Promise<number>;
  /** Flushes for at most `timeoutMs`, then abandons what is left. */
  close(timeoutMs?: number): Promise<void>;
}

export interface OpenLineageListenerOptions {
  readonly model: MeshModel;
  /** Workspace root (absolute). */
  readonly root: string;
  readonly log?: OpenLineageLog;
  /** Sender tuning (retries, queue size); the endpoint, key and timeout come from mesh.yaml. */
  readonly sender?: Omit<OpenLineageSenderOptions, 'endpointUrl' | 'apiKey' | 'timeoutMs' | 'log'>;
}

/** The listener for mesh.yaml `openlineage`, or undefined when nothing is to be sent; MW8850 when the section is wrong. */
export function openLineageListener(options: OpenLineageListenerOptions): OpenLineageRunListener | undefined {
  const settings = openLineageSettings(options.model.config);
  if (!settings) return undefined;
  const sender = createOpenLineageSender({
    ...options.sender,
    endpointUrl: settings.endpointUrl,
    ...(settings.apiKey === undefined ? {} : { apiKey: settings.apiKey }),
    timeoutMs: settings.timeoutMs,
    ...(options.log ? { log: options.log } : {}),
  });
  const scope: DatasetScope = { model: options.model, root: options.root, namespace: settings.namespace };
  // The step SQL is read once per run, when it starts (it is what the run executes).
  const sources = new Map<string, Promise<string | undefined>>();
  return {
    settings,
    sender,
    started(run: RunStarted) {
      const source = pipelineSourceCode(options.root, run.product);
      sources.set(run.runId, source);
      sender.send({
        key: run.runId,
        label: `START ${run.product.id}`,
        event: async () => startEvent(scope, run, { sourceCode: await source }),
      });
    },
    finished(run: RunFinished) {
      const source = sources.get(run.runId) ?? pipelineSourceCode(options.root, run.product);
      sources.delete(run.runId);
      sender.send({
        key: run.runId,
        label: `${run.outcome === 'succeeded' ? 'COMPLETE' : 'FAIL'} ${run.product.id}`,
        event: async () => finishEvent(scope, run, { sourceCode: await source }),
      });
    },
    flush: (timeoutMs) => sender.flush(timeoutMs),
    close: (timeoutMs) => sender.close(timeoutMs),
  };
}
