/**
 * Keyset pages over a derived list of incidents (newest first, then by product): the cursor is
 * the last item's key, opaque to clients, so a page boundary holds while new incidents open.
 */
import { InputError } from '@meshwork/core';
import { newestFirst } from './incident-reader.js';
import type { Incident } from './incident-types.js';

const PREFIX = 'i1:';

export interface IncidentPage {
  readonly items: readonly Incident[];
  readonly next?: string;
}

/** `sorted` must be in `newestFirst` order. */
export function incidentPage(sorted: readonly Incident[], limit: number, after?: string): IncidentPage {
  const key = after === undefined ? undefined : decodeCursor(after);
  const start = key === undefined ? 0 : sorted.findIndex((i) => newestFirst(i, key) > 0);
  const items = start < 0 ? [] : sorted.slice(start, start + limit);
  const last = items.at(-1);
  const more = start >= 0 && start + limit < sorted.length;
  return { items, ...(more && last ? { next: encodeCursor(last) } : {}) };
}

function encodeCursor(incident: Incident): string {
  return Buffer.from(`${PREFIX}${incident.openedAt}|${incident.productId}`, 'utf8').toString('base64url');
}

/** The key as a comparable stand-in for the incident it names. */
function decodeCursor(cursor: string): Pick<Incident, 'openedAt' | 'productId'> {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const [openedAt, productId] = text.slice(PREFIX.length).split('|');
  if (!text.startsWith(PREFIX) || !openedAt || !productId) {
    throw new InputError('MW8900', 'after is not a cursor of this list; pass the `next` of the previous page.');
  }
  return { openedAt, productId };
}
