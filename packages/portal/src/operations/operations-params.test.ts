import { describe, expect, it } from 'vitest';
import { operationsFilterFrom, operationsSearch } from './operations-params.js';

describe('the operations filter in the URL', () => {
  it('reads a product and a known run status, and drops what it does not know', () => {
    expect(operationsFilterFrom(new URLSearchParams('product=%20support.tickets%20&runs=failed'))).toEqual({
      product: 'support.tickets',
      runStatus: 'failed',
    });
    expect(operationsFilterFrom(new URLSearchParams('product=&runs=exploded'))).toEqual({});
  });

  it('writes it back so that it reads the same', () => {
    const filter = { product: 'sales.orders', runStatus: 'succeeded' } as const;
    expect(operationsSearch(filter)).toBe('?product=sales.orders&runs=succeeded');
    expect(operationsFilterFrom(new URLSearchParams(operationsSearch(filter)))).toEqual(filter);
    expect(operationsSearch({})).toBe('');
  });
});
