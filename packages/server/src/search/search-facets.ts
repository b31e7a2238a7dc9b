/**
 * Facet values, dictionary-encoded at build time: each facet's distinct values get small integer
 * codes, each product keeps its codes (typed arrays; tags and classifications, which are many per
 * product, as offsets into one flat array). Filters become a `wanted` flag per code and counting
 * is `counts[code]++` into a typed array — no strings, maps or sets touched per matched product.
 * Freshness is asked of the callback once per candidate and passed in as its bucket's code, never
 * stored.
 */
import type { SearchEntry } from './search-document.js';
import {
  FRESHNESS_BUCKETS,
  SEARCH_FACETS,
  type FacetCount,
  type FreshnessBucket,
  type SearchFacet,
  type SearchFacets,
  type SearchFilters,
} from './search-types.js';

/** Values past this many per facet are left out of the counts (tags can be many). */
export const MAX_FACET_VALUES = 25;

export const FRESHNESS_CODE: Readonly<Record<FreshnessBucket, number>> = Object.fromEntries(
  FRESHNESS_BUCKETS.map((b, i) => [b, i]),
) as Record<FreshnessBucket, number>;

/** One facet's values: a dictionary, and per product the range of its codes in `codes`. */
interface EncodedFacet {
  readonly values: string[];
  readonly codeOf: Map<string, number>;
  /** Product i's codes are codes[offsets[i]] … codes[offsets[i + 1] - 1]. */
  offsets: Uint32Array;
  codes: Uint32Array;
}

/** The stored facets: every facet but freshness, which the callback answers at query time. */
type StoredFacet = Exclude<SearchFacet, 'freshness'>;
const STORED: readonly StoredFacet[] = ['domain', 'archetype', 'status', 'tag', 'classification', 'owner'];

function storedValues(entry: SearchEntry, facet: StoredFacet): readonly string[] {
  switch (facet) {
    case 'domain':
      return [entry.domain];
    case 'archetype':
      return entry.archetype ? [entry.archetype] : [];
    case 'status':
      return [entry.status];
    case 'tag':
      return entry.tags;
    case 'classification':
      return entry.classifications;
    case 'owner':
      return entry.ownerTeam ? [entry.ownerTeam] : [];
  }
}

/** Built once, entry by entry, in index order. */
export class FacetTable {
  private readonly facets = new Map<StoredFacet, EncodedFacet>(
    STORED.map((f) => [
      f,
      { values: [], codeOf: new Map(), offsets: new Uint32Array(1024), codes: new Uint32Array(1024) },
    ]),
  );
  private readonly used = new Map<StoredFacet, number>(STORED.map((f) => [f, 0]));
  size = 0;

  add(entry: SearchEntry): void {
    const i = this.size++;
    for (const facet of STORED) {
      const table = this.facets.get(facet)!;
      const values = storedValues(entry, facet);
      let used = this.used.get(facet)!;
      if (i + 2 > table.offsets.length) table.offsets = grow(table.offsets, i + 2);
      if (used + values.length > table.codes.length) table.codes = grow(table.codes, used + values.length);
      for (const value of new Set(values)) {
        let code = table.codeOf.get(value);
        if (code === undefined) {
          code = table.values.length;
          table.values.push(value);
          table.codeOf.set(value, code);
        }
        table.codes[used++] = code;
      }
      table.offsets[i + 1] = used;
      this.used.set(facet, used);
    }
  }

  /** Trims the arrays to their size once every entry is in. */
  seal(): void {
    for (const facet of STORED) {
      const table = this.facets.get(facet)!;
      table.offsets = table.offsets.slice(0, this.size + 1);
      table.codes = table.codes.slice(0, this.used.get(facet)!);
    }
  }

  /** The filters as a wanted-flag per code, without the facets that filter nothing. */
  compile(filters: SearchFilters): CompiledFilters {
    const stored: { offsets: Uint32Array; codes: Uint32Array; wanted: Uint8Array }[] = [];
    let freshness: Uint8Array | undefined;
    for (const facet of SEARCH_FACETS) {
      const values = filters[facet];
      if (!values || values.length === 0) continue;
      if (facet === 'freshness') {
        freshness = new Uint8Array(FRESHNESS_BUCKETS.length);
        for (const v of values) if (v in FRESHNESS_CODE) freshness[FRESHNESS_CODE[v as FreshnessBucket]] = 1;
        continue;
      }
      const table = this.facets.get(facet)!;
      const wanted = new Uint8Array(table.values.length);
      for (const v of values) {
        const code = table.codeOf.get(v);
        if (code !== undefined) wanted[code] = 1;
      }
      stored.push({ offsets: table.offsets, codes: table.codes, wanted });
    }
    return { stored, freshness };
  }

  counter(): FacetCounter {
    return new FacetCounter(this.facets);
  }
}

export interface CompiledFilters {
  readonly stored: readonly { offsets: Uint32Array; codes: Uint32Array; wanted: Uint8Array }[];
  readonly freshness: Uint8Array | undefined;
}

/** Does product i (with its freshness code) pass every filter: any wanted value per facet? */
export function passesFilters(i: number, filters: CompiledFilters, freshness: number): boolean {
  if (filters.freshness && filters.freshness[freshness] === 0) return false;
  for (const { offsets, codes, wanted } of filters.stored) {
    let found = false;
    for (let k = offsets[i]!, end = offsets[i + 1]!; k < end; k++) {
      if (wanted[codes[k]!] === 1) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

/** Counts per facet into typed arrays indexed by code. */
export class FacetCounter {
  private readonly counts: { facet: StoredFacet; table: EncodedFacet; counts: Uint32Array }[];
  private readonly freshness = new Uint32Array(FRESHNESS_BUCKETS.length);

  constructor(facets: ReadonlyMap<StoredFacet, EncodedFacet>) {
    this.counts = [...facets].map(([facet, table]) => ({ facet, table, counts: new Uint32Array(table.values.length) }));
  }

  add(i: number, freshness: number): void {
    this.freshness[freshness]!++;
    for (const { table, counts } of this.counts) {
      const { offsets, codes } = table;
      for (let k = offsets[i]!, end = offsets[i + 1]!; k < end; k++) counts[codes[k]!]!++;
    }
  }

  /** Most frequent first, then by value, so equal counts list in a stable order. */
  result(): SearchFacets {
    const sorted = (values: readonly string[], counts: Uint32Array): FacetCount[] => {
      const found: FacetCount[] = [];
      for (let code = 0; code < counts.length; code++) {
        if (counts[code]! > 0) found.push({ value: values[code]!, count: counts[code]! });
      }
      return found
        .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
        .slice(0, MAX_FACET_VALUES);
    };
    const result = Object.fromEntries(
      this.counts.map(({ facet, table, counts }) => [facet, sorted(table.values, counts)]),
    );
    result.freshness = sorted(FRESHNESS_BUCKETS, this.freshness);
    return Object.fromEntries(SEARCH_FACETS.map((f) => [f, result[f]!])) as Record<SearchFacet, FacetCount[]>;
  }
}

function grow(array: Uint32Array, needed: number): Uint32Array {
  const bigger = new Uint32Array(Math.max(needed, array.length * 2));
  bigger.set(array);
  return bigger;
}
