/**
 * The name of an exported result, after the time the query ran, in the viewer's local time so it
 * matches their clock: `query-2026-03-05-143007.csv`. Sortable, and free of the characters
 * (`:`) that some file systems refuse.
 */
import type { ResultFormat } from './console-api.js';

export function exportFileName(ranAt: Date, format: Exclude<ResultFormat, 'json'>): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const day = `${ranAt.getFullYear()}-${two(ranAt.getMonth() + 1)}-${two(ranAt.getDate())}`;
  const time = `${two(ranAt.getHours())}${two(ranAt.getMinutes())}${two(ranAt.getSeconds())}`;
  return `query-${day}-${time}.${format}`;
}
