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

/** Freshness bucket → code (no prototype: an unexpected value finds nothing, not a method). */
export const FRESHNESS_CODE: Readonly<Record<FreshnessBucket, number>> = Object.assign(
  Object.create(null) as Record<FreshnessBucket, number>,
  Object.fromEntries(FRESHNESS_BUCKETS.map((b, i) => [b, i])),
);

/** One facet's dictionary: value ↔ code. */
interface Dictionary {
  readonly values: string[];
  readonly codeOf: Map<string, number>;
}

/** The stored facets: every facet but freshness, which the callback answers at query time. */
type StoredFacet = Exclude<SearchFacet, 'freshness'>;
/** At most one value per product: stored as a row of codes per product (NONE when absent). */
const SINGLE = ['domain', 'archetype', 'status', 'owner'] as const;
/** Any number of values per product: codes[offsets[i]] … codes[offsets[i + 1] - 1]. */
const MULTI = ['tag', 'classification'] as const;
const NONE = 0xffffffff;

function singleValue(entry: SearchEntry, facet: (typeof SINGLE)[number]): string | undefined {
  switch (facet) {
    case 'domain':
      return entry.domain;
    case 'archetype':
      return entry.archetype;
    case 'status':
      return entry.status;
    case 'owner':
      return entry.ownerTeam;
  }
}

function multiValues(entry: SearchEntry, facet: (typeof MULTI)[number]): readonly string[] {
  return facet === 'tag' ? entry.tags : entry.classifications;
}

function encode(dictionary: Dictionary, value: string): number {
  let code = dictionary.codeOf.get(value);
  if (code === undefined) {
    code = dictionary.values.length;
    dictionary.values.push(value);
    dictionary.codeOf.set(value, code);
  }
  return code;
}

/** Built once, entry by entry, in index order, then sealed. */
export class FacetTable {
  private readonly dictionaries = new Map<StoredFacet, Dictionary>(
    [...SINGLE, ...MULTI].map((f) => [f, { values: [], codeOf: new Map() }]),
  );
  /** [product × SINGLE.length + facet]: one cache line holds a product's single-valued facets. */
  private singles = new Uint32Array(1024 * SINGLE.length);
  private readonly multi = MULTI.map(() => ({ offsets: new Uint32Array(1025), codes: new Uint32Array(1024), used: 0 }));
  size = 0;

  add(entry: SearchEntry): void {
    const i = this.size++;
    if ((i + 1) * SINGLE.length > this.singles.length) this.singles = grow(this.singles, (i + 1) * SINGLE.length);
    SINGLE.forEach((facet, f) => {
      const value = singleValue(entry, facet);
      this.singles[i * SINGLE.length + f] = value === undefined ? NONE : encode(this.dictionaries.get(facet)!, value);
    });
    MULTI.forEach((facet, f) => {
      const table = this.multi[f]!;
      const values = new Set(multiValues(entry, facet));
      if (i + 2 > table.offsets.length) table.offsets = grow(table.offsets, i + 2);
      if (table.used + values.size > table.codes.length) table.codes = grow(table.codes, table.used + values.size);
      for (const value of values) table.codes[table.used++] = encode(this.dictionaries.get(facet)!, value);
      table.offsets[i + 1] = table.used;
    });
  }

  /** Trims the arrays to their size once every entry is in. */
  seal(): void {
    this.singles = this.singles.slice(0, this.size * SINGLE.length);
    for (const table of this.multi) {
      table.offsets = table.offsets.slice(0, this.size + 1);
      table.codes = table.codes.slice(0, table.used);
    }
  }

