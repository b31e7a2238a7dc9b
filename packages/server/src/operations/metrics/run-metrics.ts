/**
 * Runs into metrics, through the runtime's listener seam: runs in progress, and each finished
 * run's outcome and duration by trigger. No product label: one series per product would not
 * scale to a large mesh; `mesh runs` and `/api/v1/runs` have the per-product view.
 */
import type { RunListener } from '../../runtime/run-listener.js';
import type { PlatformMetrics } from './platform-metrics.js';

export function runMetricsListener(metrics: Pick<PlatformMetrics, 'runs'>): RunListener {
  const { finished, duration, inProgress } = metrics.runs;
  return {
    started: () => inProgress.inc(),
    finished: (run) => {
      inProgress.dec();
      const labels = { trigger: run.trigger, outcome: run.outcome };
      finished.inc(labels);
      duration.observe(labels, Math.max(0, run.endedAt.getTime() - run.at.getTime()) / 1000);
    },
  };
}
