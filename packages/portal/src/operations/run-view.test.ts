import { describe, expect, it } from 'vitest';
import { failedChecksOf, formatDuration, formatWhen, runDuration } from './run-view.js';

describe('formatDuration', () => {
  it.each([
    [850, '850 ms'],
    [12_400, '12.4 s'],
    [185_000, '3 min 5 s'],
    [7_800_000, '2 h 10 min'],
    [273_600_000, '3 d 4 h'],
  ])('%d ms reads %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});

describe('runDuration and formatWhen', () => {
  it('measures finished runs only and writes times in UTC', () => {
    expect(runDuration({ startedAt: '2026-01-01T10:00:00.000Z', finishedAt: '2026-01-01T10:00:01.500Z' })).toBe(1500);
    expect(runDuration({ startedAt: '2026-01-01T10:00:00.000Z', finishedAt: null })).toBeNull();
    expect(formatWhen('2026-11-21T22:29:03.686Z')).toBe('2026-11-21 22:29 UTC');
  });
});

describe('failedChecksOf', () => {
  it('keeps failed and erred checks, blocking ones first, and skips what is not a check', () => {
    const checks = failedChecksOf([
      { id: 'quality:csat', status: 'failed', blocking: false, message: 'warning', observed: 63.9 },
      { id: 'schema:column:id', status: 'passed', blocking: true, message: 'ok' },
      'not a check',
      null,
      { id: 'quality:response', status: 'error', blocking: true, message: 'bad', column: 'x', threshold: 'mustBe 0' },
      { status: 'failed', message: 'old record without id' },
    ]);
    expect(checks.map((c) => [c.id, c.blocking])).toEqual([
      ['quality:response', true],
      ['quality:csat', false],
      ['(unnamed check)', false],
    ]);
    expect(checks[0]).toEqual({
      id: 'quality:response',
      status: 'error',
      blocking: true,
      message: 'bad',
      column: 'x',
      threshold: 'mustBe 0',
    });
    expect(checks[1]?.observed).toBe(63.9);
  });
});
