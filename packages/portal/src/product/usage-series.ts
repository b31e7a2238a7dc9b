/**
 * A product's reads per day (UTC) for the usage chart: queries, rows returned and distinct
 * principals, every day of the period present (zero when nobody read), oldest first.
 */
import type { ProductQuery } from './product-api-types.js';

export interface UsageDay {
  /** `YYYY-MM-DD`, UTC. */
  readonly day: string;
  readonly queries: number;
  readonly rows: number;
  readonly principals: number;
}

const DAY = 86_400_000;

export function usageByDay(queries: readonly ProductQuery[], since: Date, now: Date): UsageDay[] {
  const days = new Map<string, { queries: number; rows: number; principals: Set<string> }>();
  for (
    let t = Date.UTC(since.getUTCFullYear(), since.getUTCMonth(), since.getUTCDate());
    t <= now.getTime();
    t += DAY
  ) {
    days.set(new Date(t).toISOString().slice(0, 10), { queries: 0, rows: 0, principals: new Set() });
  }
  for (const q of queries) {
    const day = days.get(q.startedAt.slice(0, 10));
    if (!day) continue; // outside the period
    day.queries++;
    day.rows += q.rows;
    day.principals.add(q.principalId);
  }
  return [...days].map(([day, d]) => ({ day, queries: d.queries, rows: d.rows, principals: d.principals.size }));
}

export function usageSummary(days: readonly UsageDay[], queries: readonly ProductQuery[], truncated: boolean): string {
  const inPeriod = queries.filter((q) => days.some((d) => d.day === q.startedAt.slice(0, 10)));
  if (inPeriod.length === 0) return `Nobody queried the product since ${days[0]?.day ?? 'the start of the period'}.`;
  const principals = new Set(inPeriod.map((q) => q.principalId)).size;
  const rows = inPeriod.reduce((sum, q) => sum + q.rows, 0);
  const busiest = days.reduce((top, d) => (d.queries > top.queries ? d : top));
  return (
    `${inPeriod.length.toLocaleString('en')} quer${inPeriod.length === 1 ? 'y' : 'ies'} by ` +
    `${principals} principal${principals === 1 ? '' : 's'}, ${rows.toLocaleString('en')} rows returned since ` +
    `${days[0]!.day}; the busiest day was ${busiest.day} (${busiest.queries}).` +
    (truncated ? ' Only the most recent queries are counted.' : '')
  );
}
