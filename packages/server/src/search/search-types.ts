/**
 * The catalog search contract: a query (text, facet filters, a page), what it returns (hits with
 * the fields that matched, facet counts over the whole result set) and the two callbacks through
 * which the platform tells the index what changes without a rebuild — freshness and quality.
 */

/** Facets, named as their query parameters: `?tag=pii&tag=gold` filters, `facets.tag` counts. */
export const SEARCH_FACETS = ['domain', 'archetype', 'status', 'tag', 'classification', 'owner', 'freshness'] as const;
export type SearchFacet = (typeof SEARCH_FACETS)[number];

export const FRESHNESS_BUCKETS = ['fresh', 'stale', 'unknown'] as const;
export type FreshnessBucket = (typeof FRESHNESS_BUCKETS)[number];

/** Searchable fields, in boost order; a hit's `matches` lists the ones its text matched. */
export const SEARCH_FIELDS = [
  'name',
  'tags',
  'terms',
  'domain',
  'description',
  'ports',
  'owner',
  'columns',
  'classifications',
  'columnDescriptions',
] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

/** Values of one facet are OR-ed (`tag=a&tag=b`), facets are AND-ed. */
export type SearchFilters = Partial<Readonly<Record<SearchFacet, readonly string[]>>>;

export interface SearchQuery {
  /** Free text; empty browses the catalog (every visible product, ranked by quality). */
  readonly text: string;
  readonly filters: SearchFilters;
  readonly limit: number;
  readonly offset: number;
}

export interface SearchHit {
  readonly id: string;
  readonly title: string;
  readonly domain: string;
  readonly archetype: string | null;
  /** Lifecycle status (draft, active, deprecated…). */
  readonly status: string;
  readonly ownerTeam: string | null;
  readonly description: string | null;
  /** Text relevance × (1 + weight × quality), or the quality alone when browsing. */
  readonly score: number;
  readonly matches: SearchField[];
}

export interface FacetCount {
  readonly value: string;
  readonly count: number;
}

/** Fresh arrays owned by the caller (mutable, so they type-check as API response bodies). */
export type SearchFacets = Readonly<Record<SearchFacet, FacetCount[]>>;

export interface SearchResults {
  /** Visible products matching text and filters (all pages). */
  readonly total: number;
  readonly items: SearchHit[];
  readonly facets: SearchFacets;
}

/** Decides per product id whether the principal may discover it (the authorizer, in the server). */
export type Visibility = (productId: string) => boolean;

export interface CatalogSearchOptions {
  /** Current freshness of a product; read at query time, so it must be a cheap synchronous lookup. */
  readonly freshness?: (productId: string) => FreshnessBucket;
  /**
   * Health in [0, 1] (documented, healthy, used), read at query time for every match; default:
   * documentation completeness from the model (documentation-quality.ts). The health scorecard
   * plugs in here, in the composition root.
   */
  readonly quality?: (productId: string) => number;
  /** How much quality lifts relevance: score = relevance × (1 + weight × quality); default 0.5. */
  readonly qualityWeight?: number;
}

export interface CatalogSearch {
  /** Products indexed. */
  readonly size: number;
  search(query: SearchQuery, visible: Visibility): SearchResults;
}
