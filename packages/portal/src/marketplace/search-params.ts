/**
 * The marketplace's state lives in the URL (`/?q=customer&domain=sales&domain=finance&offset=20`),
 * so a search can be bookmarked, shared and walked back with the browser's buttons. Facet values
 * repeat their parameter, exactly as `GET /api/v1/search` takes them.
 */
import { SEARCH_FACETS, type SearchFacet } from '../api/api-types.js';
import type { SearchRequest } from '../api/api-queries.js';

export const PAGE_SIZE = 20;

export function searchRequestFrom(params: URLSearchParams): SearchRequest {
  const filters: Partial<Record<SearchFacet, string[]>> = {};
  for (const facet of SEARCH_FACETS) {
    const values = params.getAll(facet).filter((v) => v !== '');
    if (values.length > 0) filters[facet] = values;
  }
  const offset = Number(params.get('offset') ?? 0);
  return {
    text: params.get('q')?.trim() ?? '',
    filters,
    offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
    limit: PAGE_SIZE,
  };
}

/** The same URL with one facet value ticked or unticked, back on the first page. */
export function toggleFacet(params: URLSearchParams, facet: SearchFacet, value: string): URLSearchParams {
  const next = new URLSearchParams(params);
  const values = next.getAll(facet);
  next.delete(facet);
  for (const v of values.includes(value) ? values.filter((v) => v !== value) : [...values, value]) {
    next.append(facet, v);
  }
  next.delete('offset');
  return next;
}

export function withOffset(params: URLSearchParams, offset: number): URLSearchParams {
  const next = new URLSearchParams(params);
  if (offset > 0) next.set('offset', String(offset));
  else next.delete('offset');
  return next;
}
