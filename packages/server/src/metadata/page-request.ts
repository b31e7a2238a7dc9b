/**
 * Keyset pagination helpers. Cursors are opaque to callers (base64url of a versioned key) so
 * the key can change later without breaking clients that only echo `next` back.
 */
import { InputError } from '@meshwork/core';
import type { Page } from './metadata-types.js';

export const DEFAULT_PAGE_LIMIT = 100;
export const MAX_PAGE_LIMIT = 1000;
const CURSOR_PREFIX = 'k1:';

export function pageLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_PAGE_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_LIMIT) {
    throw new InputError('MW6103', `limit must be an integer from 1 to ${MAX_PAGE_LIMIT}; got ${String(limit)}.`);
  }
  return limit;
}

export function encodeCursor(key: string): string {
  return Buffer.from(CURSOR_PREFIX + key, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  const text = typeof cursor === 'string' ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  if (!text.startsWith(CURSOR_PREFIX)) {
    throw new InputError(
      'MW6103',
      'after is not a cursor returned by this store; pass the `next` of the previous page.',
    );
  }
  return text.slice(CURSOR_PREFIX.length);
}

export function auditAfter(after: number | undefined): number {
  if (after === undefined) return 0;
  if (!Number.isSafeInteger(after) || after < 0) {
    throw new InputError('MW6103', `after must be a non-negative integer seq; got ${String(after)}.`);
  }
  return after;
}

/**
 * Turns `limit + 1` fetched rows into a page: the extra row only proves there is a next page,
 * which saves a COUNT or an empty last round-trip.
 */
export function toPage<T, C>(rows: readonly T[], limit: number, cursorOf: (item: T) => C): Page<T, C> {
  if (rows.length <= limit) return { items: rows };
  const items = rows.slice(0, limit);
  return { items, next: cursorOf(items[items.length - 1]!) };
}
