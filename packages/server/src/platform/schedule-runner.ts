/**
 * Runs products on their pipeline's cron `schedule` (UTC) while the server is up. A product
 * already running (here or in another process) is not started twice: the warehouse's product
 * lock refuses the second run, which is logged and skipped.
 */
import { Cron } from 'croner';
import { NotFoundError, type MeshModel } from '@meshwork/core';
import { runProducts } from '../runtime/run-products.js';
import type { RuntimeContext } from '../runtime/runtime-context.js';

export interface ScheduleRunner {
  /** Products with a schedule and their next run time. */
  readonly scheduled: readonly { readonly productId: string; readonly schedule: string; readonly next: Date | null }[];
  /** Runs a scheduled product's job now, as its schedule would (operators and tests). */
  runNow(productId: string): Promise<void>;
  stop(): void;
}

export function startScheduleRunner(
  model: MeshModel,
  runtime: RuntimeContext,
  log: (message: string, fields?: Record<string, unknown>) => void,
): ScheduleRunner {
  const jobs: { productId: string; schedule: string; job: Cron; task: () => Promise<void> }[] = [];
  for (const product of model.products.values()) {
    const schedule = product.pipeline?.definition.schedule;
    if (!schedule) continue;
    const task = async (): Promise<void> => {
      try {
        const [result] = await runProducts(runtime, [], [product.id], {
          trigger: 'schedule',
          requestedBy: 'scheduler',
        });
        log('scheduled run finished', { productId: product.id, outcome: result?.outcome });
      } catch (error) {
        log('scheduled run not started', {
          productId: product.id,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    };
    const job = new Cron(schedule, { timezone: 'UTC', protect: true }, task);
    jobs.push({ productId: product.id, schedule, job, task });
  }
  return {
    get scheduled() {
      return jobs.map((j) => ({ productId: j.productId, schedule: j.schedule, next: j.job.nextRun() }));
    },
    runNow: async (productId) => {
      const job = jobs.find((j) => j.productId === productId);
      if (!job) throw new NotFoundError('MW8013', `${productId} has no schedule`);
      await job.task();
    },
    stop: () => jobs.forEach((j) => j.job.stop()),
  };
}
