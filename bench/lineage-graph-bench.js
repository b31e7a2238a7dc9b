// Benchmark (issue 8): the lineage graph at 100,000 nodes and 300,000 edges. A generated mesh
// in layers — source products reading a CSV, then products reading 1–3 ports of earlier layers
// (popular ports read more: fan-in and fan-out) — each output column computed from 1–6 input
// columns (popular columns more often) and each port's rows decided by 6 input columns, as the
// runs' recorded column lineage. Reports the build (model + recorded lineage, as a server start
// does) with its time and memory, then the downstream impact of root nodes (columns and ports of
// source products, CSV columns) p50/p95, against two baselines over the same edges in the same
// run: a naive BFS over Map<string, string[]>, and a recursive CTE in SQLite (in memory, indexed).
import Database from 'better-sqlite3';
import { percentile, ms, table } from './stats.js';
import { random } from './seeded-random.js';

const LAYERS = 6;
const COLUMNS = 45;
const FILE_COLUMNS = 40;
const ROW_DEPENDENCIES = 6;
const VALUE_TRANSFORMS = ['direct', 'direct', 'expression', 'expression', 'aggregate', 'masked'];
const ROW_TRANSFORMS = ['filter', 'join', 'group'];

/** Products in layers, and the PipelineLineage each one's run would record. */
function generateMesh(productCount) {
  const rand = random(8);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  // Low indices (ids, keys) are read far more often than the rest.
  const popular = (n) => Math.floor(n * rand() * rand());
  const perLayer = Math.ceil(productCount / LAYERS);
  const products = new Map();
  const lineages = [];
  const earlier = [];
  for (let i = 0; i < productCount; i++) {
    const layer = Math.floor(i / perLayer);
    const domain = `d${i % 40}`;
    const id = `${domain}.p${i}`;
    const columns = Array.from({ length: COLUMNS }, (_, c) => ({ name: `c${c}` }));
    let inputs;
    let lineageInputs;
    if (layer === 0) {
      inputs = [{ name: 'raw', kind: 'file', path: 'data/src.csv', format: 'csv' }];
      lineageInputs = [{ name: 'raw', kind: 'file', location: 'data/src.csv', width: FILE_COLUMNS }];
    } else {
      const upstream = new Set();
      const wanted = 1 + Math.floor(rand() * 3);
      while (upstream.size < wanted) upstream.add(earlier[popular(earlier.length)]);
      inputs = [...upstream].map((up, k) => ({
        name: `in${k}`,
        kind: 'product',
        product: up,
        port: 'out',
        majorVersion: 1,
      }));
      lineageInputs = inputs.map((input) => ({
        name: input.name,
        kind: 'product',
        product: input.product,
        port: 'out',
        major: 1,
        width: COLUMNS,
      }));
    }
    const source = () => {
      const input = pick(lineageInputs);
      return {
        relation: input.name,
        column: input.kind === 'file' ? `f${popular(input.width)}` : `c${popular(input.width)}`,
      };
    };
    const outputColumns = columns.map((column) => {
      const sources = new Map();
      const wanted = 1 + Math.floor(rand() * 6);
      for (let tries = 0; sources.size < wanted && tries < 20; tries++) {
        const s = source();
        sources.set(`${s.relation}.${s.column}`, { ...s, transform: pick(VALUE_TRANSFORMS) });
      }
      return { column: column.name, sources: [...sources.values()] };
    });
    const rows = Array.from({ length: ROW_DEPENDENCIES }, () => ({ ...source(), transform: pick(ROW_TRANSFORMS) }));
    products.set(id, {
      id,
      domain,
      name: `p${i}`,
      directory: `domains/${domain}/p${i}`,
      ownerTeam: `${domain}-team`,
      outputPorts: [
        {
          name: 'out',
          version: '1.0.0',
          major: 1,
          contractId: `${id}.out`,
          contract: { tables: [{ name: 'out', columns }] },
        },
      ],
      inputPorts: [],
      pipeline: { file: 'pipeline.yaml', definition: { inputs } },
    });
    lineages.push({
      productId: id,
      runId: '00000000-0000-4000-8000-000000000000',
      recordedAt: '2026-01-01T00:00:00.000Z',
      lineage: {
        productId: id,
        inputs: lineageInputs.map(({ width: _width, ...input }) => input),
        outputs: [{ port: 'out', major: 1, from: 'out', columns: outputColumns, rows, unresolved: [] }],
        unresolved: [],
      },
    });
    if (layer < LAYERS - 1) earlier.push(id);
  }
  const model = {
    name: 'bench',
    config: {},
    teams: new Map(),
    users: new Map(),
    serviceAccounts: new Map(),
    domains: new Map(),
    products,
  };
  return { model, lineages };
}

