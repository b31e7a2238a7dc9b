/**
 * A search request as the API and the CLI receive it (strings, one or several values per facet)
 * checked into a SearchQuery; bad input is an InputError with a stable code (search-codes.ts).
 * Free-form facets (domain, tag, classification, owner) are not checked: an unknown value just
 * matches nothing, as an unknown word does.
 */
import { ARCHETYPES, InputError, LIFECYCLE_STATES } from '@meshwork/core';
import {
  FRESHNESS_BUCKETS,
  SEARCH_FACETS,
  type SearchFacet,
  type SearchFilters,
  type SearchQuery,
} from './search-types.js';

export const MAX_QUERY_LENGTH = 200;
export const MAX_LIMIT = 100;
export const DEFAULT_LIMIT = 20;
/** Deep pages cost the top-k selection; facets are the way further down. */
export const MAX_OFFSET = 10_000;

export type SearchRequest = { readonly q?: string; readonly limit?: number; readonly offset?: number } & Partial<
  Readonly<Record<SearchFacet, string | readonly string[]>>
>;

const ENUMERATED: Partial<Record<SearchFacet, readonly string[]>> = {
  archetype: ARCHETYPES,
  status: LIFECYCLE_STATES,
  freshness: FRESHNESS_BUCKETS,
};

export function searchQueryFrom(request: SearchRequest): SearchQuery {
  const text = (request.q ?? '').trim();
  if (text.length > MAX_QUERY_LENGTH) {
    throw new InputError('MW5801', `the search text has ${text.length} characters; at most ${MAX_QUERY_LENGTH}`);
  }
  const limit = request.limit ?? DEFAULT_LIMIT;
  const offset = request.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new InputError('MW5802', `limit must be an integer from 1 to ${MAX_LIMIT} (got ${limit})`);
  }
  if (!Number.isInteger(offset) || offset < 0 || offset > MAX_OFFSET) {
    throw new InputError('MW5802', `offset must be an integer from 0 to ${MAX_OFFSET} (got ${offset})`);
  }
  const filters: Partial<Record<SearchFacet, readonly string[]>> = {};
  for (const facet of SEARCH_FACETS) {
    const raw = request[facet];
    if (raw === undefined) continue;
    // Repeated parameters and comma lists both work: `tag=a&tag=b` or `tag=a,b`.
    const values = [...new Set((typeof raw === 'string' ? [raw] : raw).flatMap((v) => v.split(',')))]
      .map((v) => v.trim())
      .filter((v) => v !== '');
    const allowed = ENUMERATED[facet];
    const unknown = allowed ? values.filter((v) => !allowed.includes(v)) : [];
    if (unknown.length > 0) {
      throw new InputError('MW5803', `unknown ${facet} "${unknown[0]}"; one of: ${allowed!.join(', ')}`);
    }
    if (values.length > 0) filters[facet] = values;
  }
  return { text, filters: filters as SearchFilters, limit, offset };
}
