/**
 * The series the quality tab charts, oldest first, each with the words a screen reader (or a
 * reader of the table under the chart) gets instead: check pass rate per run, rows per
 * snapshot and port version, and freshness over time.
 */
import type { PortSnapshots, QualityRun } from './product-api-types.js';

export interface PassRatePoint {
  readonly runId: string;
  readonly at: string;
  /** Checks passed / checks judged, in percent; null when the run judged none. */
  readonly passRate: number | null;
  readonly passed: number;
  readonly failed: number;
  readonly warnings: number;
  readonly status: string;
}

export function passRateSeries(history: readonly QualityRun[]): PassRatePoint[] {
  return [...history]
    .sort((a, b) => a.at.localeCompare(b.at))
    .map((run) => {
      const judged = run.passed + run.failed + run.warnings;
      return {
        runId: run.runId,
        at: run.at,
        passRate: judged === 0 ? null : round((run.passed / judged) * 100, 1),
        passed: run.passed,
        failed: run.failed,
        warnings: run.warnings,
        status: run.status,
      };
    });
}

export function passRateSummary(points: readonly PassRatePoint[]): string {
  const rated = points.filter((p) => p.passRate !== null);
  if (rated.length === 0) return 'No run has judged any check yet.';
  const last = rated.at(-1)!;
  const lowest = rated.reduce((low, p) => (p.passRate! < low.passRate! ? p : low));
  const failedRuns = points.filter((p) => p.failed > 0).length;
  return (
    `Over the last ${plural(points.length, 'run')}, the newest passed ${last.passRate}% of its checks ` +
    `(${last.passed} passed, ${last.failed} failed, ${plural(last.warnings, 'warning')}); ` +
    `the lowest was ${lowest.passRate}% on ${when(lowest.at)}; ` +
    `${failedRuns === 0 ? 'no run had a failed blocking check' : `${plural(failedRuns, 'run')} had failed blocking checks`}.`
  );
}

/** One point per run (or snapshot) with a row count per port version, keyed `orders v2`. */
export interface RowCountPoint {
  readonly key: string;
  readonly at: string;
  readonly counts: Readonly<Record<string, number>>;
}

export function rowCountSeries(ports: readonly PortSnapshots[]): { series: string[]; points: RowCountPoint[] } {
  const series = ports.map((p) => `${p.port} v${p.major}`);
  const byKey = new Map<string, { at: string; counts: Record<string, number> }>();
  ports.forEach((port, i) => {
    for (const s of port.snapshots) {
      // Snapshots of one run land milliseconds apart: one point per run.
      const key = s.runId ?? s.snapshotId;
      const point = byKey.get(key) ?? { at: s.createdAt, counts: {} };
      point.counts[series[i]!] = s.rowCount;
      if (s.createdAt < point.at) point.at = s.createdAt;
      byKey.set(key, point);
    }
  });
  const points = [...byKey].map(([key, p]) => ({ key, ...p })).sort((a, b) => a.at.localeCompare(b.at));
  return { series, points };
}

export function rowCountSummary(series: readonly string[], points: readonly RowCountPoint[]): string {
  if (points.length === 0) return 'No snapshot has been published yet.';
  const parts = series.flatMap((name) => {
    const values = points.filter((p) => p.counts[name] !== undefined);
    if (values.length === 0) return [];
    const first = values[0]!;
    const last = values.at(-1)!;
    return [
      `${name}: ${count(last.counts[name]!)} rows in the newest snapshot (${when(last.at)})` +
        (values.length > 1 ? `, ${count(first.counts[name]!)} in the oldest shown (${when(first.at)})` : ''),
    ];
  });
  return `${parts.join('; ')}.`;
}

export const FRESHNESS_LEVELS = ['failing', 'stale', 'unknown', 'fresh'] as const;

export interface FreshnessSpan {
  readonly status: string;
  readonly reason: string;
  readonly from: string;
  /** The next transition, or now for the current status. */
  readonly to: string;
}

/** The status history (newest first, as the API sends it) as spans of time, oldest first. */
export function freshnessSpans(
  history: readonly { readonly status: string; readonly reason: string; readonly at: string }[],
  now: Date,
): FreshnessSpan[] {
  const oldestFirst = [...history].sort((a, b) => a.at.localeCompare(b.at));
  return oldestFirst.map((h, i) => ({
    status: h.status,
    reason: h.reason,
    from: h.at,
    to: oldestFirst[i + 1]?.at ?? now.toISOString(),
  }));
}

/** The level of a status on the timeline's axis: failing lowest, fresh highest. */
export function freshnessLevel(status: string): number {
  const level = FRESHNESS_LEVELS.indexOf(status as (typeof FRESHNESS_LEVELS)[number]);
  return level === -1 ? FRESHNESS_LEVELS.indexOf('unknown') : level;
}

export function freshnessSummary(spans: readonly FreshnessSpan[]): string {
  if (spans.length === 0) return 'Freshness has not been evaluated yet.';
  const total = spans.reduce((sum, s) => sum + duration(s), 0);
  const share = (status: string) => spans.filter((s) => s.status === status).reduce((sum, s) => sum + duration(s), 0);
  const current = spans.at(-1)!;
  const shares = ['fresh', 'stale', 'failing']
    .map((status) => [status, share(status)] as const)
    .filter(([, ms]) => ms > 0)
    .map(([status, ms]) => `${status} ${round((ms / Math.max(total, 1)) * 100, 1)}% of the time`);
  return (
    `Since ${when(spans[0]!.from)}, ${shares.join(', ') || 'no time observed yet'}; ` +
    `${plural(spans.length - 1, 'change')} of status; currently ${current.status} (${current.reason}).`
  );
}

const duration = (s: FreshnessSpan) => Math.max(0, Date.parse(s.to) - Date.parse(s.from));
const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const count = (n: number) => n.toLocaleString('en');
/** `2026-11-21 22:26:19` (UTC): charts and their tables name times the same way; runs minutes apart stay apart. */
export const when = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
