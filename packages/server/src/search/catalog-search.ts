/**
 * The catalog search index: one MiniSearch document per product, built once from the model.
 * A search scores the text, then filters by facets, then by visibility (the expensive check,
 * so it runs on the fewest products), counts facets over what is left, ranks by relevance
 * lifted by quality, and only then cuts the page.
 */
import MiniSearch, { type SearchOptions } from 'minisearch';
import type { MeshModel } from '@meshwork/core';
import { documentationQuality } from './documentation-quality.js';
import { searchDocumentText, searchEntry, type SearchDocumentText, type SearchEntry } from './search-document.js';
import { FacetTable, FRESHNESS_CODE, passesFilters } from './search-facets.js';
import {
  SEARCH_FIELDS,
  type CatalogSearch,
  type CatalogSearchOptions,
  type SearchField,
  type SearchHit,
  type SearchQuery,
  type SearchResults,
  type Visibility,
} from './search-types.js';
import { topResults } from './top-results.js';

/** name > tags/terms > descriptions > ports > columns: a product's name says most about it. */
const BOOST: Readonly<Record<SearchField, number>> = {
  name: 6,
  tags: 3,
  terms: 3,
  domain: 2,
  description: 2,
  ports: 1.5,
  owner: 1.5,
  columns: 1,
  classifications: 1,
  columnDescriptions: 0.5,
};

/** Words too common to tell products apart; dropping them keeps posting lists short. */
const STOP_WORDS = new Set(['a', 'an', 'and', 'by', 'for', 'from', 'in', 'is', 'of', 'on', 'or', 'the', 'to', 'with']);

const OPTIONS: SearchOptions = {
  boost: BOOST,
  // One typo from 4 letters ("custmer"), two from 10; shorter words must be exact or a prefix.
  fuzzy: (term) => (term.length >= 4 ? 0.2 : false),
  maxFuzzy: 2,
  // Prefixes from 3 letters ("cust" finds customers); a shorter prefix matches half the catalog.
  prefix: (term) => term.length >= 3,
  combineWith: 'AND',
};

type IndexedDocument = SearchDocumentText & { readonly i: number };
/** What MiniSearch keeps per matched document while it scores a query (before `search` sorts). */
interface RawMatch {
  readonly score: number;
  readonly terms: readonly string[];
  readonly match: Readonly<Record<string, readonly string[]>>;
}
/** MiniSearch's scoring without its result objects and full sort (`search` = this + map + sort). */
interface QueryExecutor {
  executeQuery(query: string, options?: SearchOptions): Map<number, RawMatch>;
}

