/**
 * Quality pass rate: checks passed over checks run in the product's last N finished runs.
 * `recorded` checks (measurements without a rule) do not count. No finished run: no evidence.
 */
import type { JsonValue } from '../metadata/canonical-json.js';
import type { RunRecord } from '../metadata/run-types.js';
import type { Measured } from './health-types.js';

export function qualityScore(runs: readonly RunRecord[]): Measured {
  const finished = runs.filter((r) => r.status !== 'running');
  if (finished.length === 0) {
    return { name: 'quality', value: null, summary: 'no finished runs', evidence: { runs: 0 } };
  }
  let passed = 0;
  let run = 0;
  const failing = new Set<string>();
  for (const record of finished) {
    for (const value of record.checks) {
      const check = checkObject(value);
      if (!check) continue;
      const status = check.status;
      if (status === 'recorded' || typeof status !== 'string') continue;
      run++;
      if (status === 'passed') passed++;
      else if (typeof check.id === 'string') failing.add(check.id);
    }
  }
  const failedRuns = finished.filter((r) => r.status === 'failed').length;
  const evidence = {
    runs: finished.length,
    failedRuns,
    checksRun: run,
    checksPassed: passed,
    failingChecks: [...failing].sort().slice(0, 10),
  };
  if (run === 0) {
    // Runs that never reached their checks: a failed build proves nothing passed.
    const value = failedRuns === finished.length ? 0 : null;
    return { name: 'quality', value, summary: `${finished.length} runs, no checks run`, evidence };
  }
  return {
    name: 'quality',
    value: passed / run,
    summary: `${passed}/${run} checks passed over the last ${finished.length} runs`,
    evidence,
  };
}

/** A check result as stored (plain JSON), when it is an object. */
export function checkObject(value: JsonValue): Readonly<Record<string, JsonValue>> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Readonly<Record<string, JsonValue>>)
    : undefined;
}
