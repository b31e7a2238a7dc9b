/** Codes of catalog search: bad search requests, the same through the API and the CLI (MW5801–MW5899). */
export const SEARCH_CODES = {
  MW5801: {
    title: 'Search text too long',
    fix: 'Shorten `q` to at most 200 characters: a few words find more than a paragraph.',
  },
  MW5802: {
    title: 'Invalid search page',
    fix: 'Pass `limit` between 1 and 100 and `offset` between 0 and 10000; narrow the search with facets to go deeper.',
  },
  MW5803: {
    title: 'Unknown facet value',
    fix: 'Use one of the values the message lists for `archetype`, `status` or `freshness`.',
  },
} as const;

export type SearchCode = keyof typeof SEARCH_CODES;