/** What a server start reads from the store: the recorded lineage, and no OpenLineage events. */
function storeOf(lineages) {
  return {
    listLatestPipelineLineage: async () => lineages,
    listLineageEvents: async () => ({ items: [] }),
  };
}

/** The graph's edges as plain lists, for the baselines (the same edges the graph walks). */
function edgeList(graph) {
  const from = [];
  const to = [];
  for (let node = 0; node < graph.nodeCount; node++) {
    for (const edge of graph.outEdges(node)) {
      from.push(node);
      to.push(graph.edgeTo(edge));
    }
  }
  return { from, to };
}

/** Where a walk starts: the node, and a port's columns (as impact does). */
function startRefs(graph, ref) {
  const node = graph.find(ref);
  const columns = graph.kindOf(node) === 1 ? graph.childrenOf(node).filter((c) => graph.kindOf(c) === 2) : [];
  return [node, ...columns].map((n) => graph.refOf(n));
}

/** The baseline walk: BFS over string keys, then the reached nodes with their distance, nearest first. */
function naiveImpact(adjacency, starts) {
  const distance = new Map(starts.map((ref) => [ref, 0]));
  const queue = [...starts];
  for (let head = 0; head < queue.length; head++) {
    const next = distance.get(queue[head]) + 1;
    for (const ref of adjacency.get(queue[head]) ?? []) {
      if (!distance.has(ref)) {
        distance.set(ref, next);
        queue.push(ref);
      }
    }
  }
  return [...distance]
    .map(([ref, d]) => ({ ref, distance: d }))
    .sort((a, b) => a.distance - b.distance || (a.ref < b.ref ? -1 : 1));
}

