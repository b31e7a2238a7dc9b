export * from './search-types.js';
export { createCatalogSearch } from './catalog-search.js';
export { documentationQuality } from './documentation-quality.js';
export { createFreshnessView, type FreshnessView } from './freshness-view.js';
export {
  searchQueryFrom,
  DEFAULT_LIMIT as DEFAULT_SEARCH_LIMIT,
  MAX_LIMIT as MAX_SEARCH_LIMIT,
  type SearchRequest,
} from './search-request.js';
export { SEARCH_CODES, type SearchCode } from './search-codes.js';
