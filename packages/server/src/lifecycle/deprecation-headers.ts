/**
 * HTTP response headers telling a client that the query read a deprecated port version:
 * - `Deprecation: @<unix seconds>` (RFC 9745): when the deprecation was published — the earliest
 *   of the versions read; a deprecation not yet published counts from now;
 * - `Sunset: <HTTP-date>` (RFC 8594): the earliest endOfLife, after which the query fails;
 * - `Link: <…>; rel="successor-version"` per replacement, to its product, titled with its SQL name.
 * No notices, no headers.
 */
import type { DeprecationNotice } from './relation-deprecations.js';

export function deprecationHeaders(notices: readonly DeprecationNotice[], now: Date): Record<string, string> {
  if (notices.length === 0) return {};
  const since = Math.min(...notices.map((n) => (n.deprecatedSince ?? now).getTime()));
  const headers: Record<string, string> = { Deprecation: `@${Math.floor(since / 1000)}` };
  const sunsets = notices.flatMap((n) => (n.endOfLife ? [n.endOfLife.getTime()] : []));
  if (sunsets.length > 0) headers.Sunset = new Date(Math.min(...sunsets)).toUTCString();
  const links = notices.flatMap((n) =>
    n.replacement
      ? [
          `</api/v1/products/${encodeURIComponent(n.productId)}>; rel="successor-version"; title="${quoted(
            n.replacement.relation ?? `${n.replacement.port} v${n.replacement.major}`,
          )}"`,
        ]
      : [],
  );
  if (links.length > 0) headers.Link = [...new Set(links)].join(', ');
  return headers;
}

/** A quoted-string value: SQL names never hold quotes or backslashes, but a port name could. */
function quoted(text: string): string {
  return text.replace(/[\\"]/g, (c) => `\\${c}`);
}
