import { describe, expect, it } from 'vitest';
import {
  freshnessLevel,
  freshnessSpans,
  freshnessSummary,
  passRateSeries,
  passRateSummary,
  rowCountSeries,
  rowCountSummary,
} from './quality-series.js';

const run = (runId: string, at: string, passed: number, failed: number, warnings: number) => ({
  runId,
  at,
  status: failed > 0 ? 'failed' : 'succeeded',
  passed,
  failed,
  warnings,
  failing: [],
});

describe('pass rate per run', () => {
  const history = [
    run('r3', '2026-11-03T10:00:00Z', 9, 0, 1),
    run('r1', '2026-11-01T10:00:00Z', 0, 0, 0),
    run('r2', '2026-11-02T10:00:00Z', 6, 2, 0),
  ];

  it('orders runs oldest first, with the share of judged checks that passed', () => {
    expect(passRateSeries(history).map((p) => [p.runId, p.passRate])).toEqual([
      ['r1', null],
      ['r2', 75],
      ['r3', 90],
    ]);
  });

  it('says it in words', () => {
    expect(passRateSummary(passRateSeries(history))).toBe(
      'Over the last 3 runs, the newest passed 90% of its checks (9 passed, 0 failed, 1 warning); ' +
        'the lowest was 75% on 2026-11-02 10:00:00; 1 run had failed blocking checks.',
    );
    expect(passRateSummary(passRateSeries([history[1]!]))).toBe('No run has judged any check yet.');
  });
});

describe('rows per snapshot', () => {
  const snapshot = (runId: string | null, snapshotId: string, createdAt: string, rowCount: number) => ({
    snapshotId,
    runId,
    createdAt,
    rowCount,
    contractVersion: '1.0.0',
  });
  const ports = [
    {
      port: 'orders',
      major: 2,
      currentSnapshotId: 's4',
      total: 2,
      snapshots: [snapshot('r2', 's4', '2026-11-02T10:00:01Z', 750), snapshot('r1', 's2', '2026-11-01T10:00:01Z', 15)],
    },
    {
      port: 'orders',
      major: 1,
      currentSnapshotId: 's3',
      total: 2,
      snapshots: [snapshot('r2', 's3', '2026-11-02T10:00:00Z', 700), snapshot(null, 's1', '2026-10-31T09:00:00Z', 10)],
    },
  ];

  it('makes one point per run, a count per port version, oldest first', () => {
    const { series, points } = rowCountSeries(ports);
    expect(series).toEqual(['orders v2', 'orders v1']);
    expect(points).toEqual([
      { key: 's1', at: '2026-10-31T09:00:00Z', counts: { 'orders v1': 10 } },
      { key: 'r1', at: '2026-11-01T10:00:01Z', counts: { 'orders v2': 15 } },
      { key: 'r2', at: '2026-11-02T10:00:00Z', counts: { 'orders v2': 750, 'orders v1': 700 } },
    ]);
  });

  it('says it in words', () => {
    const { series, points } = rowCountSeries(ports);
    expect(rowCountSummary(series, points)).toBe(
      'orders v2: 750 rows in the newest snapshot (2026-11-02 10:00:00), 15 in the oldest shown (2026-11-01 10:00:01); ' +
        'orders v1: 700 rows in the newest snapshot (2026-11-02 10:00:00), 10 in the oldest shown (2026-10-31 09:00:00).',
    );
    expect(rowCountSummary([], [])).toBe('No snapshot has been published yet.');
  });
});

describe('freshness over time', () => {
  const history = [
    { status: 'fresh', reason: 'published by run r3', at: '2026-11-01T18:00:00Z' },
    { status: 'stale', reason: 'newest snapshot 200 min old', at: '2026-11-01T12:00:00Z' },
    { status: 'fresh', reason: 'published by run r1', at: '2026-11-01T00:00:00Z' },
  ];
  const now = new Date('2026-11-02T00:00:00Z');

  it('turns transitions (newest first) into spans of time, the last lasting until now', () => {
    expect(freshnessSpans(history, now).map((s) => [s.status, s.from, s.to])).toEqual([
      ['fresh', '2026-11-01T00:00:00Z', '2026-11-01T12:00:00Z'],
      ['stale', '2026-11-01T12:00:00Z', '2026-11-01T18:00:00Z'],
      ['fresh', '2026-11-01T18:00:00Z', '2026-11-02T00:00:00.000Z'],
    ]);
  });

  it('says it in words, with the share of time in each status', () => {
    expect(freshnessSummary(freshnessSpans(history, now))).toBe(
      'Since 2026-11-01 00:00:00, fresh 75% of the time, stale 25% of the time; 2 changes of status; ' +
        'currently fresh (published by run r3).',
    );
    expect(freshnessSummary([])).toBe('Freshness has not been evaluated yet.');
  });

  it('puts failing lowest and fresh highest, anything else with unknown', () => {
    expect(['failing', 'stale', 'unknown', 'fresh', 'odd'].map(freshnessLevel)).toEqual([0, 1, 2, 3, 2]);
  });
});
