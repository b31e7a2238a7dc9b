/**
 * Tells webhook subscribers what runs did: `product.published` for each output a successful run
 * published, `run.failed` for a failed run, the SLO breach or restoration the run's outcome
 * caused (the run records the product's status before listeners hear of it), and `port.retired`
 * for the product's port versions past their endOfLife that were not announced yet.
 *
 * As every RunListener, it returns at once and never throws: events are only queued by the
 * publisher, and the store lookups run in the background (`settled` waits for them); a failure
 * is logged, never passed to the run.
 */
import type { RunFinished, RunListener } from '../runtime/run-listener.js';
import { publishLifecycleEvent } from './event-types.js';
import { errorText, type LifecycleContext } from './lifecycle-context.js';
import { createRetirementAnnouncer, type RetirementAnnouncer } from './retirement-announcements.js';
import { announceStatusTransition } from './slo-transitions.js';

export interface LifecycleRunListener extends RunListener {
  /** Resolves once the background work of the runs finished so far is done. */
  settled(): Promise<void>;
}

export function createLifecycleRunListener(
  ctx: LifecycleContext,
  retirements: RetirementAnnouncer = createRetirementAnnouncer(ctx),
): LifecycleRunListener {
  const pending = new Set<Promise<void>>();
  const background = (runId: string, work: () => Promise<unknown>) => {
    const task: Promise<void> = work()
      .then(() => undefined)
      .catch((error: unknown) => ctx.log?.('lifecycle events of a run failed', { runId, error: errorText(error) }))
      .finally(() => pending.delete(task));
    pending.add(task);
  };
  return {
    finished(run) {
      try {
        publishRunEvents(ctx, run);
      } catch (error) {
        ctx.log?.('lifecycle events of a run failed', { runId: run.runId, error: errorText(error) });
      }
      background(run.runId, () => announceRunTransition(ctx, run));
      background(run.runId, () => retirements.sweep([run.product.id]));
    },
    async settled() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
}

function publishRunEvents(ctx: LifecycleContext, run: RunFinished): void {
  const base = { product: run.product.id, runId: run.runId, trigger: run.trigger, requestedBy: run.requestedBy };
  if (run.outcome === 'failed') {
    publishLifecycleEvent(ctx.events, 'run.failed', {
      ...base,
      startedAt: run.at.toISOString(),
      endedAt: run.endedAt.toISOString(),
      error: { code: run.error?.code ?? 'unknown', message: run.error?.message ?? 'the run failed' },
    });
    return;
  }
  for (const output of run.outputs) {
    if (output.snapshotId === undefined) continue;
    publishLifecycleEvent(ctx.events, 'product.published', {
      ...base,
      port: output.port.name,
      major: output.port.major,
      snapshotId: output.snapshotId,
      rowCount: output.rowCount,
      contractId: output.port.contract?.id ?? '',
      contractVersion: output.port.contract?.version ?? '',
    });
  }
}

/**
 * The run recorded the product's status (fresh, or failing) just before it ended; when that entry
 * is the newest and names this run, the run made the transition and announces it. A status
 * recorded since by someone else is theirs to announce.
 */
async function announceRunTransition(ctx: LifecycleContext, run: RunFinished): Promise<void> {
  const history = await ctx.store.listProductStatus(run.product.id, { limit: 2 });
  const [latest, before] = history.items;
  if (!latest || !latest.reason.includes(run.runId)) return;
  await announceStatusTransition(ctx, before?.status, latest);
}
