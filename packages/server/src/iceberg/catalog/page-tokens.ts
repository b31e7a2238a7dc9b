/**
 * The spec's pagination: without `pageToken` a list is answered whole (`next-page-token: null`);
 * with one (even empty) it is answered `pageSize` items at a time, each page's token leading to
 * the next. Tokens are opaque: the last name listed, or the metadata store's own cursor.
 */
import { InputError } from '@meshwork/core';

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

export interface PageRequest {
  /** Undefined: everything in one response. */
  readonly token?: string;
  readonly size: number;
}

export function pageRequest(pageToken: string | undefined, pageSize: string | undefined): PageRequest {
  let size = DEFAULT_PAGE_SIZE;
  if (pageSize !== undefined && pageSize !== '') {
    const parsed = Number(pageSize);
    if (!Number.isInteger(parsed) || parsed < 1) {
      throw new InputError('MW8250', `pageSize: must be an integer of at least 1; got ${JSON.stringify(pageSize)}`);
    }
    size = Math.min(parsed, MAX_PAGE_SIZE);
  }
  return pageToken === undefined ? { size } : { token: pageToken, size };
}

type TokenKind = 'name' | 'store';

export function encodeToken(kind: TokenKind, value: string): string {
  return Buffer.from(`${kind}:${value}`, 'utf8').toString('base64url');
}

/** The value of a token this catalog returned; undefined for the first page (an empty token). */
export function decodeToken(token: string | undefined, kind: TokenKind): string | undefined {
  if (token === undefined || token === '') return undefined;
  const text = Buffer.from(token, 'base64url').toString('utf8');
  if (!text.startsWith(`${kind}:`)) {
    throw new InputError(
      'MW8250',
      'pageToken: not a token this catalog returned for this list; pass the previous next-page-token',
    );
  }
  return text.slice(kind.length + 1);
}

/** One page of a sorted in-memory list, continuing after the token's name. */
export function pageOf<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  page: PageRequest,
): { items: T[]; next: string | null } {
  if (page.token === undefined) return { items: [...items], next: null };
  const after = decodeToken(page.token, 'name');
  const rest = after === undefined ? items : items.filter((item) => keyOf(item) > after);
  const slice = rest.slice(0, page.size);
  const next = rest.length > page.size ? encodeToken('name', keyOf(slice[slice.length - 1]!)) : null;
  return { items: slice, next };
}
