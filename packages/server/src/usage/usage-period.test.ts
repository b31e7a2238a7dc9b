import { describe, expect, it } from 'vitest';
import { parseUsageSince } from './usage-period.js';

const now = new Date('2025-03-10T12:00:00.000Z');

describe('parseUsageSince', () => {
  it('reads periods back from now, dates as their first UTC instant, and ISO times', () => {
    expect(parseUsageSince(undefined, now).toISOString()).toBe('2025-02-08T12:00:00.000Z');
    expect(parseUsageSince('  ', now).toISOString()).toBe('2025-02-08T12:00:00.000Z');
    expect(parseUsageSince('12h', now).toISOString()).toBe('2025-03-10T00:00:00.000Z');
    expect(parseUsageSince('2w', now).toISOString()).toBe('2025-02-24T12:00:00.000Z');
    expect(parseUsageSince('2025-01-31', now).toISOString()).toBe('2025-01-31T00:00:00.000Z');
    expect(parseUsageSince('2025-03-01T08:30:00+01:00', now).toISOString()).toBe('2025-03-01T07:30:00.000Z');
  });

  it('refuses what is not a time with MW5302', () => {
    for (const text of ['soon', '2025-02-30', '30m', '-5d', '99999-01-01']) {
      expect(() => parseUsageSince(text, now), text).toThrow(expect.objectContaining({ code: 'MW5302' }));
    }
  });
});
