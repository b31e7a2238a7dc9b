/**
 * Keyset pages over a derived list of incidents (newest first, then by product): the cursor is
 * the last item's key, opaque to clients, so a page boundary holds while new incidents open.
 * Used for one product's incidents; the list across products pages the store's breach index
 * instead (breach-incident-page.ts), with the same cursor.
 */
import { decodeIncidentCursor, encodeIncidentCursor } from './incident-cursor.js';
import { newestFirst } from './incident-reader.js';
import type { Incident } from './incident-types.js';

export interface IncidentPage {
  readonly items: readonly Incident[];
  readonly next?: string;
}

/** `sorted` must be in `newestFirst` order. */
export function incidentPage(sorted: readonly Incident[], limit: number, after?: string): IncidentPage {
  const key = after === undefined ? undefined : decodeIncidentCursor(after);
  const start = key === undefined ? 0 : sorted.findIndex((i) => newestFirst(i, key) > 0);
  const items = start < 0 ? [] : sorted.slice(start, start + limit);
  const last = items.at(-1);
  const more = start >= 0 && start + limit < sorted.length;
  return { items, ...(more && last ? { next: encodeIncidentCursor(last) } : {}) };
}
