import { describe, expect, it } from 'vitest';
import type { PolicyOutcome, PolicySeverity } from '@meshwork/core';
import { complianceScore, BLOCKING_WEIGHT } from './compliance-score.js';
import { documentationScore } from './documentation-score.js';
import { HEALTH_WEIGHTS, combineHealth } from './health-weights.js';
import { qualityScore } from './quality-score.js';
import { sloScore } from './slo-score.js';
import { usageScore } from './usage-score.js';
import { product, run } from './test-support/health-fixtures.js';

describe('documentation', () => {
  it('is 1 when every item is present', () => {
    const m = documentationScore(product());
    expect(m.value).toBe(1);
    expect(m.summary).toBe('fully documented');
  });

  it('counts each missing item as a sixth and column descriptions by share', () => {
    const m = documentationScore(
      product({ descriptor: { description: { purpose: 'p' } }, contract: {}, columnDescriptions: [true, false] }),
    );
    // purpose present, usage/limitations/support/terms missing, half the columns described.
    expect(m.value).toBeCloseTo(1.5 / 6);
    expect(m.evidence.missing).toEqual([
      'usage',
      'limitations',
      'supportChannel',
      'termsOfUse',
      '1 of 2 column descriptions',
    ]);
  });
});

describe('slo attainment', () => {
  const now = new Date('2026-01-31T00:00:00Z');
  const windowMs = 30 * 86_400_000;
  const at = (iso: string, status: 'fresh' | 'stale' | 'failing' | 'unknown') => ({
    productId: 'd.p',
    status,
    reason: '',
    at: iso,
  });

  it('is the share of the window spent fresh, from the transitions', () => {
    // stale since before the window, fresh from day 16 (15 of 30 days): 0.5.
    const m = sloScore({
      declared: true,
      history: [at('2026-01-16T00:00:00Z', 'fresh'), at('2025-12-01T00:00:00Z', 'stale')],
      now,
      windowMs,
    });
    expect(m.value).toBeCloseTo(0.5);
    expect(m.evidence.current).toBe('fresh');
  });

  it('is 0 without a declared SLO and null before the first evaluation', () => {
    expect(sloScore({ declared: false, history: [], now, windowMs }).value).toBe(0);
    expect(sloScore({ declared: true, history: [], now, windowMs }).value).toBeNull();
  });
});

describe('quality pass rate', () => {
  it('is checks passed over checks run, ignoring recorded ones', () => {
    const m = qualityScore([run(['passed', 'failed', 'recorded']), run(['passed', 'passed'])]);
    expect(m.value).toBeCloseTo(3 / 4);
    expect(m.evidence).toMatchObject({ runs: 2, checksRun: 4, checksPassed: 3, failingChecks: ['check:1'] });
  });

  it('has no evidence without runs, and is 0 when every run failed before its checks', () => {
    expect(qualityScore([]).value).toBeNull();
    expect(qualityScore([run([], 'failed')]).value).toBe(0);
  });
});

describe('policy compliance', () => {
  const outcome = (policyId: string, o: PolicyOutcome['outcome']): PolicyOutcome => ({
    policyId,
    productId: 'd.p',
    domain: 'd',
    outcome: o,
  });
  const severity = (id: string): PolicySeverity => (id.startsWith('b') ? 'blocking' : 'warning');

  it('weighs blocking policies more and counts waived as compliant', () => {
    const m = complianceScore([outcome('b1', 'fail'), outcome('w1', 'pass'), outcome('w2', 'waived')], severity);
    expect(m.value).toBeCloseTo(2 / (BLOCKING_WEIGHT + 2));
    expect(m.evidence).toMatchObject({ blockingFailed: ['b1'], waived: ['w2'] });
    const warningOnly = complianceScore([outcome('w1', 'fail'), outcome('b1', 'pass')], severity);
    expect(warningOnly.value).toBeCloseTo(BLOCKING_WEIGHT / (BLOCKING_WEIGHT + 1));
  });

  it('has no evidence without a check or without policies in scope', () => {
    expect(complianceScore(undefined, severity).value).toBeNull();
    expect(complianceScore([], severity).value).toBeNull();
  });
});

describe('usage', () => {
  it('is log-scaled and grows with agreements and queriers', () => {
    expect(usageScore(0, 0, 0).value).toBe(0);
    const one = usageScore(1, 1, 3).value!;
    const many = usageScore(5, 10, 50).value!;
    expect(one).toBeGreaterThan(0);
    expect(many).toBeGreaterThan(one);
    expect(usageScore(1000, 1000, 1).value).toBe(1);
    // The first consumer is worth more than the tenth.
    expect(usageScore(1, 0, 0).value! - usageScore(0, 0, 0).value!).toBeGreaterThan(
      usageScore(10, 0, 0).value! - usageScore(9, 0, 0).value!,
    );
  });
});

describe('weights', () => {
  const measured = (values: Record<string, number | null>) =>
    Object.entries(values).map(([name, value]) => ({ name: name as never, value, summary: '', evidence: {} }));

  it('sum to 1', () => {
    expect(Object.values(HEALTH_WEIGHTS).reduce((a, b) => a + b, 0)).toBeCloseTo(1);
  });

  it('combine the components into 0..100', () => {
    const all = { documentation: 1, slo: 1, quality: 1, compliance: 1, usage: 1 };
    expect(combineHealth('d.p', measured(all), 'now').score).toBe(100);
    expect(combineHealth('d.p', measured({ ...all, quality: 0 }), 'now').score).toBe(
      100 * (1 - HEALTH_WEIGHTS.quality),
    );
  });

  it('spread the weight of a component without evidence over the others', () => {
    const card = combineHealth(
      'd.p',
      measured({ documentation: 1, slo: null, quality: 0.5, compliance: null, usage: 0 }),
      'now',
    );
    const w = HEALTH_WEIGHTS;
    const expected = (100 * (w.documentation + 0.5 * w.quality)) / (w.documentation + w.quality + w.usage);
    expect(card.score).toBeCloseTo(expected, 1);
    expect(card.components.find((c) => c.name === 'slo')).toMatchObject({ value: null, weight: w.slo });
  });
});
