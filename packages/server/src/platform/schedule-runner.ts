/**
 * Runs products on their pipeline's cron `schedule` (UTC) while the server is up — each slot once,
 * however many servers share the metadata store: when a slot comes due, every server computes
 * the same slot time (cron-slot.ts) and claims `schedule:<product>` at it in the store; only the
 * claimant runs it, the others log who has it. The warehouse's product lock still refuses a run
 * while another one of the product is building (here, in another server, or `mesh run`).
 */
import { Cron } from 'croner';
import { NotFoundError, type MeshModel } from '@meshwork/core';
import { runProducts } from '../runtime/run-products.js';
import type { RuntimeContext } from '../runtime/runtime-context.js';
import { cronSlot } from './cron-slot.js';
import type { SlotClaims } from './slot-claims.js';

export interface ScheduleRunner {
  /** Products with a schedule and their next run time. */
  readonly scheduled: readonly { readonly productId: string; readonly schedule: string; readonly next: Date | null }[];
  /** Runs a scheduled product's job now, as its schedule would but without claiming a slot (operators and tests). */
  runNow(productId: string): Promise<void>;
  stop(): void;
}

export interface ScheduleRunnerOptions {
  readonly model: MeshModel;
  readonly runtime: RuntimeContext;
  readonly claims: SlotClaims;
  readonly log: (message: string, fields?: Record<string, unknown>) => void;
}

/** The claim job of a product's schedule. */
export function scheduleJob(productId: string): string {
  return `schedule:${productId}`;
}

export function startScheduleRunner(options: ScheduleRunnerOptions): ScheduleRunner {
  const { model, runtime, claims, log } = options;
  const jobs: { productId: string; schedule: string; job: Cron; run: () => Promise<string | undefined> }[] = [];
  for (const product of model.products.values()) {
    const schedule = product.pipeline?.definition.schedule;
    if (!schedule) continue;
    /** Runs the product; the id of the run when one was recorded. */
    const run = async (): Promise<string | undefined> => {
      try {
        const [result] = await runProducts(runtime, [], [product.id], {
          trigger: 'schedule',
          requestedBy: 'scheduler',
        });
        log('scheduled run finished', { productId: product.id, outcome: result?.outcome });
        const runId = result && result.outcome !== 'skipped' ? result.summary.runId : undefined;
        // A run refused by the product lock has an id but no record.
        return runId && (await runtime.store.getRun(runId)) ? runId : undefined;
      } catch (error) {
        log('scheduled run not started', { productId: product.id, error: errorText(error) });
        return undefined;
      }
    };
    const fire = async (self: Cron): Promise<void> => {
      const slot = cronSlot(self, new Date())?.toISOString();
      if (!slot) return;
      const job = scheduleJob(product.id);
      try {
        const outcome = await claims.claim(job, slot);
        if (!outcome.claimed) {
          log('scheduled run taken by another server', { productId: product.id, slot, server: outcome.claimedBy });
          return;
        }
      } catch (error) {
        log('scheduled run skipped: its slot could not be claimed', {
          code: 'MW8352',
          productId: product.id,
          slot,
          error: errorText(error),
        });
        return;
      }
      log('scheduled run claimed', { productId: product.id, slot, server: claims.server });
      const runId = await run();
      if (runId) {
        await claims
          .noteRun(job, slot, runId)
          .catch((error: unknown) =>
            log('scheduled run not noted on its claim', { productId: product.id, slot, error: errorText(error) }),
          );
      }
    };
    const job = new Cron(schedule, { timezone: 'UTC', protect: true }, fire);
    jobs.push({ productId: product.id, schedule, job, run });
  }
  return {
    get scheduled() {
      return jobs.map((j) => ({ productId: j.productId, schedule: j.schedule, next: j.job.nextRun() }));
    },
    runNow: async (productId) => {
      const job = jobs.find((j) => j.productId === productId);
      if (!job) throw new NotFoundError('MW8013', `${productId} has no schedule`);
      await job.run();
    },
    stop: () => jobs.forEach((j) => j.job.stop()),
  };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
