/** API URLs: facet values repeat their parameter, as `GET /api/v1/search` takes them. */
import { describe, expect, it } from 'vitest';
import { apiUrl } from './api-client.js';

describe('apiUrl', () => {
  it('repeats array parameters, as the search API takes facet values, and leaves out undefined ones', () => {
    expect(apiUrl('/api/v1/search', { q: 'a b', domain: ['sales', 'finance'], tag: undefined, limit: 20 })).toBe(
      '/api/v1/search?q=a+b&domain=sales&domain=finance&limit=20',
    );
    expect(apiUrl('/api/v1/me')).toBe('/api/v1/me');
  });
});
