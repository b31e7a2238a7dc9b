// Benchmark: the mesh map's aggregate answer (`GET /api/v1/mesh-map`) at 100,000 products. A
// generated mesh of N products in D domains (one in five a sub-domain), each product reading
// 0–3 earlier products (popular ones more often, a third across domains), built in memory as
// mesh-model objects; its lineage graph built by the lineage context's own loader; the real
// authorizer on Cedar policies that hide one domain from the bench's consumer. Reports the
// index build (once per model or lineage change), then p50/p95 of the domain-level answer and
// of a drill-down into one domain (discover decisions, the answer, JSON), and the baseline in the
// same run: what the portal's old way cost the server for that one domain — per product its
// health scorecard and its downstream lineage at depth 1, as JSON (1 + 2 × products requests
// without the HTTP round trips, so the ratio is a floor).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ms, percentile, table } from './stats.js';
import { random } from './seeded-random.js';

const ARCHETYPES = ['source-aligned', 'aggregate', 'consumer-aligned'];
const domainName = (d) => `d${String(d).padStart(3, '0')}`;

/** The model objects the map, the lineage loader and the authorizer read. */
export function generateMeshMapModel(productCount, domainCount) {
  const rand = random(11);
  const domains = new Map();
  for (let d = 0; d < domainCount; d++) {
    const name = domainName(d);
    const parent = d % 5 === 0 ? undefined : domainName(d - (d % 5));
    domains.set(name, {
      name,
      title: name,
      owner: `${name}-team`,
      parent,
      tags: [],
      file: `domains/${name}/domain.yaml`,
    });
  }
  const teams = new Map([...domains.keys()].map((d) => [`${d}-team`, { id: `${d}-team`, name: d, members: [] }]));
  const ids = [];
  const products = [];
  for (let i = 0; i < productCount; i++) {
    const domain = domainName(i % domainCount);
    const id = `${domain}.p${i}`;
    const inputs = [];
    const wanted = i < domainCount ? 0 : Math.floor(rand() * 4);
    for (let k = 0; k < wanted; k++) {
      // Mostly a recent product of the same domain; a third of the time one of a few neighbouring
      // domains (domains read their neighbours, not the whole mesh).
      const offset = rand() < 0.66 ? 0 : 1 + Math.floor(rand() * 4);
      const upstream = ids[i - domainCount * (1 + Math.floor(rand() * 20)) - offset];
      if (upstream && !inputs.some((input) => input.product === upstream)) {
        inputs.push({ name: `in${k}`, kind: 'product', product: upstream, port: 'out', majorVersion: 1 });
      }
    }
    ids.push(id);
    products.push({
      id,
      urn: `urn:meshwork:${domain}:p${i}`,
      domain,
      name: `p${i}`,
      title: `p${i}`,
      descriptorId: id,
      status: 'active',
      archetype: ARCHETYPES[i % 3],
      tags: [],
      directory: `domains/${domain}/p${i}`,
      inputPorts: [],
      outputPorts: [
        {
          name: 'out',
          version: '1.0.0',
          major: 1,
          contractId: `${id}.out`,
          contract: {
            id: `${id}.out`,
            version: '1.0.0',
            status: 'active',
            tables: [{ name: 'out', columns: [{ name: 'id', classification: 'internal', terms: [] }] }],
            document: {},
          },
        },
      ],
      contracts: [],
      pipeline: { file: 'pipeline.yaml', definition: { inputs } },
      dependsOn: inputs.map((input) => input.product),
    });
  }
  products.sort((a, b) => (a.id < b.id ? -1 : 1));
  return {
    name: 'mesh-map-bench',
    config: {},
    teams,
    users: new Map(),
    serviceAccounts: new Map(),
    domains,
    products: new Map(products.map((p) => [p.id, p])),
    glossary: { entities: new Map(), terms: new Map(), metrics: new Map() },
  };
}

/** Everyone discovers everything, except domain d003 and its products: only its own team. */
export const MESH_MAP_POLICIES = `@id("discover-all")
permit (principal, action == Meshwork::Action::"discover", resource);

@id("d003-hidden")
forbid (principal, action == Meshwork::Action::"discover", resource in Meshwork::Domain::"d003")
unless { principal in Meshwork::Team::"d003-team" };
`;

const ANA = {
  kind: 'user',
  id: 'ana',
  teams: [],
  groups: [],
  roles: ['consumer'],
  attributes: {},
  authenticatedBy: 'bench',
};

