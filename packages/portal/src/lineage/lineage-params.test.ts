/** The explorer's URL ⇄ its state: defaults, what the API would refuse, short links. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_DEPTH, explorerHref, explorerParams, explorerStateFrom } from './lineage-params.js';
import { productPartOf } from './ref-suggestions.js';

describe('explorerStateFrom', () => {
  it('reads the node, direction, depth, columns and the selected node', () => {
    const params = new URLSearchParams(
      'ref=%20sales.orders.orders%402%20&direction=downstream&depth=5&columns=true&node=sales.orders.orders%402.status',
    );
    expect(explorerStateFrom(params)).toEqual({
      ref: 'sales.orders.orders@2',
      direction: 'downstream',
      depth: 5,
      columns: true,
      node: 'sales.orders.orders@2.status',
    });
  });

  it.each(['0', '51', '2.5', 'deep', ''])('falls back to the default depth for depth=%s', (depth) => {
    expect(explorerStateFrom(new URLSearchParams({ ref: 'a.b', depth })).depth).toBe(DEFAULT_DEPTH);
  });

  it('falls back to both directions, no columns and no node', () => {
    expect(explorerStateFrom(new URLSearchParams('ref=a.b&direction=sideways&columns=yes&node='))).toEqual({
      ref: 'a.b',
      direction: 'both',
      depth: DEFAULT_DEPTH,
      columns: false,
    });
  });
});

describe('explorerParams', () => {
  it('writes only what differs from the defaults, and round-trips', () => {
    const state = { ref: 'sales.orders', direction: 'downstream', depth: 5, columns: true, node: 'x.y' } as const;
    expect(explorerHref(state)).toBe('/lineage?ref=sales.orders&direction=downstream&depth=5&columns=true&node=x.y');
    expect(explorerStateFrom(explorerParams(state))).toEqual(state);
    expect(
      explorerParams({ ref: 'a.b', direction: 'both', depth: DEFAULT_DEPTH, columns: false, node: 'a.b' }).toString(),
    ).toBe('ref=a.b');
  });
});

describe('productPartOf', () => {
  it.each([
    ['sales.orders.orders@2.customer_id', 'sales.orders'],
    ['sales.orders', 'sales.orders'],
    ['sales', 'sales'],
    ['', ''],
  ])('%s → %s', (text, product) => {
    expect(productPartOf(text)).toBe(product);
  });
});
