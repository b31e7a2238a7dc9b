/**
 * SLO attainment: the share of the recent window (default 30 days) during which the product's
 * freshness status was `fresh`, read from its status history (which keeps transitions only, so
 * each status holds until the next one). `stale` and `failing` count against it; `unknown`
 * (no snapshot yet) too. A product without a freshness SLO scores 0 — it promises nothing; one
 * with an SLO but no evaluation yet has no evidence (null).
 */
import type { ProductStatusRecord } from '../metadata/product-status-types.js';
import type { Measured } from './health-types.js';

export interface SloInput {
  /** Whether the contracts declare a freshness SLO (`slaProperties` frequency). */
  readonly declared: boolean;
  /** Status history, newest first, reaching back at least to the window's start when it can. */
  readonly history: readonly ProductStatusRecord[];
  readonly now: Date;
  readonly windowMs: number;
}

export function sloScore(input: SloInput): Measured {
  const { history, now, windowMs } = input;
  if (!input.declared) {
    return { name: 'slo', value: 0, summary: 'no freshness SLO declared', evidence: { declared: false } };
  }
  if (history.length === 0) {
    return { name: 'slo', value: null, summary: 'not evaluated yet', evidence: { declared: true, evaluations: 0 } };
  }
  const start = now.getTime() - windowMs;
  // Oldest first: each entry holds from its time until the next entry (or now).
  const ordered = [...history].reverse();
  const durations = { fresh: 0, stale: 0, failing: 0, unknown: 0 };
  let observed = 0;
  ordered.forEach((entry, i) => {
    const from = Math.max(start, Date.parse(entry.at));
    const next = ordered[i + 1];
    const to = next ? Math.min(now.getTime(), Date.parse(next.at)) : now.getTime();
    if (to <= from) return;
    durations[entry.status] += to - from;
    observed += to - from;
  });
  const current = history[0]!;
  if (observed === 0) {
    const value = current.status === 'fresh' ? 1 : 0;
    return {
      name: 'slo',
      value,
      summary: `currently ${current.status}`,
      evidence: { declared: true, current: current.status, transitions: history.length },
    };
  }
  const value = durations.fresh / observed;
  const hours = (ms: number) => Math.round(ms / 360_000) / 10;
  const span = observed < 3_600_000 ? `${Math.round(observed / 60_000)} min` : `${hours(observed)} h`;
  return {
    name: 'slo',
    value,
    summary: `fresh ${Math.round(value * 100)}% of the last ${span}; currently ${current.status}`,
    evidence: {
      declared: true,
      current: current.status,
      reason: current.reason,
      observedHours: hours(observed),
      freshHours: hours(durations.fresh),
      staleHours: hours(durations.stale),
      failingHours: hours(durations.failing),
      unknownHours: hours(durations.unknown),
      transitions: history.length,
    },
  };
}
