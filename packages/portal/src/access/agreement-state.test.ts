/** An agreement's state in words: the stored status refined by the clock, as the server grants access. */
import { describe, expect, it } from 'vitest';
import { agreementState } from './agreement-state.js';

const now = new Date('2026-03-10T12:00:00Z');

describe('agreementState', () => {
  it('calls an approved agreement in force active', () => {
    expect(agreementState({ status: 'approved', active: true, startsAt: '2026-03-01T00:00:00Z' }, now)).toEqual({
      label: 'active',
      tone: 'good',
    });
  });

  it('tells an approved agreement that starts later from one whose end has passed', () => {
    expect(agreementState({ status: 'approved', active: false, startsAt: '2026-04-01T00:00:00Z' }, now).label).toBe(
      'approved, not started',
    );
    expect(agreementState({ status: 'approved', active: false, startsAt: '2026-01-01T00:00:00Z' }, now).label).toBe(
      'ended',
    );
  });

  it.each([
    ['pending', 'waiting'],
    ['rejected', 'bad'],
    ['revoked', 'bad'],
    ['cancelled', 'neutral'],
    ['expired', 'neutral'],
  ] as const)('shows %s as it is', (status, tone) => {
    expect(agreementState({ status, active: false, startsAt: '2026-03-01T00:00:00Z' }, now)).toEqual({
      label: status,
      tone,
    });
  });
});
