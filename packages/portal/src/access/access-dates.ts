/**
 * Agreement dates as people read them. The server keeps instants, and an end is exclusive: a
 * request "through 2026-03-31" ends at 2026-04-01T00:00Z. People think in last days, so the
 * pages show the last day of access and the whole days left until it — all in UTC, the calendar
 * the server reads a typed date in (packages/server/src/agreements/agreement-dates.ts).
 */
const DAY_MS = 86_400_000;

/** Agreements ending within this many days are flagged as expiring soon. */
export const EXPIRING_SOON_DAYS = 14;

/** `YYYY-MM-DD` of an instant, in UTC. */
export function utcDay(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** The last day (UTC) on which an agreement ending (exclusively) at `endsAt` still grants access. */
export function lastDay(endsAt: string): string {
  return utcDay(new Date(Date.parse(endsAt) - 1));
}

/** Whole days from today to the last day of access: 0 on the last day, negative once it ended. */
export function daysLeft(endsAt: string, now: Date): number {
  return (Date.parse(lastDay(endsAt)) - Date.parse(utcDay(now))) / DAY_MS;
}

/** A day `days` after `day` (both `YYYY-MM-DD`). */
export function addDays(day: string, days: number): string {
  return utcDay(new Date(Date.parse(day) + days * DAY_MS));
}

export interface Remaining {
  readonly text: string;
  readonly soon: boolean;
}

/**
 * What is left of an agreement in force, in words ("12 days left", "last day today") and whether
 * it ends soon; null when it grants nothing (pending, ended, or not started yet).
 */
export function remainingOf(
  agreement: { readonly active: boolean; readonly endsAt: string },
  now: Date,
): Remaining | null {
  if (!agreement.active) return null;
  const days = daysLeft(agreement.endsAt, now);
  const text = days <= 0 ? 'last day today' : days === 1 ? '1 day left' : `${days} days left`;
  return { text, soon: days <= EXPIRING_SOON_DAYS };
}