export async function lineageGraphBench({ products = 1_910, roots = 240, sqlRoots = 60 } = {}) {
  const server = await import('@meshwork/server');
  const { model, lineages } = generateMesh(products);
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const graph = await server.loadLineageGraph(model, storeOf(lineages));
  const buildMs = performance.now() - started;
  globalThis.gc?.();
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
  const rssMb = process.memoryUsage().rss / 1024 / 1024;

  // Roots: columns and ports of source products, and columns of the CSVs they read.
  const rand = random(42);
  const sources = [...model.products.values()].slice(0, Math.ceil(products / LAYERS));
  const rootRefs = Array.from({ length: roots }, (_, i) => {
    // Popular sources are picked more often, as people ask about the products many depend on.
    const product = sources[Math.floor(sources.length * rand() * rand())];
    const column = Math.floor(rand() * rand() * COLUMNS);
    if (i % 4 === 0) return `${product.id}.out@1`;
    if (i % 4 === 1) {
      // Only the CSV columns some lineage reads exist as nodes.
      const read = graph.childrenOf(graph.find(`file:${product.directory}/data/src.csv`));
      return graph.refOf(read[Math.floor(rand() * read.length)]);
    }
    return `${product.id}.out@1.c${column}`;
  });
  // Warm-up (JIT, the graph's scratch arrays), not measured.
  for (const ref of rootRefs.slice(0, 20)) server.downstreamImpact(graph, ref);
  const indexed = [];
  const reach = [];
  for (const ref of rootRefs) {
    const t = performance.now();
    const impact = server.downstreamImpact(graph, ref);
    indexed.push(performance.now() - t);
    reach.push(impact.ports.length + impact.columns.length);
  }

  // The most-read source ports (the generator favours the first products): the heaviest impacts.
  const hubRefs = sources.slice(0, 20).map((product) => `${product.id}.out@1`);
  const hubs = [];
  for (const ref of hubRefs) {
    const t = performance.now();
    server.downstreamImpact(graph, ref);
    hubs.push(performance.now() - t);
  }

  const { from, to } = edgeList(graph);
  const adjacency = new Map();
  for (let i = 0; i < from.length; i++) {
    const key = graph.refOf(from[i]);
    const list = adjacency.get(key);
    if (list) list.push(graph.refOf(to[i]));
    else adjacency.set(key, [graph.refOf(to[i])]);
  }
  const naiveHubs = hubRefs.map((ref) => {
    const t = performance.now();
    naiveImpact(adjacency, startRefs(graph, ref));
    return performance.now() - t;
  });
  const naive = [];
  const naiveReach = [];
  for (const ref of rootRefs) {
    const starts = startRefs(graph, ref);
    const t = performance.now();
    naiveReach.push(naiveImpact(adjacency, starts).length);
    naive.push(performance.now() - t);
  }
  // Same semantics check: the lineage walk (all lineage is resolved here) reaches what the naive BFS does.
  const sameReach = rootRefs
    .slice(0, 20)
    .every(
      (ref, i) =>
        server.queryLineage(graph, ref, { direction: 'downstream', depth: 50, columns: true, maxNodes: 10_000_000 })
          .nodes.length === naiveReach[i],
    );

  const db = new Database(':memory:');
  db.exec('CREATE TABLE edges (src INTEGER NOT NULL, dst INTEGER NOT NULL); ');
  const insert = db.prepare('INSERT INTO edges VALUES (?, ?)');
  db.transaction(() => {
    for (let i = 0; i < from.length; i++) insert.run(from[i], to[i]);
  })();
  db.exec('CREATE INDEX edges_src ON edges (src, dst)');
  // The same walk in SQL: every path up to depth 50, the shortest distance per node, nearest first.
  const cte = db.prepare(
    `WITH RECURSIVE reached(node, distance) AS (
       SELECT value, 0 FROM json_each(?)
       UNION SELECT e.dst, r.distance + 1 FROM edges e JOIN reached r ON e.src = r.node WHERE r.distance < 50)
     SELECT node, min(distance) AS distance FROM reached GROUP BY node ORDER BY distance, node`,
  );
  const sql = [];
  for (const ref of rootRefs.slice(0, sqlRoots)) {
    const starts = startRefs(graph, ref).map((r) => graph.find(r));
    const t = performance.now();
    cte.all(JSON.stringify(starts));
    sql.push(performance.now() - t);
  }
  db.close();

  const [p50, p95] = [percentile(indexed, 50), percentile(indexed, 95)];
  const [n50, n95] = [percentile(naive, 50), percentile(naive, 95)];
  const [s50, s95] = [percentile(sql, 50), percentile(sql, 95)];
  console.log(
    `  ${products} products in ${LAYERS} layers × ${COLUMNS} columns: ${graph.nodeCount.toLocaleString('en')} nodes, ${graph.edgeCount.toLocaleString('en')} edges`,
  );
  console.log(
    `  build ${ms(buildMs)} ms (model + recorded lineage), heap +${heapMb.toFixed(0)} MB, RSS ${rssMb.toFixed(0)} MB${globalThis.gc ? '' : ' (approximate: run node --expose-gc)'}`,
  );
  console.log(
    `  impact per root: median ${percentile(reach, 50)} ports + columns (max ${Math.max(...reach)}); nodes reached median ${percentile(naiveReach, 50)}; lineage walk reaches what the naive BFS does: ${sameReach ? 'yes' : 'NO'}`,
  );
  console.log(
    table(
      ['p50 ms', 'p95 ms', 'roots', 'what'],
      [
        [ms(p50), ms(p95), roots, 'downstreamImpact (typed adjacency, results shaped) — target p95 < 100 ms'],
        [ms(n50), ms(n95), roots, 'baseline: naive BFS over Map<string, string[]>, nodes by distance'],
        [
          ms(percentile(hubs, 50)),
          ms(percentile(hubs, 95)),
          hubRefs.length,
          'downstreamImpact of the 20 most-read source ports',
        ],
        [
          ms(percentile(naiveHubs, 50)),
          ms(percentile(naiveHubs, 95)),
          hubRefs.length,
          'baseline: naive BFS, the same 20 ports',
        ],
        [ms(s50), ms(s95), sqlRoots, 'baseline: recursive CTE in SQLite (indexed), nodes by shortest distance'],
      ],
    ),
  );
  const hubRatio = percentile(naiveHubs, 50) / percentile(hubs, 50);
  console.log(
    `  ratio baseline/impact: naive p50 ${(n50 / p50).toFixed(1)}×, p95 ${(n95 / p95).toFixed(1)}×, hubs p50 ${hubRatio.toFixed(1)}×; SQLite p50 ${(s50 / p50).toFixed(1)}×, p95 ${(s95 / p95).toFixed(1)}×`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await lineageGraphBench();
