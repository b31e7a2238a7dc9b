/**
 * Dates as people type them for an access request: `2025-12-31`, `2025-12-31T18:00:00Z`, or a
 * period from now such as `90d` or `12w`. A bare date ending a period means "through that day"
 * (UTC), so `--until 2025-12-31` keeps access for all of 31 December; starting one, its first
 * instant.
 */
import { InputError } from '@meshwork/core';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const PERIOD = /^(\d{1,4})([dw])$/;
const DAY_MS = 86_400_000;

export function parseAgreementDate(text: string, bound: 'start' | 'end', now: Date): Date {
  const value = text.trim();
  const period = PERIOD.exec(value);
  if (period) return new Date(now.getTime() + Number(period[1]) * (period[2] === 'w' ? 7 : 1) * DAY_MS);
  if (value === 'now') return now;
  const date = new Date(DATE_ONLY.test(value) ? `${value}T00:00:00.000Z` : value);
  // A date-only string must not roll over (2025-02-30 is an error, not 2 March).
  if (Number.isNaN(date.getTime()) || (DATE_ONLY.test(value) && date.toISOString().slice(0, 10) !== value)) {
    throw new InputError(
      'MW8702',
      `${JSON.stringify(text)} is not a date: use YYYY-MM-DD, an ISO-8601 time such as 2025-12-31T18:00:00Z, or a period such as 90d or 12w.`,
    );
  }
  return DATE_ONLY.test(value) && bound === 'end' ? new Date(date.getTime() + DAY_MS) : date;
}
