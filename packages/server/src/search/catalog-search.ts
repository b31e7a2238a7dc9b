/**
 * The catalog search index: one MiniSearch document per product, built once from the model.
 * A search scores the text, then filters by facets, then by visibility (the expensive check,
 * so it runs on the fewest products), counts facets over what is left, ranks by relevance
 * lifted by quality, and only then cuts the page.
 */
import MiniSearch from 'minisearch';
import type { MeshModel } from '@meshwork/core';
import { documentationQuality } from './documentation-quality.js';
import { searchDocumentText, searchEntry, type SearchDocumentText, type SearchEntry } from './search-document.js';
import { FacetTable, FRESHNESS_CODE, passesStoredFilters } from './search-facets.js';
import { TextScorer } from './text-scorer.js';
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
import { topPositions } from './top-results.js';

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

const OPTIONS = {
  boost: BOOST,
  // One typo from 4 letters ("custmer"), two from 10; shorter words must be exact or a prefix.
  fuzzy: (term: string) => (term.length >= 4 ? 0.2 : false),
  maxFuzzy: 2,
  // Prefixes from 3 letters ("cust" finds customers); a shorter prefix matches half the catalog.
  prefix: (term: string) => term.length >= 3,
} as const;

type IndexedDocument = SearchDocumentText & { readonly i: number };

export function createCatalogSearch(model: MeshModel, options: CatalogSearchOptions = {}): CatalogSearch {
  const index = new MiniSearch<IndexedDocument>({
    idField: 'i',
    fields: [...SEARCH_FIELDS],
    storeFields: [],
    processTerm: (term) => {
      const lower = term.toLowerCase();
      return STOP_WORDS.has(lower) ? null : lower;
    },
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
  const scorer = new TextScorer(index, (id) => id as number, { fields: SEARCH_FIELDS, ...OPTIONS });
  // The ids, copied into fresh strings allocated one after the other (a JSON round trip): every
  // candidate's id is read by the callbacks, and ids side by side in memory, in index order (the
  // order postings come in), read far faster than the model's strings scattered over the heap.
  const ids = JSON.parse(JSON.stringify(entries.map((e) => e.id))) as string[];
  const defaultQuality = Float64Array.from(documented);
  const quality = options.quality
    ? (i: number) => clamp(options.quality!(ids[i]!))
    : (i: number) => clamp(defaultQuality[i]!);
  const freshness = options.freshness;
  const freshnessOf = freshness
    ? (i: number) => FRESHNESS_CODE[freshness(ids[i]!)] ?? FRESHNESS_CODE.unknown
    : () => FRESHNESS_CODE.unknown;
  const weight = options.qualityWeight ?? 0.5;

  return {
    size: n,
    search(query: SearchQuery, visible: Visibility): SearchResults {
      const filters = facetTable.compile(query.filters);
      const filtered = filters.singles.length > 0 || filters.multi.length > 0;
      const facets = facetTable.counter();
      const text = query.text.trim();
      const found = text === '' ? undefined : scorer.score(text);
      // Candidates as parallel typed arrays: entry index and score, no object per match.
      const capacity = found ? found.count : n;
      const matched = new Uint32Array(capacity);
      const scores = new Float64Array(capacity);
      let total = 0;
      for (let k = 0; k < capacity; k++) {
        const i = found ? found.docs[k]! : k;
        // Stored facets first (typed arrays), then the callbacks: freshness only before visibility
        // when it filters (else just for the counts, after), visibility last.
        if (filtered && !passesStoredFilters(i, filters)) continue;
        let fresh = -1;
        if (filters.freshness) {
          fresh = freshnessOf(i);
          if (filters.freshness[fresh] === 0) continue;
        }
        if (!visible(ids[i]!)) continue;
        if (fresh < 0) fresh = freshnessOf(i);
        facets.add(i, fresh);
        const q = quality(i);
        matched[total] = i;
        scores[total++] = found ? found.score(i) * (1 + weight * q) : q;
      }
      // Ties by product id, so pages are stable.
      const before = (a: number, b: number) => ids[matched[a]!]! < ids[matched[b]!]!;
      const page = topPositions(total, query.offset + query.limit, scores, before).slice(query.offset);
      return {
        total,
        items: page.map((k) => hit(entries[matched[k]!]!, scores[k]!, found ? found.fields(matched[k]!) : 0)),
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

function hit(entry: SearchEntry, score: number, fieldMask: number): SearchHit {
  return {
    id: entry.id,
    title: entry.title,
    domain: entry.domain,
    archetype: entry.archetype ?? null,
    status: entry.status,
    ownerTeam: entry.ownerTeam ?? null,
    description: entry.description ?? null,
    score: Math.round(score * 1000) / 1000,
    matches: SEARCH_FIELDS.filter((_, f) => (fieldMask & (1 << f)) !== 0),
  };
}

/** A scorecard bug must not reorder the catalog wildly: anything outside [0, 1] is clamped. */
function clamp(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}
