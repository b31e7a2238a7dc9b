import { describe, expect, it } from 'vitest';
import { complianceHistorySeries } from './compliance-series.js';
import { findingsFilterFrom, withFindingsFilter } from './findings-params.js';
import { waiverExpiry, waiverExpiryText } from './waiver-expiry.js';

describe('waiverExpiry', () => {
  const now = new Date('2026-11-21T22:30:00Z');
  it('counts the days left through the expiry day, and highlights the last 30', () => {
    expect(waiverExpiry({ expires: '2027-03-31', status: 'active' }, now)).toEqual({
      state: 'in-force',
      daysLeft: 130,
    });
    expect(waiverExpiry({ expires: '2026-12-21', status: 'active' }, now)).toEqual({ state: 'soon', daysLeft: 30 });
    expect(waiverExpiry({ expires: '2026-11-21', status: 'active' }, now)).toEqual({ state: 'soon', daysLeft: 0 });
    expect(waiverExpiryText({ state: 'soon', daysLeft: 0 })).toBe('expires today');
    expect(waiverExpiryText({ state: 'soon', daysLeft: 1 })).toBe('expires in 1 day');
  });

  it('is expired when the server says so or the day has passed', () => {
    expect(waiverExpiry({ expires: '2026-11-20', status: 'active' }, now)).toEqual({ state: 'expired' });
    expect(waiverExpiry({ expires: '2027-01-01', status: 'expired' }, now)).toEqual({ state: 'expired' });
    expect(waiverExpiryText({ state: 'expired' })).toBe('expired');
  });
});

describe('the findings filter in the URL', () => {
  it('reads known outcomes and non-empty names, and writes them back keeping other parameters', () => {
    const params = new URLSearchParams('outcome=fail&domain=logistics&policy=%20&by=x');
    expect(findingsFilterFrom(params)).toEqual({ outcome: 'fail', domain: 'logistics' });
    expect(findingsFilterFrom(new URLSearchParams('outcome=bogus'))).toEqual({});
    const next = withFindingsFilter(params, { policy: 'column-descriptions' });
    expect(next.toString()).toBe('policy=column-descriptions&by=x');
  });
});

describe('complianceHistorySeries', () => {
  it('turns summed counts into compliant percentages, oldest first', () => {
    const series = complianceHistorySeries([
      { checkId: 'b', checkedAt: '2026-11-21T10:00:00.000Z', passed: 8, waived: 1, failed: 1, errors: 0 },
      { checkId: 'a', checkedAt: '2026-11-20T10:00:00.000Z', passed: 1, waived: 0, failed: 2, errors: 0 },
      { checkId: 'c', checkedAt: '2026-11-22T10:00:00.000Z', passed: 0, waived: 0, failed: 0, errors: 0 },
      { checkId: 'd', checkedAt: '2026-11-23T10:00:00.000Z', passed: 310, waived: 1, failed: 1, errors: 0 },
    ]);
    // One failure in 312 is 99.6 %, never rounded up to a perfect 100 %.
    expect(series.map((p) => [p.checkId, p.compliantPct, p.label])).toEqual([
      ['a', 33.3, '2026-11-20 10:00'],
      ['b', 90, '2026-11-21 10:00'],
      ['c', null, '2026-11-22 10:00'],
      ['d', 99.6, '2026-11-23 10:00'],
    ]);
  });
});
