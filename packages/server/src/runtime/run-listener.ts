/**
 * Listeners told when a run starts and how it ended, with what it built: how lineage is recorded,
 * OpenLineage events are sent and webhook subscribers are told, without the runtime knowing any
 * of them. A listener must return at once (queue its own work) and must not throw: a failing
 * listener never fails a run (`notifyRunListeners` swallows and reports).
 */
import type { DataProduct, OutputPort, PipelineLineage } from '@meshwork/core';
import type { RunError, RunTrigger } from '../metadata/run-types.js';
import type { CheckResult } from '../quality/check-types.js';

export interface RunStarted {
  readonly product: DataProduct;
  readonly runId: string;
  readonly at: Date;
  readonly trigger: RunTrigger;
  readonly requestedBy: string;
}

/** One output the run wrote (and, when it succeeded, published). */
export interface RunOutputResult {
  readonly port: OutputPort;
  /** The published snapshot; absent when nothing was published. */
  readonly snapshotId?: string;
  readonly rowCount: number;
  readonly schema?: readonly { readonly name: string; readonly type: string; readonly nullable: boolean }[];
  readonly checks: readonly CheckResult[];
}

export interface RunFinished extends RunStarted {
  readonly outcome: 'succeeded' | 'failed';
  readonly endedAt: Date;
  readonly outputs: readonly RunOutputResult[];
  /** Column lineage of the pipeline as this run bound it; absent when the run failed before binding. */
  readonly lineage?: PipelineLineage;
  readonly error?: RunError;
}

export interface RunListener {
  started?(run: RunStarted): void;
  finished?(run: RunFinished): void;
  /**
   * Awaited by `runProducts` before it returns, for work that must land before the caller closes
   * the store (the lineage record). Keep it short: nothing that waits on the network.
   */
  idle?(): Promise<void>;
}

/** Calls every listener; one that throws is reported through `onError` and the rest still run. */
export function notifyRunListeners(
  listeners: readonly RunListener[] | undefined,
  call: (listener: RunListener) => void,
  onError: (error: unknown) => void = () => undefined,
): void {
  for (const listener of listeners ?? []) {
    try {
      call(listener);
    } catch (error) {
      onError(error);
    }
  }
}
