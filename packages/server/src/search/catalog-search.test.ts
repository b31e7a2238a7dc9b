/**
 * The search index on the demo mesh (its glossary gives Customer the synonym "client"), plus a
 * few synthetic products made from a demo product for ranking: typos, prefixes, synonyms,
 * facets, filters, quality in ranking, visibility and paging.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DataProduct, MeshModel } from '@meshwork/core';
import { loadWorkspaceFromDisk } from '../workspace/load-workspace-from-disk.js';
import MiniSearch from 'minisearch';
import { createCatalogSearch } from './catalog-search.js';
import { searchDocumentText } from './search-document.js';
import { TextScorer } from './text-scorer.js';
import { topPositions } from './top-results.js';
import { searchQueryFrom } from './search-request.js';
import { SEARCH_FIELDS, type CatalogSearch, type SearchQuery } from './search-types.js';

const demo = join(import.meta.dirname, '../../../../examples/demo-mesh');
let model: MeshModel;
let search: CatalogSearch;
const all = () => true;
const query = (text: string, rest: Partial<SearchQuery> = {}): SearchQuery => ({
  text,
  filters: {},
  limit: 20,
  offset: 0,
  ...rest,
});
const ids = (text: string, rest: Partial<SearchQuery> = {}) =>
  search.search(query(text, rest), all).items.map((i) => i.id);

beforeAll(async () => {
  ({ model } = await loadWorkspaceFromDisk(demo, {}));
  search = createCatalogSearch(model);
});

/** A demo product re-made as `test.<name>`: no ports, and documented or not. */
function synthetic(name: string, title: string, documented: boolean): DataProduct {
  const base = model.products.get('sales.orders')!;
  const descriptor = { ...(base.descriptor as unknown as Record<string, unknown>) };
  delete descriptor.support;
  if (documented) descriptor.description = { purpose: 'Every parcel handed to a carrier.', usage: 'Join on id.' };
  else delete descriptor.description;
  return {
    ...base,
    id: `test.${name}`,
    name,
    title,
    domain: 'test',
    tags: [],
    description: undefined,
    descriptor: descriptor as unknown as DataProduct['descriptor'],
    outputPorts: [],
    contracts: [],
  } as DataProduct;
}

describe('catalog search', () => {
  it('tolerates typos: "custmer" finds the customers products first', () => {
    const found = ids('custmer');
    expect(found.slice(0, 2).sort()).toEqual(['customers.customer-360', 'customers.customer-profile']);
  });

  it('finds by prefix and says which fields matched', () => {
    const { items } = search.search(query('cust'), all);
    expect(items[0]!.id).toMatch(/^customers\./);
    expect(items[0]!.matches).toContain('name');
  });

  it('finds products by a synonym of a bound glossary term', () => {
    const { items } = search.search(query('client'), all);
    expect(items.map((i) => i.id)).toContain('customers.customer-profile');
    expect(items.every((i) => i.matches.includes('terms'))).toBe(true);
  });

  it('requires every word, and falls back to any word when none has all', () => {
    expect(ids('revenue segment')[0]).toBe('finance.revenue-by-segment');
    expect(ids('revenue zzzqqq').length).toBeGreaterThan(0);
  });

  it('browses with an empty query and counts facets over the whole result set', () => {
    const results = search.search(query('', { limit: 2 }), all);
    expect(results.total).toBe(model.products.size);
    expect(results.items).toHaveLength(2);
    const domains = Object.fromEntries(results.facets.domain.map((f) => [f.value, f.count]));
    for (const domain of new Set([...model.products.values()].map((p) => p.domain))) {
      expect(domains[domain]).toBe([...model.products.values()].filter((p) => p.domain === domain).length);
    }
    expect(results.facets.freshness).toEqual([{ value: 'unknown', count: model.products.size }]);
    expect(results.facets.classification.find((f) => f.value === 'pii')?.count).toBeGreaterThan(0);
  });

  it('filters by facets: OR within a facet, AND across facets', () => {
    const finance = search.search(query('', { filters: { domain: ['finance'] } }), all);
    expect(finance.items.every((i) => i.domain === 'finance')).toBe(true);
    expect(finance.facets.domain).toEqual([{ value: 'finance', count: finance.total }]);
    const two = search.search(query('', { filters: { domain: ['finance', 'sales'] } }), all);
    expect(two.total).toBe(finance.total + search.search(query('', { filters: { domain: ['sales'] } }), all).total);
    const piiFinance = search.search(query('', { filters: { domain: ['finance'], classification: ['pii'] } }), all);
    expect(piiFinance.total).toBeLessThanOrEqual(finance.total);
    expect(piiFinance.facets.classification.find((f) => f.value === 'pii')?.count).toBe(piiFinance.total);
  });

  it('filters by freshness from the callback', () => {
    const fresh = createCatalogSearch(model, { freshness: (id) => (id.startsWith('sales.') ? 'fresh' : 'stale') });
    const results = fresh.search(query('', { filters: { freshness: ['fresh'] } }), all);
    expect(results.items.every((i) => i.id.startsWith('sales.'))).toBe(true);
    expect(results.facets.freshness).toEqual([{ value: 'fresh', count: results.total }]);
  });

  it('ranks a documented product above an undocumented one that matches as well', () => {
    const products = new Map(model.products);
    for (const p of [synthetic('bare-parcels', 'Parcel ledger', false), synthetic('parcels', 'Parcel ledger', true)]) {
      products.set(p.id, p);
    }
    const index = createCatalogSearch({ ...model, products });
    const found = index.search(query('parcel ledger'), all).items;
    const [documented, bare] = ['test.parcels', 'test.bare-parcels'].map((id) => found.findIndex((i) => i.id === id));
    expect(documented).toBeGreaterThanOrEqual(0);
    expect(documented).toBeLessThan(bare!);
    expect(found[documented!]!.score).toBeGreaterThan(found[bare!]!.score);
  });

  it('lets a quality callback (the health scorecard) reorder the results', () => {
    const favour360 = createCatalogSearch(model, {
      quality: (id) => (id === 'support.churn-risk' ? 1 : 0),
      qualityWeight: 10,
    });
    expect(favour360.search(query('customer'), all).items[0]!.id).toBe('support.churn-risk');
  });

  it('shows only what the principal may discover, in totals and facets too', () => {
    const noCustomers = (id: string) => !id.startsWith('customers.');
    const results = search.search(query('customer'), noCustomers);
    expect(results.items.some((i) => i.id.startsWith('customers.'))).toBe(false);
    expect(results.facets.domain.some((f) => f.value === 'customers')).toBe(false);
    expect(search.search(query(''), () => false)).toMatchObject({ total: 0, items: [] });
  });

  it('pages after filtering, in a stable order', () => {
    const everything = search.search(query('', { limit: 100 }), all).items.map((i) => i.id);
    const pages = [0, 5, 10, 15].flatMap((offset) => ids('', { limit: 5, offset }));
    expect(pages).toEqual(everything);
  });
});

