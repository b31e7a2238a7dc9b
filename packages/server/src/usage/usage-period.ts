/**
 * The start of a usage report as people type it: a period back from now (`30d`, `12h`, `4w`), a
 * date (`2025-01-31`, its first instant in UTC) or an ISO-8601 time. The default is 30 days.
 */
import { InputError } from '@meshwork/core';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const PERIOD = /^(\d{1,5})([hdw])$/;
const HOUR_MS = 3_600_000;
const UNIT_MS: Readonly<Record<string, number>> = { h: HOUR_MS, d: 24 * HOUR_MS, w: 7 * 24 * HOUR_MS };

export const DEFAULT_USAGE_PERIOD = '30d';

export function parseUsageSince(text: string | undefined, now: Date): Date {
  const value = (text ?? '').trim() || DEFAULT_USAGE_PERIOD;
  const period = PERIOD.exec(value);
  const date = period
    ? new Date(now.getTime() - Number(period[1]) * UNIT_MS[period[2]!]!)
    : new Date(DATE_ONLY.test(value) ? `${value}T00:00:00.000Z` : value);
  const year = date.getUTCFullYear();
  // A date-only string must not roll over (2025-02-30 is an error, not 2 March); the store keeps
  // years 1–9999 only.
  if (
    Number.isNaN(date.getTime()) ||
    year < 1 ||
    year > 9999 ||
    (DATE_ONLY.test(value) && date.toISOString().slice(0, 10) !== value)
  ) {
    throw new InputError(
      'MW5302',
      `${JSON.stringify(text)} is not a usage period start: use a period such as 30d, 12h or 4w, a date YYYY-MM-DD or an ISO-8601 time.`,
    );
  }
  return date;
}
