/**
 * What the query API says when a query read a deprecated port version: `Deprecation: @<unix
 * seconds>` (RFC 9745), `Sunset: <HTTP-date>` (RFC 8594) and `Link: <…>; rel="successor-version";
 * title="<SQL name>"` per replacement (packages/server/src/lifecycle/deprecation-headers.ts).
 * Parsed here into what the console shows; no `Deprecation` header, no notice.
 */

export interface Successor {
  /** The replacement's SQL name as the server titled the link, e.g. `sales.orders`. */
  readonly title: string | null;
  /** The product the link points at (`/api/v1/products/<id>`), or null for another kind of link. */
  readonly productId: string | null;
  readonly href: string;
}

export interface DeprecationNotice {
  /** When the deprecation was published; null when the header is not a date the RFC allows. */
  readonly since: Date | null;
  /** After this the query fails; null without a `Sunset` header. */
  readonly sunset: Date | null;
  readonly successors: readonly Successor[];
}

/** Reads the three headers; only `get` is used, so a `Headers` object or a test double both fit. */
export function deprecationNotice(headers: { get(name: string): string | null }): DeprecationNotice | null {
  const deprecation = headers.get('deprecation');
  if (deprecation === null) return null;
  const sunset = headers.get('sunset');
  const sunsetDate = sunset === null ? null : new Date(sunset);
  return {
    since: structuredDate(deprecation),
    sunset: sunsetDate && !Number.isNaN(sunsetDate.getTime()) ? sunsetDate : null,
    successors: parseLinkHeader(headers.get('link') ?? '')
      .filter((link) => link.params.rel?.split(/\s+/).includes('successor-version'))
      .map((link) => ({ href: link.href, title: link.params.title ?? null, productId: productIdOf(link.href) })),
  };
}

/** RFC 9745's value is an RFC 9651 date, `@<seconds>`. */
function structuredDate(value: string): Date | null {
  const match = /^@(-?\d+)$/.exec(value.trim());
  return match ? new Date(Number(match[1]) * 1000) : null;
}

function productIdOf(href: string): string | null {
  const match = /^\/api\/v1\/products\/([^/?#]+)$/.exec(href);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

export interface LinkValue {
  readonly href: string;
  /** Parameter names lower-cased; quoted values unquoted. */
  readonly params: Readonly<Record<string, string>>;
}

/**
 * RFC 8288 `Link` values: `<uri>; name=value; name="quoted, value", <uri2>; …`. Commas and
 * semicolons inside quoted strings do not split, which a naive split on "," would get wrong.
 */
export function parseLinkHeader(header: string): LinkValue[] {
  const links: LinkValue[] = [];
  let at = 0;
  const skip = (pattern: RegExp) => {
    while (at < header.length && pattern.test(header[at] ?? '')) at++;
  };
  while (at < header.length) {
    skip(/[\s,]/);
    if (header[at] !== '<') break;
    const end = header.indexOf('>', at);
    if (end < 0) break;
    const href = header.slice(at + 1, end);
    at = end + 1;
    const params: Record<string, string> = {};
    for (;;) {
      skip(/\s/);
      if (header[at] !== ';') break;
      at++;
      skip(/\s/);
      const name = /^[^=;,\s]+/.exec(header.slice(at))?.[0] ?? '';
      at += name.length;
      skip(/\s/);
      let value = '';
      if (header[at] === '=') {
        at++;
        skip(/\s/);
        [value, at] = header[at] === '"' ? quotedString(header, at) : token(header, at);
      }
      if (name && !(name.toLowerCase() in params)) params[name.toLowerCase()] = value;
    }
    links.push({ href, params });
  }
  return links;
}

/** A quoted string starting at `start` (the opening quote): its value and the index after it. */
function quotedString(text: string, start: number): [string, number] {
  let value = '';
  let at = start + 1;
  while (at < text.length && text[at] !== '"') {
    if (text[at] === '\\') at++;
    value += text[at] ?? '';
    at++;
  }
  return [value, at + 1];
}

function token(text: string, start: number): [string, number] {
  const value = /^[^;,\s]*/.exec(text.slice(start))?.[0] ?? '';
  return [value, start + value.length];
}
