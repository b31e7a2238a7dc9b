// `npm run bench`: every benchmark, each printing its figures and its ratio to a baseline
// measured in the same run. Pass a name to run one: `npm run bench -- validate`.
// The gateway benches: `npm run bench -- tpch|gateway|http|wire [--scale 0.1]` (see bench/README.md).
import { authzBench } from './authz-bench.js';
import { gatewayBench } from './gateway-bench.js';
import { governanceBench } from './governance-bench.js';
import { httpQueryBench } from './http-query-bench.js';
import { joinPathBench } from './join-path-bench.js';
import { dagBench, publishBench } from './publish-bench.js';
import { scaleArgument, tpchWorkspace } from './tpch/generate-tpch-workspace.js';
import { validateBench } from './validate-bench.js';
import { searchBench } from './search-bench.js';
import { wireBench } from './wire-bench.js';

// The gateway benches share one TPC-H workspace, cached in bench/.cache/ by scale
// (`--scale 0.1` or BENCH_SCALE; 1 by default).
const scale = scaleArgument();

const benches = {
  validate: () => validateBench({ products: Number(process.env.BENCH_PRODUCTS ?? 10_000) }),
  governance: () => governanceBench({ products: Number(process.env.BENCH_PRODUCTS ?? 10_000) }),
  publish: () => publishBench({ rows: Number(process.env.BENCH_ROWS ?? 10_000_000) }),
  dag: () => dagBench({ products: Number(process.env.BENCH_DAG_PRODUCTS ?? 200) }),
  tpch: async () => {
    const ws = await tpchWorkspace({ scale });
    console.log(
      `  ${ws.cached ? 'cached' : 'built'}: ${ws.root} (generated in ${ws.generateMs} ms, published in ${ws.publishMs} ms)`,
    );
  },
  gateway: () => gatewayBench({ scale, runs: Number(process.env.BENCH_RUNS ?? 5), queries: process.env.BENCH_QUERIES }),
  http: () => httpQueryBench({ scale, rows: Number(process.env.BENCH_HTTP_ROWS ?? 1_000_000) }),
  wire: () => wireBench({ scale, seconds: Number(process.env.BENCH_WIRE_SECONDS ?? 15) }),
  authz: () => authzBench({ decisions: Number(process.env.BENCH_AUTHZ_DECISIONS ?? 200_000) }),
  joinpath: () => joinPathBench({ products: Number(process.env.BENCH_PRODUCTS ?? 100_000) }),
  search: () => searchBench({ products: Number(process.env.BENCH_SEARCH_PRODUCTS ?? 100_000) }),
  'lineage-graph': async () => (await import('./lineage-graph-bench.js')).lineageGraphBench(),
  'lineage-extract': async () => (await import('./lineage-extract-bench.js')).lineageExtractBench(),
  'mesh-map': async () =>
    (await import('./mesh-map-bench.js')).meshMapBench({
      products: Number(process.env.BENCH_MESH_MAP_PRODUCTS ?? 100_000),
    }),
  iceberg: async () =>
    (await import('./iceberg-catalog-bench.js')).icebergCatalogBench({
      tables: Number(process.env.BENCH_ICEBERG_TABLES ?? 10_000),
    }),
  incidents: async () =>
    (await import('./incidents-bench.js')).incidentsBench({
      products: Number(process.env.BENCH_INCIDENTS_PRODUCTS ?? 100_000),
    }),
};

const only = process.argv[2]?.startsWith('--') ? undefined : process.argv[2];
for (const [name, run] of Object.entries(benches)) {
  if (only && only !== name) continue;
  console.log(`\n# ${name}`);
  await run();
}
