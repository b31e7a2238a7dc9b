/**
 * Recent runs of the product and, per run, a summary of its check results (the quality history).
 */
import { checkObject } from '../health/quality-score.js';
import type { MetadataStore } from '../metadata/metadata-store.js';
import type { RunRecord } from '../metadata/run-types.js';

export async function runsSection(store: MetadataStore, productId: string, limit: number) {
  const { items } = await store.listRuns({ productId, limit });
  return {
    runs: items.map((run) => ({
      id: run.id,
      status: run.status,
      trigger: run.trigger,
      startedAt: run.startedAt,
      finishedAt: run.finishedAt,
      rowsIn: run.rowsIn,
      rowsOut: run.rowsOut,
      error: run.error,
      outputs: run.outputs.map((o) => ({
        port: o.port,
        major: o.major,
        snapshotId: o.snapshotId,
        rowCount: o.rowCount,
      })),
    })),
    qualityHistory: items.filter((r) => r.status !== 'running').map(qualitySummary),
  };
}

/** Counts of a run's checks: passed, failed blocking, warnings (failed non-blocking), recorded. */
export function qualitySummary(run: RunRecord) {
  let passed = 0;
  let failed = 0;
  let warnings = 0;
  const failing: string[] = [];
  for (const check of run.checks) {
    const c = checkObject(check);
    if (!c || c.status === 'recorded') continue;
    if (c.status === 'passed') passed++;
    else {
      if (c.blocking === true) failed++;
      else warnings++;
      if (typeof c.id === 'string' && failing.length < 10) failing.push(c.id);
    }
  }
  return { runId: run.id, at: run.finishedAt ?? run.startedAt, status: run.status, passed, failed, warnings, failing };
}
