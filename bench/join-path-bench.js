// Benchmark (issue 7): join-path search in the knowledge graph of a generated catalog of N
// products (30 columns each; each product is about one of E entities — its identifier is the
// primary key — and references 3 others, plus 2 attributes of its own entity), built in memory.
// Reports the index build time and memory, then join-path search p50/p95 for random product
// pairs (maxHops 3) against a baseline in the same run: an unindexed BFS that scans every
// product at each hop to find those sharing an identifier with the frontier.
import { percentile, ms, table } from './stats.js';
import { random } from './seeded-random.js';

const COLUMNS = 30;

function glossary(entities) {
  const map = new Map();
  for (let e = 0; e < entities; e++) {
    const name = `Entity${e}`;
    map.set(name, {
      name,
      urn: `urn:meshwork:glossary:${name}`,
      description: '',
      synonyms: [],
      file: 'glossary/bench.yaml',
      identifiers: [{ name: 'id', logicalType: 'string' }],
      attributes: [
        { name: 'label', logicalType: 'string' },
        { name: 'group', logicalType: 'string' },
      ],
      relations: [],
    });
  }
  return { entities: map, terms: new Map(), metrics: new Map(), files: [] };
}

function catalog(products, entities) {
  const rand = random(7);
  const map = new Map();
  for (let i = 0; i < products; i++) {
    const domain = `d${i % 200}`;
    const name = `p${i}`;
    const own = i % entities;
    const refs = new Set();
    while (refs.size < 3) {
      const r = Math.floor(rand() * entities);
      if (r !== own) refs.add(r);
    }
    const columns = [];
    const col = (colName, terms, primaryKey = false) =>
      columns.push({
        name: colName,
        logicalType: 'string',
        required: primaryKey,
        unique: primaryKey,
        primaryKey,
        terms,
      });
    col('id', [`Entity${own}.id`], true);
    for (const r of refs) col(`entity${r}_id`, [`Entity${r}.id`]);
    col('label', [`Entity${own}.label`]);
    col('grp', [`Entity${own}.group`]);
    while (columns.length < COLUMNS) col(`c${columns.length}`, []);
    const contract = {
      id: name,
      version: '1.0.0',
      file: `domains/${domain}/${name}/${name}.odcs.yaml`,
      tables: [{ name, columns }],
      document: { schema: [] },
    };
    const port = { name, version: '1.0.0', major: 1, contract };
    const id = `${domain}.${name}`;
    map.set(id, {
      id,
      urn: `urn:meshwork:${domain}:${name}`,
      domain,
      name,
      title: name,
      outputPorts: [port],
      tags: [],
    });
  }
  return map;
}

/** The baseline: BFS over products, scanning the whole catalog at every hop. */
function unindexedShortestPath(products, from, to, maxHops) {
  const idsOf = (p) => {
    const ids = new Set();
    for (const c of p.outputPorts[0].contract.tables[0].columns)
      for (const t of c.terms) if (t.endsWith('.id')) ids.add(t);
    return ids;
  };
  const seen = new Set([from]);
  let frontier = [products.get(from)];
  for (let hop = 1; hop <= maxHops; hop++) {
    const frontierIds = new Set(frontier.flatMap((p) => [...idsOf(p)]));
    const next = [];
    for (const p of products.values()) {
      if (seen.has(p.id)) continue;
      let shares = false;
      for (const id of idsOf(p)) if (frontierIds.has(id)) shares = true;
      if (!shares) continue;
      if (p.id === to) return hop;
      seen.add(p.id);
      next.push(p);
    }
    frontier = next;
  }
  return undefined;
}

export async function joinPathBench({ products = 100_000, entities = 36, queries = 200, baselineQueries = 20 } = {}) {
  const core = await import('@meshwork/core');
  const generated = catalog(products, entities);
  const model = {
    name: 'bench',
    config: {},
    teams: new Map(),
    users: new Map(),
    serviceAccounts: new Map(),
    domains: new Map(),
    products: generated,
    glossary: glossary(entities),
  };
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const index = core.buildKnowledgeIndex(model);
  const buildMs = performance.now() - started;
  globalThis.gc?.();
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;

  const ids = [...generated.keys()];
  const rand = random(42);
  const pick = () => ids[Math.floor(rand() * ids.length)];
  const pairs = Array.from({ length: queries }, () => [pick(), pick()]);
  const indexed = [];
  let found = 0;
  for (const [from, to] of pairs) {
    const t = performance.now();
    const result = core.joinPaths(index, from, to, { maxHops: 3 });
    indexed.push(performance.now() - t);
    if (result.paths.length > 0) found++;
  }
  const baseline = [];
  for (const [from, to] of pairs.slice(0, baselineQueries)) {
    const t = performance.now();
    unindexedShortestPath(generated, from, to, 3);
    baseline.push(performance.now() - t);
  }
  const entityT = performance.now();
  const describing = core.productsDescribing(index, 'Entity0');
  const entityMs = performance.now() - entityT;

  const p50 = percentile(indexed, 50);
  const p95 = percentile(indexed, 95);
  const b50 = percentile(baseline, 50);
  const b95 = percentile(baseline, 95);
  console.log(
    `  ${products} products × ${COLUMNS} columns, ${entities} entities; ${index.bindings.length} bindings, ${index.bridges.size} bridge lists`,
  );
  console.log(
    `  index build ${ms(buildMs)} ms, heap +${heapMb.toFixed(0)} MB${globalThis.gc ? '' : ' (approximate: run node --expose-gc)'}`,
  );
  console.log(`  productsDescribing(Entity0): ${describing.length} products in ${ms(entityMs)} ms`);
  console.log(
    table(
      ['p50 ms', 'p95 ms', 'queries', 'what'],
      [
        [
          ms(p50),
          ms(p95),
          queries,
          `joinPaths maxHops 3 (indexed; ${found}/${queries} with a path) — target p95 < 100 ms`,
        ],
        [
          ms(b50),
          ms(b95),
          baselineQueries,
          'baseline: unindexed BFS scanning all products per hop (shortest hop count only)',
        ],
      ],
    ),
  );
  console.log(`  ratio baseline/indexed p50: ${(b50 / p50).toFixed(1)}×`);
}

if (import.meta.url === `file://${process.argv[1]}`)
  await joinPathBench({ products: Number(process.env.BENCH_PRODUCTS ?? 100_000) });
