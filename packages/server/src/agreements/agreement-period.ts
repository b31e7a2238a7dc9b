/**
 * The rules an access request's text and dates must meet before it is stored: a purpose, an end
 * after the start and after now, a start not in the past (a few minutes of clock skew aside),
 * and no longer than the longest period an agreement may run.
 */
import { InputError } from '@meshwork/core';

const SKEW_MS = 5 * 60_000;
const DAY_MS = 86_400_000;
const MAX_TEXT = 2000;

export interface RequestedPeriod {
  readonly purpose: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
}

export function requestedPeriod(
  input: { readonly purpose: string; readonly startsAt?: string | Date; readonly endsAt: string | Date },
  now: Date,
  maxDurationDays: number,
): RequestedPeriod {
  const purpose = requireNote(input.purpose, 'a purpose is required: say what the data will be used for');
  if (input.endsAt === undefined || input.endsAt === null || input.endsAt === '') {
    throw new InputError('MW8702', 'an end date is required: access is granted for a limited period.');
  }
  const startsAt = input.startsAt === undefined ? now : toDate(input.startsAt, 'start');
  const endsAt = toDate(input.endsAt, 'end');
  if (startsAt.getTime() < now.getTime() - SKEW_MS) {
    throw new InputError('MW8702', `the start ${startsAt.toISOString()} is in the past; start now or later.`);
  }
  if (endsAt.getTime() <= startsAt.getTime()) {
    throw new InputError(
      'MW8702',
      `the end ${endsAt.toISOString()} must be after the start ${startsAt.toISOString()}.`,
    );
  }
  const days = (endsAt.getTime() - startsAt.getTime()) / DAY_MS;
  if (days > maxDurationDays) {
    throw new InputError(
      'MW8702',
      `the requested period is ${Math.ceil(days)} days; an agreement may run at most ${maxDurationDays} days — ask again when it ends.`,
    );
  }
  if (startsAt.getTime() > now.getTime() + maxDurationDays * DAY_MS) {
    throw new InputError('MW8702', `the start ${startsAt.toISOString()} is more than ${maxDurationDays} days away.`);
  }
  return { purpose, startsAt, endsAt };
}

/** Trimmed, non-empty text of at most 2000 characters; `message` says what is missing. */
export function requireNote(text: string | undefined, message: string): string {
  const value = typeof text === 'string' ? text.trim() : '';
  if (value === '') throw new InputError('MW8702', `${message}.`);
  if (value.length > MAX_TEXT) throw new InputError('MW8702', `the text is longer than ${MAX_TEXT} characters.`);
  return value;
}

function toDate(value: string | Date, which: 'start' | 'end'): Date {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime()) || date.getUTCFullYear() > 9999 || date.getUTCFullYear() < 1) {
    throw new InputError('MW8702', `the ${which} ${JSON.stringify(String(value))} is not a date and time.`);
  }
  return date;
}