describe('text scoring and top-k', () => {
  it('scores exactly as MiniSearch search does (guards a minisearch upgrade)', () => {
    const options = {
      boost: { name: 6, columns: 1 },
      fuzzy: (t: string) => (t.length >= 4 ? 0.2 : false),
      maxFuzzy: 2,
      prefix: (t: string) => t.length >= 3,
    };
    const make = () => {
      const index = new MiniSearch<Record<string, unknown>>({ idField: 'i', fields: [...SEARCH_FIELDS] });
      [...model.products.values()].forEach((p, i) => index.add({ i, ...searchDocumentText(model, p) }));
      return index;
    };
    const reference = make();
    const scorer = new TextScorer(make(), (id) => id as number, { fields: SEARCH_FIELDS, ...options });
    for (const text of ['customer', 'custmer', 'ord', 'revenue segment', 'revenue zzzqqq', 'client']) {
      let expected = reference.search(text, { ...options, combineWith: 'AND' });
      if (expected.length === 0) expected = reference.search(text, { ...options, combineWith: 'OR' });
      const found = scorer.score(text);
      expect(found.count).toBe(expected.length);
      for (const r of expected) {
        expect(found.score(r.id as number)).toBeCloseTo(r.score, 9);
        const fields = SEARCH_FIELDS.filter((_, f) => (found.fields(r.id as number) & (1 << f)) !== 0);
        expect(fields.sort()).toEqual([...new Set(Object.values(r.match).flat())].sort());
      }
    }
  });

  it('keeps the best k positions, ties in the given order', () => {
    const scores = Float64Array.from([1, 5, 3, 5, 0, 2, 5]);
    expect(topPositions(scores.length, 3, scores, (a, b) => a > b)).toEqual([6, 3, 1]);
    expect(topPositions(scores.length, 10, scores, (a, b) => a < b)).toEqual([1, 3, 6, 2, 5, 0, 4]);
    expect(topPositions(scores.length, 0, scores, () => true)).toEqual([]);
  });
});

describe('search requests', () => {
  it('accepts repeated and comma-separated facet values', () => {
    expect(searchQueryFrom({ q: ' orders ', tag: ['a,b', 'c'], limit: 5 })).toEqual({
      text: 'orders',
      filters: { tag: ['a', 'b', 'c'] },
      limit: 5,
      offset: 0,
    });
  });

  it.each([
    [{ q: 'x'.repeat(201) }, 'MW5801'],
    [{ limit: 0 }, 'MW5802'],
    [{ limit: 101 }, 'MW5802'],
    [{ offset: -1 }, 'MW5802'],
    [{ archetype: 'mart' }, 'MW5803'],
    [{ freshness: ['fresh', 'old'] }, 'MW5803'],
    [{ status: 'live' }, 'MW5803'],
  ])('refuses %j with %s', (request, code) => {
    expect(() => searchQueryFrom(request)).toThrow(expect.objectContaining({ code }));
  });
});
