/** The slot of a fire: the same for every server that sees it, however late each fires. */
import { Cron } from 'croner';
import { describe, expect, it } from 'vitest';
import { cronSlot } from './cron-slot.js';

const cron = (pattern: string) => new Cron(pattern, { timezone: 'UTC', paused: true });
const at = (iso: string) => new Date(iso);

describe('cronSlot', () => {
  it('is the latest match at or before the fire, for fires a few milliseconds to hours late', () => {
    const everyThree = cron('*/3 * * * * *');
    for (const fired of ['2026-01-01T10:00:03.001Z', '2026-01-01T10:00:03.950Z', '2026-01-01T10:00:05.999Z']) {
      expect(cronSlot(everyThree, at(fired))?.toISOString()).toBe('2026-01-01T10:00:03.000Z');
    }
    // A fire exactly on the slot belongs to it, not to the one before.
    expect(cronSlot(everyThree, at('2026-01-01T10:00:06.000Z'))?.toISOString()).toBe('2026-01-01T10:00:06.000Z');
    const nightly = cron('0 2 * * *');
    for (const fired of ['2026-01-01T02:00:00.004Z', '2026-01-01T02:00:45.000Z', '2026-01-01T05:30:00.000Z']) {
      expect(cronSlot(nightly, at(fired))?.toISOString()).toBe('2026-01-01T02:00:00.000Z');
    }
  });

  it('gives two servers whose clocks differ by less than the period the same slot', () => {
    const everyFive = cron('*/5 * * * * *');
    const slots = [0, 40, 900, 2400].map((skew) =>
      cronSlot(everyFive, new Date(Date.UTC(2026, 0, 1, 10, 0, 5) + skew)),
    );
    expect(new Set(slots.map((slot) => slot?.toISOString()))).toEqual(new Set(['2026-01-01T10:00:05.000Z']));
  });

  it('finds no slot when the pattern matched nothing in the last day', () => {
    expect(cronSlot(cron('0 0 1 1 *'), at('2026-06-01T00:00:00.000Z'))).toBeUndefined();
  });
});
