// `npm run bench`: every benchmark, each printing its figures and its ratio to a baseline
// measured in the same run. Pass a name to run one: `npm run bench -- validate`.
import { dagBench, publishBench } from './publish-bench.js';
import { validateBench } from './validate-bench.js';

const benches = {
  validate: () => validateBench({ products: Number(process.env.BENCH_PRODUCTS ?? 10_000) }),
  publish: () => publishBench({ rows: Number(process.env.BENCH_ROWS ?? 10_000_000) }),
  dag: () => dagBench({ products: Number(process.env.BENCH_DAG_PRODUCTS ?? 200) }),
};

const only = process.argv[2];
for (const [name, run] of Object.entries(benches)) {
  if (only && only !== name) continue;
  console.log(`\n# ${name}`);
  await run();
}