  /** The filters as a wanted-flag per code, without the facets that filter nothing. */
  compile(filters: SearchFilters): CompiledFilters {
    const wantedOf = (facet: StoredFacet, values: readonly string[]) => {
      const dictionary = this.dictionaries.get(facet)!;
      const wanted = new Uint8Array(dictionary.values.length);
      for (const v of values) {
        const code = dictionary.codeOf.get(v);
        if (code !== undefined) wanted[code] = 1;
      }
      return wanted;
    };
    const singles: { column: number; wanted: Uint8Array }[] = [];
    const multi: { offsets: Uint32Array; codes: Uint32Array; wanted: Uint8Array }[] = [];
    let freshness: Uint8Array | undefined;
    for (const facet of SEARCH_FACETS) {
      const values = filters[facet];
      if (!values || values.length === 0) continue;
      if (facet === 'freshness') {
        freshness = new Uint8Array(FRESHNESS_BUCKETS.length);
        for (const v of values) if (v in FRESHNESS_CODE) freshness[FRESHNESS_CODE[v as FreshnessBucket]] = 1;
      } else if ((SINGLE as readonly string[]).includes(facet)) {
        singles.push({ column: (SINGLE as readonly string[]).indexOf(facet), wanted: wantedOf(facet, values) });
      } else {
        const { offsets, codes } = this.multi[(MULTI as readonly string[]).indexOf(facet)]!;
        multi.push({ offsets, codes, wanted: wantedOf(facet, values) });
      }
    }
    return { singles, multi, rows: this.singles, freshness };
  }

  counter(): FacetCounter {
    return new FacetCounter(this.dictionaries, this.singles, this.multi);
  }
}

export interface CompiledFilters {
  readonly singles: readonly { column: number; wanted: Uint8Array }[];
  readonly multi: readonly { offsets: Uint32Array; codes: Uint32Array; wanted: Uint8Array }[];
  readonly rows: Uint32Array;
  readonly freshness: Uint8Array | undefined;
}

/** Does product i pass every stored facet's filter (any wanted value per facet)? Not freshness. */
export function passesStoredFilters(i: number, filters: CompiledFilters): boolean {
  for (const { column, wanted } of filters.singles) {
    const code = filters.rows[i * SINGLE.length + column]!;
    if (code === NONE || wanted[code] !== 1) return false;
  }
  for (const { offsets, codes, wanted } of filters.multi) {
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
  private readonly singleCounts: Uint32Array[];
  private readonly multiCounts: Uint32Array[];
  private readonly freshness = new Uint32Array(FRESHNESS_BUCKETS.length);

  constructor(
    private readonly dictionaries: ReadonlyMap<StoredFacet, Dictionary>,
    private readonly rows: Uint32Array,
    private readonly multi: readonly { offsets: Uint32Array; codes: Uint32Array }[],
  ) {
    this.singleCounts = SINGLE.map((f) => new Uint32Array(dictionaries.get(f)!.values.length));
    this.multiCounts = MULTI.map((f) => new Uint32Array(dictionaries.get(f)!.values.length));
  }

  add(i: number, freshness: number): void {
    this.freshness[freshness]!++;
    const { rows, singleCounts } = this;
    const row = i * SINGLE.length;
    for (let f = 0; f < SINGLE.length; f++) {
      const code = rows[row + f]!;
      if (code !== NONE) singleCounts[f]![code]!++;
    }
    for (let f = 0; f < MULTI.length; f++) {
      const { offsets, codes } = this.multi[f]!;
      const counts = this.multiCounts[f]!;
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
    const result: Partial<Record<SearchFacet, FacetCount[]>> = {};
    SINGLE.forEach((f, k) => (result[f] = sorted(this.dictionaries.get(f)!.values, this.singleCounts[k]!)));
    MULTI.forEach((f, k) => (result[f] = sorted(this.dictionaries.get(f)!.values, this.multiCounts[k]!)));
    result.freshness = sorted(FRESHNESS_BUCKETS, this.freshness);
    return Object.fromEntries(SEARCH_FACETS.map((f) => [f, result[f]!])) as Record<SearchFacet, FacetCount[]>;
  }
}

function grow(array: Uint32Array, needed: number): Uint32Array<ArrayBuffer> {
  const bigger = new Uint32Array(Math.max(needed, array.length * 2));
  bigger.set(array);
  return bigger;
}