export function createCatalogSearch(model: MeshModel, options: CatalogSearchOptions = {}): CatalogSearch {
  const index = new MiniSearch<IndexedDocument>({
    idField: 'i',
    fields: [...SEARCH_FIELDS],
    storeFields: [],
    processTerm: (term) => {
      const lower = term.toLowerCase();
      return STOP_WORDS.has(lower) ? null : lower;
    },
    searchOptions: OPTIONS,
  });
  const entries: SearchEntry[] = [];
  const restoreFetch = cacheTermLookups(index);
  const facetTable = new FacetTable();
  const documented: number[] = [];
  for (const product of model.products.values()) {
    // One document at a time: its text is indexed and dropped, only the entry stays.
    index.add({ i: entries.length, ...searchDocumentText(model, product) });
    const entry = searchEntry(product);
    entries.push(entry);
    facetTable.add(entry);
    if (!options.quality) documented.push(documentationQuality(product));
  }
  facetTable.seal();
  restoreFetch();
  const n = entries.length;
  const defaultQuality = Float64Array.from(documented);
  const quality = options.quality
    ? (i: number) => clamp(options.quality!(entries[i]!.id))
    : (i: number) => clamp(defaultQuality[i]!);
  const freshness = options.freshness;
  const freshnessCode = freshness
    ? (i: number) => FRESHNESS_CODE[freshness(entries[i]!.id)] ?? FRESHNESS_CODE.unknown
    : () => FRESHNESS_CODE.unknown;
  const weight = options.qualityWeight ?? 0.5;
  const executor = index as unknown as QueryExecutor;

  /** Every word must match (AND) — unless that finds nothing, then any word may (OR). */
  const textMatches = (text: string): Map<number, RawMatch> => {
    const all = executor.executeQuery(text);
    return all.size > 0 ? all : executor.executeQuery(text, { combineWith: 'OR' });
  };

  return {
    size: n,
    search(query: SearchQuery, visible: Visibility): SearchResults {
      const filters = facetTable.compile(query.filters);
      const facets = facetTable.counter();
      const text = query.text.trim();
      const raw = text === '' ? undefined : textMatches(text);
      // Candidates as parallel typed arrays: entry index and score, no object per match.
      const capacity = raw ? raw.size : n;
      const matched = new Uint32Array(capacity);
      const scores = new Float64Array(capacity);
      let total = 0;
      const consider = (i: number, relevance: number | undefined) => {
        const fresh = freshnessCode(i);
        if (!passesFilters(i, filters, fresh) || !visible(entries[i]!.id)) return;
        facets.add(i, fresh);
        const q = quality(i);
        matched[total] = i;
        scores[total++] = relevance === undefined ? q : relevance * (1 + weight * q);
      };
      if (raw === undefined) for (let i = 0; i < n; i++) consider(i, undefined);
      // MiniSearch multiplies a document's score by the number of query words it matched.
      else for (const [i, m] of raw) consider(i, m.score * (m.terms.length || 1));
      const order = (a: number, b: number) => byScore(entries, matched, scores, a, b);
      const positions = Array.from({ length: total }, (_, k) => k);
      const page = topResults(positions, query.offset + query.limit, order).slice(query.offset);
      return {
        total,
        items: page.map((k) => hit(entries[matched[k]!]!, scores[k]!, raw?.get(matched[k]!))),
        facets: facets.result(),
      };
    },
  };
}

/**
 * While building, remembers each term's posting maps by the term itself: MiniSearch's `add` looks
 * every token up in its radix tree (`fetch`, a walk that slices the key per node), and a product's
 * 300-odd tokens are mostly terms seen before. A Map hit returns the same object the walk would.
 * Only for the build (no removal happens then); returns the function that drops the cache.
 */
function cacheTermLookups(index: MiniSearch<IndexedDocument>): () => void {
  const tree = (index as unknown as { _index: TermTree })._index;
  if (typeof tree?.fetch !== 'function') return () => {};
  const fetch = tree.fetch;
  const known = new Map<string, unknown>();
  tree.fetch = function (term: string, initial: () => unknown): unknown {
    let data = known.get(term);
    if (data === undefined) {
      data = fetch.call(this, term, initial);
      known.set(term, data);
    }
    return data;
  };
  return () => {
    delete (tree as { fetch?: unknown }).fetch; // back to the prototype's
    known.clear();
  };
}
interface TermTree {
  fetch(term: string, initial: () => unknown): unknown;
}

function byScore(
  entries: readonly SearchEntry[],
  matched: Uint32Array,
  scores: Float64Array,
  a: number,
  b: number,
): number {
  const id = (k: number) => entries[matched[k]!]!.id;
  return scores[b]! - scores[a]! || (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0);
}

function hit(entry: SearchEntry, score: number, result: RawMatch | undefined): SearchHit {
  const fields = new Set<string>();
  for (const matchedFields of Object.values(result?.match ?? {})) for (const f of matchedFields) fields.add(f);
  return {
    id: entry.id,
    title: entry.title,
    domain: entry.domain,
    archetype: entry.archetype ?? null,
    status: entry.status,
    ownerTeam: entry.ownerTeam ?? null,
    description: entry.description ?? null,
    score: Math.round(score * 1000) / 1000,
    matches: SEARCH_FIELDS.filter((f) => fields.has(f)),
  };
}

/** A scorecard bug must not reorder the catalog wildly: anything outside [0, 1] is clamped. */
function clamp(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}
