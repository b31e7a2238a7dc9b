/**
 * How long tokens live. Every token expires: 90 days unless asked otherwise, never more than the
 * mesh's maximum (365 days unless mesh.yaml lowers it in `identity.tokens`).
 */
import { InputError, type IdentitySettings } from '@meshwork/core';

export const DEFAULT_TTL_DAYS = 90;
export const MAX_TTL_DAYS = 365;
const DAY_MS = 86_400_000;
const UNIT_MS: Readonly<Record<string, number>> = { m: 60_000, h: 3_600_000, d: DAY_MS, w: 7 * DAY_MS };

export interface TokenLifetimes {
  readonly defaultMs: number;
  readonly maxMs: number;
  readonly maxDays: number;
}

export function tokenLifetimes(settings: IdentitySettings['tokens']): TokenLifetimes {
  const maxDays = settings?.maxTtlDays ?? MAX_TTL_DAYS;
  const defaultDays = settings?.defaultTtlDays ?? Math.min(DEFAULT_TTL_DAYS, maxDays);
  if (maxDays > MAX_TTL_DAYS || defaultDays > maxDays) {
    throw new InputError(
      'MW5211',
      `mesh.yaml identity.tokens: defaultTtlDays (${defaultDays}) must not exceed maxTtlDays (${maxDays}), which is at most ${MAX_TTL_DAYS}.`,
    );
  }
  return { defaultMs: defaultDays * DAY_MS, maxMs: maxDays * DAY_MS, maxDays };
}

/** `30d`, `12h`, `90m`, `2w` in milliseconds. */
export function parseLifetime(text: string): number {
  const match = /^\s*(\d{1,6})\s*([mhdw])\s*$/.exec(text);
  const amount = match ? Number(match[1]) : 0;
  if (!match || amount <= 0) {
    throw new InputError(
      'MW5222',
      `token lifetime ${JSON.stringify(text)} is not valid; use a number and a unit m, h, d or w (e.g. 30d, 12h).`,
    );
  }
  return amount * UNIT_MS[match[2]!]!;
}

/** The expiry of a token created at `now` that should live `expiresIn` (or the default). */
export function expiryFor(now: Date, expiresIn: string | undefined, lifetimes: TokenLifetimes): Date {
  const ms = expiresIn === undefined ? lifetimes.defaultMs : parseLifetime(expiresIn);
  if (ms > lifetimes.maxMs) {
    throw new InputError(
      'MW5223',
      `token lifetime ${expiresIn ?? ''} is longer than the maximum of ${lifetimes.maxDays} days (identity.tokens.maxTtlDays in mesh.yaml).`,
    );
  }
  return new Date(now.getTime() + ms);
}
