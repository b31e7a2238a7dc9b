/**
 * Checks at the store's edge. The store is not the model's validator (core is); it only refuses
 * what would make a stored record meaningless: missing keys, unknown enum values, bad timestamps.
 */
import { InputError } from '@meshwork/core';

const MAX_TEXT = 1024;

export function requireText(value: unknown, field: string, max = MAX_TEXT): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InputError('MW6101', `${field} is required and must be a non-empty string.`);
  }
  if (value.length > max) throw new InputError('MW6101', `${field} is longer than ${max} characters.`);
  return value;
}

export function optionalText(value: unknown, field: string, max = MAX_TEXT): string | null {
  return value === undefined || value === null ? null : requireText(value, field, max);
}

export function requireChoice<T extends string>(value: unknown, field: string, choices: readonly T[]): T {
  if (typeof value === 'string' && (choices as readonly string[]).includes(value)) return value as T;
  throw new InputError('MW6101', `${field} must be one of ${choices.join(', ')}; got ${JSON.stringify(value)}.`);
}

/** A count: a non-negative safe integer (what JSON numbers and both databases' bigint hold exactly). */
export function requireCount(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new InputError('MW6101', `${field} must be a non-negative integer; got ${JSON.stringify(value)}.`);
  }
  return value;
}

export function requireTextList(value: unknown, field: string): string[] {
  if (!Array.isArray(value)) throw new InputError('MW6101', `${field} must be an array of strings.`);
  const items = value.map((item: unknown, index) => requireText(item, `${field}[${index}]`));
  return [...new Set(items)];
}

/**
 * Normalises a timestamp to ISO-8601 UTC with milliseconds. Every timestamp is stored and hashed in
 * this one form; PostgreSQL's timestamptz keeps microseconds, so milliseconds round-trip exactly.
 */
export function toTimestamp(value: string | Date | undefined, field: string, now: () => Date): string {
  const date = value === undefined ? now() : value instanceof Date ? value : new Date(value);
  const time = date.getTime();
  // Years 0–9999 only: both databases and ISO-8601 without an expanded year agree on those.
  if (!Number.isFinite(time) || date.getUTCFullYear() < 1 || date.getUTCFullYear() > 9999) {
    throw new InputError('MW6101', `${field} is not a valid timestamp: ${JSON.stringify(String(value))}.`);
  }
  return date.toISOString();
}

/** A timestamp column as read back: SQLite returns the stored text, PostgreSQL a Date. */
export function fromTimestamp(value: string | Date): string {
  return value instanceof Date ? value.toISOString() : value;
}
