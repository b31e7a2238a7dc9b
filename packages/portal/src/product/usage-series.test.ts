import { describe, expect, it } from 'vitest';
import { usageByDay, usageSummary } from './usage-series.js';

const query = (principalId: string, startedAt: string, rows: number) => ({
  queryId: `${principalId}-${startedAt}`,
  principalId,
  rows,
  status: 'succeeded',
  startedAt,
});

const since = new Date('2026-11-01T15:00:00Z');
const now = new Date('2026-11-04T09:00:00Z');
const queries = [
  query('ana', '2026-11-03T10:00:00Z', 10),
  query('ben', '2026-11-03T11:00:00Z', 5),
  query('ana', '2026-11-01T16:00:00Z', 1),
  query('ana', '2026-11-03T12:00:00Z', 0),
  query('old', '2026-10-20T12:00:00Z', 99),
];

describe('usageByDay', () => {
  it('counts queries, rows and distinct principals per UTC day, every day of the period', () => {
    expect(usageByDay(queries, since, now)).toEqual([
      { day: '2026-11-01', queries: 1, rows: 1, principals: 1 },
      { day: '2026-11-02', queries: 0, rows: 0, principals: 0 },
      { day: '2026-11-03', queries: 3, rows: 15, principals: 2 },
      { day: '2026-11-04', queries: 0, rows: 0, principals: 0 },
    ]);
  });
});

describe('usageSummary', () => {
  it('says it in words, and when older queries were left out', () => {
    const days = usageByDay(queries, since, now);
    expect(usageSummary(days, queries, false)).toBe(
      '4 queries by 2 principals, 16 rows returned since 2026-11-01; the busiest day was 2026-11-03 (3).',
    );
    expect(usageSummary(days, queries, true)).toMatch(/Only the most recent queries are counted\.$/);
    expect(usageSummary(days, [], false)).toBe('Nobody queried the product since 2026-11-01.');
  });
});
