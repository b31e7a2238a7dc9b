/**
 * ISO 8601 text for DuckDB's temporal values, computed from their integer representation so that
 * every DuckDB value is exact: microseconds and nanoseconds survive (a JS Date keeps only
 * milliseconds), and years beyond JS Date's range still print (as ISO's expanded `±YYYYYY`).
 */

import { civilFromDays } from './civil-date.js';

const MICROS_PER_SECOND = 1_000_000n;
const MICROS_PER_DAY = 86_400n * MICROS_PER_SECOND;

/** `YYYY-MM-DD` for days since 1970-01-01 (proleptic Gregorian; year 0 is 1 BC, as ISO counts). */
export function isoDate(days: number): string {
  const [year, month, day] = civilFromDays(days);
  return `${isoYear(year)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** `YYYY-MM-DDTHH:MM:SS[.fff|.ffffff]`, with `Z` for an instant (TIMESTAMPTZ is stored in UTC). */
export function isoTimestampMicros(micros: bigint, utc: boolean): string {
  const days = floorDiv(micros, MICROS_PER_DAY);
  const rest = micros - days * MICROS_PER_DAY;
  return `${isoDate(Number(days))}T${timeOfDayMicros(rest)}${utc ? 'Z' : ''}`;
}

/** As isoTimestampMicros for TIMESTAMP_NS: up to nine fractional digits. */
export function isoTimestampNanos(nanos: bigint): string {
  const perDay = MICROS_PER_DAY * 1000n;
  const days = floorDiv(nanos, perDay);
  const rest = nanos - days * perDay;
  const seconds = rest / 1_000_000_000n;
  return `${isoDate(Number(days))}T${clock(seconds)}${fraction(rest % 1_000_000_000n, 9)}`;
}

/** `HH:MM:SS[.fff|.ffffff]` for microseconds since midnight. */
export function timeOfDayMicros(micros: bigint): string {
  return `${clock(micros / MICROS_PER_SECOND)}${fraction(micros % MICROS_PER_SECOND, 6)}`;
}

/** `HH:MM:SS[.ffffff]±HH:MM` (seconds of the offset only when it has some). */
export function isoTimeTz(micros: bigint, offsetSeconds: number): string {
  const sign = offsetSeconds < 0 ? '-' : '+';
  const abs = Math.abs(offsetSeconds);
  const seconds = abs % 60;
  const zone = `${sign}${pad(Math.floor(abs / 3600), 2)}:${pad(Math.floor(abs / 60) % 60, 2)}${seconds ? `:${pad(seconds, 2)}` : ''}`;
  return `${timeOfDayMicros(micros)}${zone}`;
}

/**
 * An ISO 8601 duration, `P1Y2M3DT4H5M6.5S`. DuckDB intervals keep months, days and microseconds
 * apart (a month is not a fixed number of days), and each may be negative: each component keeps
 * its own sign, as PostgreSQL's `iso_8601` interval style writes them.
 */
export function isoInterval(months: number, days: number, micros: bigint): string {
  const years = Math.trunc(months / 12);
  const restMonths = months % 12;
  let date = '';
  if (years) date += `${years}Y`;
  if (restMonths) date += `${restMonths}M`;
  if (days) date += `${days}D`;
  const negative = micros < 0n;
  const abs = negative ? -micros : micros;
  const sign = negative ? '-' : '';
  const hours = abs / (3600n * MICROS_PER_SECOND);
  const minutes = (abs / (60n * MICROS_PER_SECOND)) % 60n;
  const seconds = (abs / MICROS_PER_SECOND) % 60n;
  const fractional = fraction(abs % MICROS_PER_SECOND, 6);
  let time = '';
  if (hours) time += `${sign}${hours}H`;
  if (minutes) time += `${sign}${minutes}M`;
  if (seconds || fractional) time += `${sign}${seconds}${fractional}S`;
  if (!date && !time) return 'PT0S';
  return `P${date}${time ? `T${time}` : ''}`;
}

function clock(totalSeconds: bigint): string {
  const s = Number(totalSeconds);
  return `${pad(Math.floor(s / 3600), 2)}:${pad(Math.floor(s / 60) % 60, 2)}:${pad(s % 60, 2)}`;
}

/** `.fff` when the value is whole milliseconds, else every digit needed (`.ffffff`, `.fffffffff`). */
function fraction(part: bigint, digits: 6 | 9): string {
  if (part === 0n) return '';
  const text = part.toString().padStart(digits, '0');
  if (text.endsWith(digits === 6 ? '000' : '000000')) return `.${text.slice(0, 3)}`;
  if (digits === 9 && text.endsWith('000')) return `.${text.slice(0, 6)}`;
  return `.${text}`;
}

function isoYear(year: number): string {
  if (year >= 0 && year <= 9999) return pad(year, 4);
  return `${year < 0 ? '-' : '+'}${pad(Math.abs(year), 6)}`;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}