export async function meshMapBench({ products = 100_000, domains = 100, rounds = 30 } = {}) {
  const server = await import('@meshwork/server');
  let started = performance.now();
  const model = generateMeshMapModel(products, domains);
  console.log(
    `  generated ${products.toLocaleString('en')} products in ${domains} domains in ${ms(performance.now() - started)} ms`,
  );

  const noStore = { listLatestPipelineLineage: async () => [], listLineageEvents: async () => ({ items: [] }) };
  started = performance.now();
  const graph = await server.loadLineageGraph(model, noStore);
  console.log(
    `  lineage graph (the server's loader): ${graph.nodeCount.toLocaleString('en')} nodes, ${graph.edgeCount.toLocaleString('en')} edges in ${ms(performance.now() - started)} ms`,
  );

  const dir = await mkdtemp(join(tmpdir(), 'meshwork-mesh-map-bench-'));
  try {
    await mkdir(join(dir, 'policies/access'), { recursive: true });
    await writeFile(join(dir, 'policies/access/mesh.cedar'), MESH_MAP_POLICIES);
    const { authorizer, diagnostics } = server.loadAccessPolicies(dir, model);
    if (diagnostics.some((d) => d.severity === 'error')) throw new Error(JSON.stringify(diagnostics));
    const discover = (productId) => authorizer.isAllowed(ANA, 'discover', { kind: 'product', productId }).allowed;
    const visibility = server.createVisibilityCache();

    // Health: a scorecard per product, as the health batch leaves them (a lookup per read).
    const rand = random(5);
    const at = new Date().toISOString();
    const cards = new Map(
      [...model.products.keys()].map((id) => [
        id,
        server.combineHealth(id, [{ name: 'documentation', value: rand(), summary: 'generated', evidence: {} }], at),
      ]),
    );
    const scores = new Map([...cards].map(([id, card]) => [id, card.score]));
    const health = { scores: () => scores, scorecard: async (id) => cards.get(id) };

    started = performance.now();
    const cache = server.createMeshMapCache({ model, lineage: { graph }, health });
    const state = await cache.current();
    const buildMs = performance.now() - started;
    console.log(
      `  mesh map index: ${state.index.feeds.length.toLocaleString('en')} product edges, built in ${ms(buildMs)} ms (once per model, lineage or health batch change)`,
    );

    // A principal's first request asks the authorizer about every product; later ones reuse it.
    started = performance.now();
    visibility.visible(state.index, authorizer, ANA);
    console.log(
      `  first request of a principal: ${ms(performance.now() - started)} ms of discover decisions (${products.toLocaleString('en')}), remembered for its next requests`,
    );

    const drill = domainName(7);
    const drillIds = state.index.productIds.slice(state.index.domainStart[7], state.index.domainStart[8]);
    const whole = async () => {
      const s = await cache.current();
      return JSON.stringify(server.meshMapAnswer(s, visibility.visible(s.index, authorizer, ANA), 1500)).length;
    };
    const drillDown = async () => {
      const s = await cache.current();
      return JSON.stringify(server.domainAnswer(s, visibility.visible(s.index, authorizer, ANA), 7, 1500)).length;
    };
    // The old way, server-side, for the same domain: per product a discover check, the health
    // scorecard and the downstream lineage at depth 1, each answered as JSON.
    const access = {
      discover,
      seeConsumers: (productId) => authorizer.isAllowed(ANA, 'approve', { kind: 'product', productId }).allowed,
    };
    const baseline = async () => {
      let bytes = 0;
      for (const id of drillIds) {
        if (!discover(id)) continue;
        bytes += JSON.stringify(await health.scorecard(id)).length;
        bytes += JSON.stringify(server.queryLineage(graph, id, { direction: 'downstream', depth: 1 }, access)).length;
      }
      return bytes;
    };

    const sides = {
      'domain level (whole mesh)': whole,
      [`drill-down into ${drill}`]: drillDown,
      [`baseline: old per-product calls for ${drill}`]: baseline,
    };
    const times = Object.fromEntries(Object.keys(sides).map((k) => [k, []]));
    const bytes = {};
    for (const run of Object.values(sides)) await run(); // warm-up
    // Alternate the sides round by round, so load on a shared machine hits them alike.
    for (let round = 0; round < rounds; round++) {
      for (const [name, run] of Object.entries(sides)) {
        const t = performance.now();
        bytes[name] = await run();
        times[name].push(performance.now() - t);
      }
    }
    const whole1 = server.meshMapAnswer(state, visibility.visible(state.index, authorizer, ANA), 1500);
    console.log(
      `  as ana (d003 hidden): ${whole1.visibleProducts.toLocaleString('en')} products visible, ${whole1.hidden} hidden, ${whole1.domains.length} domains, ${whole1.domainEdges.length} domain edges; ${drill} holds ${drillIds.length} products`,
    );
    console.log(
      table(
        ['p50 ms', 'p95 ms', 'JSON bytes', 'what'],
        Object.keys(sides).map((name) => [
          ms(percentile(times[name], 50)),
          ms(percentile(times[name], 95)),
          bytes[name].toLocaleString('en'),
          name,
        ]),
      ),
    );
    const [w, d, b] = Object.keys(sides).map((name) => percentile(times[name], 50));
    console.log(`  drill-down vs baseline for the same domain: ${(b / d).toFixed(1)}× faster at p50`);
    console.log(
      `  whole mesh at domain level vs baseline for one domain: ${(b / w).toFixed(1)}× faster at p50 (the baseline would be ${domains}× that for the whole mesh)`,
    );
    console.log(`  cache: index built ${cache.builds} time(s) over ${rounds * 2 + 2} answers`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await meshMapBench({ products: Number(process.env.BENCH_MESH_MAP_PRODUCTS ?? 100_000) });
}
