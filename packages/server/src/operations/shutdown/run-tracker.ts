/**
 * Which runs are in progress, through the runtime's listener seam, so a shutdown can wait for
 * them to finish.
 */
import type { RunListener } from '../../runtime/run-listener.js';

export interface RunTracker {
  readonly listener: RunListener;
  /** Runs started and not finished. */
  readonly inProgress: number;
  /** Resolves when no run is in progress (at once when none is). */
  whenIdle(): Promise<void>;
}

export function createRunTracker(): RunTracker {
  let running = 0;
  let waiters: (() => void)[] = [];
  return {
    listener: {
      started: () => {
        running += 1;
      },
      finished: () => {
        running = Math.max(0, running - 1);
        if (running > 0) return;
        const idle = waiters;
        waiters = [];
        for (const resolve of idle) resolve();
      },
    },
    get inProgress() {
      return running;
    },
    whenIdle: () => (running === 0 ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve))),
  };
}
