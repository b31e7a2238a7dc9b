import { describe, expect, it } from 'vitest';
import { decimalText, float4Text, float8Text } from './number-text.js';
import { civilFromDays, dateText, intervalText, offsetText, timeText, timestampText } from './temporal-text.js';

describe('PostgreSQL text of numbers', () => {
  it('prints doubles with the shortest exact digits and PostgreSQL exponents', () => {
    expect(float8Text(0.1)).toBe('0.1');
    expect(float8Text(1e15)).toBe('1e+15');
    expect(float8Text(123456789012345)).toBe('123456789012345');
    expect(float8Text(1.5e-7)).toBe('1.5e-07');
    expect(float8Text(0.0001)).toBe('0.0001');
    expect(float8Text(-2.5)).toBe('-2.5');
    expect(float8Text(NaN)).toBe('NaN');
    expect(float8Text(-Infinity)).toBe('-Infinity');
  });

  it('prints reals with float32 precision', () => {
    expect(float4Text(Math.fround(0.1))).toBe('0.1');
    expect(float4Text(Math.fround(1234567))).toBe('1.234567e+06');
    expect(float4Text(100000)).toBe('100000');
  });

  it('prints decimals with their full scale', () => {
    expect(decimalText(1250n, 2)).toBe('12.50');
    expect(decimalText(-5n, 2)).toBe('-0.05');
    expect(decimalText(7n, 0)).toBe('7');
  });
});

describe('PostgreSQL text of dates and times', () => {
  it('converts day numbers across eras', () => {
    expect(civilFromDays(0)).toEqual([1970, 1, 1]);
    expect(civilFromDays(19_782)).toEqual([2024, 2, 29]);
    expect(dateText(-719_163)).toBe('0001-12-31 BC');
    expect(dateText(-719_528)).toBe('0001-01-01 BC');
    expect(dateText(-719_162)).toBe('0001-01-01');
  });

  it('prints times, offsets and timestamps', () => {
    expect(timeText(49_506_500_000n)).toBe('13:45:06.5');
    expect(timeText(0n)).toBe('00:00:00');
    expect(offsetText(0)).toBe('+00');
    expect(offsetText(-19_800)).toBe('-05:30');
    expect(timestampText(1_704_164_645_123_456n, false)).toBe('2024-01-02 03:04:05.123456');
    expect(timestampText(-1n, true)).toBe('1969-12-31 23:59:59.999999+00');
  });

  it('prints intervals in the postgres style', () => {
    expect(intervalText(14, 3, 14_706_500_000n)).toBe('1 year 2 mons 3 days 04:05:06.5');
    expect(intervalText(0, 0, 0n)).toBe('00:00:00');
    expect(intervalText(0, -1, 0n)).toBe('-1 days');
    expect(intervalText(1, -2, 3_600_000_000n)).toBe('1 mon -2 days +01:00:00');
    expect(intervalText(0, 0, -90_000_000_000n)).toBe('-25:00:00');
  });
});
