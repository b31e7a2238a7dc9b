/** Deprecation headers as the query API sends them for `SELECT * FROM sales.orders_v1`. */
import { describe, expect, it } from 'vitest';
import { deprecationNotice, parseLinkHeader } from './deprecation-notice.js';

describe('deprecationNotice', () => {
  it('reads when the version was deprecated, its sunset and the successor product', () => {
    const headers = new Headers({
      Deprecation: '@1795299978',
      Sunset: 'Wed, 30 Jun 2027 00:00:00 GMT',
      Link: '</api/v1/products/sales.orders>; rel="successor-version"; title="sales.orders"',
    });
    expect(deprecationNotice(headers)).toEqual({
      since: new Date(1795299978 * 1000),
      sunset: new Date(Date.UTC(2027, 5, 30)),
      successors: [{ href: '/api/v1/products/sales.orders', title: 'sales.orders', productId: 'sales.orders' }],
    });
  });

  it('is null without a Deprecation header, and keeps a notice whose dates it cannot read', () => {
    expect(deprecationNotice(new Headers({ Link: '</x>; rel="successor-version"' }))).toBeNull();
    expect(deprecationNotice(new Headers({ Deprecation: 'soon', Sunset: 'never' }))).toEqual({
      since: null,
      sunset: null,
      successors: [],
    });
  });

  it('keeps only successor-version links, decoding the product id', () => {
    const headers = new Headers({
      Deprecation: '@0',
      Link: '</docs>; rel="help", </api/v1/products/sales.order%2Dlines>; rel="successor-version latest"; title="sales.order_lines"',
    });
    expect(deprecationNotice(headers)?.successors).toEqual([
      { href: '/api/v1/products/sales.order%2Dlines', title: 'sales.order_lines', productId: 'sales.order-lines' },
    ]);
  });
});

describe('parseLinkHeader', () => {
  it('does not split on commas or semicolons inside quoted values, and unescapes them', () => {
    expect(parseLinkHeader('<a>; title="x, y; \\"z\\""; REL=next, <b>;rel=prev')).toEqual([
      { href: 'a', params: { title: 'x, y; "z"', rel: 'next' } },
      { href: 'b', params: { rel: 'prev' } },
    ]);
  });

  it('reads nothing from an empty or malformed header', () => {
    expect(parseLinkHeader('')).toEqual([]);
    expect(parseLinkHeader('not a link')).toEqual([]);
    expect(parseLinkHeader('<unterminated')).toEqual([]);
  });
});
