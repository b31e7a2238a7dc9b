/** Compliance over time as chart points: the share of (policy, product) outcomes that pass or are waived. */
import type { CompliancePoint } from './governance-types.js';

export interface ComplianceHistoryPoint extends CompliancePoint {
  /** `YYYY-MM-DD HH:MM` (UTC). */
  readonly label: string;
  /** Percent with one decimal (99.7, not a rounded-up 100); null for a check that judged nothing. */
  readonly compliantPct: number | null;
}

export function complianceHistorySeries(points: readonly CompliancePoint[]): ComplianceHistoryPoint[] {
  return [...points]
    .sort((a, b) => (a.checkedAt < b.checkedAt ? -1 : a.checkedAt > b.checkedAt ? 1 : 0))
    .map((p) => {
      const all = p.passed + p.waived + p.failed + p.errors;
      return {
        ...p,
        label: `${p.checkedAt.slice(0, 10)} ${p.checkedAt.slice(11, 16)}`,
        compliantPct: all === 0 ? null : Math.floor(((p.passed + p.waived) / all) * 1000) / 10,
      };
    });
}

/** What the chart shows, in words (for those who cannot see it). */
export function complianceHistorySummary(series: readonly ComplianceHistoryPoint[]): string {
  const judged = series.filter((p) => p.compliantPct !== null);
  const first = judged[0];
  const last = judged.at(-1);
  if (!first || !last) return 'No governance check has been recorded yet.';
  if (judged.length === 1) return `One check recorded: ${last.compliantPct}% compliant on ${last.label} UTC.`;
  return `${judged.length} checks from ${first.label} to ${last.label} UTC: ${first.compliantPct}% compliant at first, ${last.compliantPct}% at the latest.`;
}
