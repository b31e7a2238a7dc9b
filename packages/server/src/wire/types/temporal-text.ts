/**
 * PostgreSQL's text output of dates, times, timestamps and intervals (DateStyle ISO, IntervalStyle
 * postgres, TimeZone UTC), computed from DuckDB's integer representations: days since 1970-01-01,
 * microseconds since midnight or since the epoch, and months/days/microseconds for intervals.
 */

import { civilFromDays } from '../../gateway/encoders/civil-date.js';

export { civilFromDays };

const MICROS_PER_DAY = 86_400_000_000n;

function pad(value: number | bigint | string, width: number): string {
  return String(value).padStart(width, '0');
}

/** `YYYY-MM-DD`, and the era suffix separately because PostgreSQL prints it after the time. */
function dateParts(days: number): { date: string; bc: boolean } {
  const [year, month, day] = civilFromDays(days);
  // There is no year 0: astronomical year 0 is 1 BC.
  const bc = year <= 0;
  return { date: `${pad(bc ? 1 - year : year, 4)}-${pad(month, 2)}-${pad(day, 2)}`, bc };
}

export function dateText(days: number): string {
  const { date, bc } = dateParts(days);
  return bc ? `${date} BC` : date;
}

/** `HH:MM:SS` with the fraction of a second, trailing zeros dropped. */
export function timeText(micros: bigint): string {
  const seconds = micros / 1_000_000n;
  const fraction = micros % 1_000_000n;
  const base = `${pad(seconds / 3600n, 2)}:${pad((seconds / 60n) % 60n, 2)}:${pad(seconds % 60n, 2)}`;
  return fraction === 0n ? base : `${base}.${pad(fraction, 6).replace(/0+$/, '')}`;
}

/** A UTC offset in seconds east of Greenwich: `+00`, `+05:30`, `-03:30:15`. */
export function offsetText(seconds: number): string {
  const sign = seconds < 0 ? '-' : '+';
  const abs = Math.abs(seconds);
  const hours = pad(Math.floor(abs / 3600), 2);
  const minutes = Math.floor(abs / 60) % 60;
  const secs = abs % 60;
  if (secs !== 0) return `${sign}${hours}:${pad(minutes, 2)}:${pad(secs, 2)}`;
  return minutes !== 0 ? `${sign}${hours}:${pad(minutes, 2)}` : `${sign}${hours}`;
}

/** A timestamp in microseconds since the epoch; `withZone` adds the `+00` of a timestamptz. */
export function timestampText(micros: bigint, withZone: boolean): string {
  let days = micros / MICROS_PER_DAY;
  let timeOfDay = micros % MICROS_PER_DAY;
  if (timeOfDay < 0n) {
    timeOfDay += MICROS_PER_DAY;
    days -= 1n;
  }
  const { date, bc } = dateParts(Number(days));
  return `${date} ${timeText(timeOfDay)}${withZone ? '+00' : ''}${bc ? ' BC' : ''}`;
}

function part(value: number, unit: string, state: { empty: boolean; negative: boolean }): string {
  if (value === 0) return '';
  // After a negative field PostgreSQL marks positive ones with '+' so the sign is not misread.
  const text = `${state.empty ? '' : ' '}${state.negative && value > 0 ? '+' : ''}${value} ${unit}${value === 1 ? '' : 's'}`;
  state.empty = false;
  state.negative = value < 0;
  return text;
}

/** An interval in IntervalStyle `postgres`: `1 year 2 mons 3 days 04:05:06.5`. */
export function intervalText(months: number, days: number, micros: bigint): string {
  const state = { empty: true, negative: false };
  let text = part(Math.trunc(months / 12), 'year', state);
  text += part(months % 12, 'mon', state);
  text += part(days, 'day', state);
  if (state.empty || micros !== 0n) {
    const negative = micros < 0n;
    const abs = negative ? -micros : micros;
    const sign = negative ? '-' : state.negative ? '+' : '';
    text += `${state.empty ? '' : ' '}${sign}${timeText(abs).replace(/^(\d+):/, (_, h: string) => `${pad(h, 2)}:`)}`;
  }
  return text;
}
