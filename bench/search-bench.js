// Benchmark (issue 7): catalog search over a generated catalog of N products with 30 columns
// each, built in memory as mesh-model objects (the loader is not what is measured; the catalog's
// distribution is in search-catalog.js and printed). Reports the index build time, heap and RSS,
// and search p50/p95 over a few hundred varied queries (common, theme and rare words, typos,
// prefixes, two words, synonyms, facet filters, browsing), per kind too, against a baseline in the
// same run: a linear lower-case `includes` scan over the same documents' text (exact words only).
import { describeDistribution, generateCatalog, generateQueries } from './search-catalog.js';
import { median, ms, percentile, table } from './stats.js';

export { generateCatalog };

function memory() {
  globalThis.gc?.();
  const { heapUsed, rss } = process.memoryUsage();
  return { heap: heapUsed / 2 ** 20, rss: rss / 2 ** 20 };
}

export async function searchBench({ products = 100_000, queryCount = 400 } = {}) {
  const { createCatalogSearch } = await import('@meshwork/server');
  let started = performance.now();
  const model = generateCatalog(products);
  console.log(`  generated ${products} products × 30 columns in memory in ${ms(performance.now() - started)} ms`);
  console.log(describeDistribution());
  const before = memory();
  started = performance.now();
  const search = createCatalogSearch(model, { freshness: (id) => (id.length % 3 === 0 ? 'fresh' : 'stale') });
  const buildMs = performance.now() - started;
  const after = memory();
  console.log(
    `  index built in ${(buildMs / 1000).toFixed(1)} s (target < 60 s); heap +${(after.heap - before.heap).toFixed(0)} MiB ` +
      `(${after.heap.toFixed(0)} MiB total), RSS ${after.rss.toFixed(0)} MiB`,
  );

  // Visibility as the server asks it: a decision per product id (here one domain in ten is hidden).
  const visible = (id) => !id.startsWith('domain-7.');
  const list = generateQueries(queryCount, model.vocabulary);
  for (const { query } of list.slice(0, 20)) search.search(query, visible); // warm-up
  const times = [];
  const byKind = new Map();
  let hits = 0;
  for (const { kind, query } of list) {
    const t = performance.now();
    const total = search.search(query, visible).total;
    const elapsed = performance.now() - t;
    times.push(elapsed);
    hits += total;
    const k = byKind.get(kind) ?? { times: [], totals: [] };
    k.times.push(elapsed);
    k.totals.push(total);
    byKind.set(kind, k);
  }

  // Baseline: the same documents' text, lower-cased, scanned with `includes` for every word.
  const texts = [...model.products.values()].map((p) =>
    [
      p.id,
      p.title,
      p.description,
      ...p.tags,
      ...p.outputPorts.flatMap((o) => o.contract.tables[0].columns.map((c) => `${c.name} ${c.description ?? ''}`)),
    ]
      .join(' ')
      .toLowerCase(),
  );
  const ids = [...model.products.keys()];
  const baseline = [];
  let scanned = 0;
  for (const { query } of list.slice(0, 100)) {
    const words = query.text.toLowerCase().split(/\s+/).filter(Boolean);
    const t = performance.now();
    for (let i = 0; i < texts.length; i++) if (words.every((w) => texts[i].includes(w)) && visible(ids[i])) scanned++;
    baseline.push(performance.now() - t);
  }
  const rows = [
    ...[...byKind].map(([kind, k]) => [
      ms(median(k.times)),
      ms(percentile(k.times, 95)),
      ms(Math.max(...k.times)),
      k.times.length,
      `${median(k.totals)} (${Math.min(...k.totals)}–${Math.max(...k.totals)})`,
      `  ${kind}`,
    ]),
    ['', '', '', '', '', ''],
    [
      ms(median(times)),
      ms(percentile(times, 95)),
      ms(Math.max(...times)),
      times.length,
      Math.round(hits / list.length),
      'meshwork (MiniSearch), all queries',
    ],
    [
      ms(median(baseline)),
      ms(percentile(baseline, 95)),
      ms(Math.max(...baseline)),
      baseline.length,
      Math.round(scanned / baseline.length),
      'baseline includes scan',
    ],
  ];
  console.log(table(['p50 ms', 'p95 ms', 'max ms', 'queries', 'matches: median (range)', 'search'], rows));
  console.log(
    `  ${(median(baseline) / median(times)).toFixed(1)}× faster than the scan at p50, ` +
      `${(percentile(baseline, 95) / percentile(times, 95)).toFixed(1)}× at p95 (targets: p50 < 10 ms, p95 < 30 ms)`,
  );
}
