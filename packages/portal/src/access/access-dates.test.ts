/** Agreement dates as people read them: last day of access, days left, expiring soon. */
import { describe, expect, it } from 'vitest';
import { addDays, daysLeft, lastDay, remainingOf, utcDay } from './access-dates.js';

const now = new Date('2026-03-10T15:30:00.000Z');

describe('lastDay', () => {
  it('shows an end at midnight as the day before: "through 2026-03-31" ends at 1 April 00:00', () => {
    expect(lastDay('2026-04-01T00:00:00.000Z')).toBe('2026-03-31');
  });

  it('keeps the day of an end during the day', () => {
    expect(lastDay('2026-06-08T09:12:00.000Z')).toBe('2026-06-08');
  });
});

describe('daysLeft', () => {
  it('counts whole UTC days from today to the last day', () => {
    expect(daysLeft('2026-03-21T00:00:00.000Z', now)).toBe(10);
    expect(daysLeft('2026-03-11T00:00:00.000Z', now)).toBe(0);
    expect(daysLeft('2026-03-10T00:00:00.000Z', now)).toBe(-1);
  });
});

describe('remainingOf', () => {
  it('flags an agreement in force that ends within 14 days', () => {
    expect(remainingOf({ active: true, endsAt: '2026-03-25T00:00:00.000Z' }, now)).toEqual({
      text: '14 days left',
      soon: true,
    });
    expect(remainingOf({ active: true, endsAt: '2026-03-26T00:00:00.000Z' }, now)).toEqual({
      text: '15 days left',
      soon: false,
    });
  });

  it('says "1 day" and "last day today" in words', () => {
    expect(remainingOf({ active: true, endsAt: '2026-03-12T00:00:00.000Z' }, now)?.text).toBe('1 day left');
    expect(remainingOf({ active: true, endsAt: '2026-03-10T18:00:00.000Z' }, now)?.text).toBe('last day today');
  });

  it('has nothing to say about an agreement that grants nothing now', () => {
    expect(remainingOf({ active: false, endsAt: '2026-03-12T00:00:00.000Z' }, now)).toBeNull();
  });
});

describe('utcDay and addDays', () => {
  it('reads the UTC calendar, across a month end', () => {
    expect(utcDay(new Date('2026-03-31T23:59:59.000Z'))).toBe('2026-03-31');
    expect(addDays('2026-03-31', 1)).toBe('2026-04-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
