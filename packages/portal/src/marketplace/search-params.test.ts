/** The marketplace URL ⇄ search request: repeated facet parameters, paging, ticking facets. */
import { describe, expect, it } from 'vitest';
import { PAGE_SIZE, searchRequestFrom, toggleFacet, withOffset } from './search-params.js';

describe('searchRequestFrom', () => {
  it('reads words, repeated facet values and the page from the URL', () => {
    const params = new URLSearchParams('q=%20customer%20&domain=sales&domain=finance&tag=&offset=40&bogus=1');
    expect(searchRequestFrom(params)).toEqual({
      text: 'customer',
      filters: { domain: ['sales', 'finance'] },
      offset: 40,
      limit: PAGE_SIZE,
    });
  });

  it.each(['-20', 'abc', '1.5'])('starts at the first page for offset=%s', (offset) => {
    expect(searchRequestFrom(new URLSearchParams({ offset })).offset).toBe(0);
  });
});

describe('toggleFacet', () => {
  it('ticks a value beside the others, unticks it again, and goes back to the first page', () => {
    const ticked = toggleFacet(new URLSearchParams('q=x&domain=sales&offset=20'), 'domain', 'finance');
    expect(ticked.toString()).toBe('q=x&domain=sales&domain=finance');
    expect(toggleFacet(ticked, 'domain', 'sales').toString()).toBe('q=x&domain=finance');
  });
});

describe('withOffset', () => {
  it('sets a page and drops the parameter for the first', () => {
    expect(withOffset(new URLSearchParams('q=x'), 20).toString()).toBe('q=x&offset=20');
    expect(withOffset(new URLSearchParams('q=x&offset=20'), 0).toString()).toBe('q=x');
  });
});
