// Benchmark (issue 8): column-lineage extraction for a generated pipeline of 1,000 realistic SQL
// steps over four inputs (joins, CTEs, aggregates with FILTER, CASE, windows, QUALIFY, subqueries
// in FROM and WHERE, UNION, hashes), each step reading inputs and earlier steps. Everything is
// bound in DuckDB as a run binds it (inputs as typed views, steps as views), then:
// - total: `extractPipelineLineage` over the whole pipeline, as a run calls it (the bound
//   relations' columns, every step parsed and analysed, the outputs composed to the inputs);
// - per step: one step's work (`json_serialize_sql`, parse, analyse) p50/p95;
// - baseline, in the same run: the bare `SELECT json_serialize_sql(…)` of the same statements.
// The two sides alternate, three rounds each; the median round is reported. Target: total < 5 s.
import { median, ms, percentile, table } from './stats.js';
import { random } from './seeded-random.js';

const STEPS = 1_000;

const INPUTS = {
  orders:
    'order_id VARCHAR, customer_id VARCHAR, product_id VARCHAR, status VARCHAR, channel VARCHAR, amount DECIMAL(12,2), discount DECIMAL(12,2), ordered_at TIMESTAMP, region VARCHAR, items VARCHAR[]',
  customers:
    'customer_id VARCHAR, first_name VARCHAR, last_name VARCHAR, email VARCHAR, country VARCHAR, segment VARCHAR, signup_date DATE',
  tickets: 'ticket_id VARCHAR, customer_id VARCHAR, status VARCHAR, opened_at TIMESTAMP, satisfaction INTEGER',
  products: 'product_id VARCHAR, category VARCHAR, price DECIMAL(12,2), launched DATE',
};

// Every step writes the same five columns, so any later step can read any earlier one.
const TEMPLATES = [
  (r) => `-- revenue per customer, joined and aggregated
SELECT c.customer_id,
  CAST(sum(o.amount - coalesce(o.discount, 0)) AS DOUBLE) AS m1,
  CAST(count(*) FILTER (WHERE o.status = '${r.pick(['paid', 'shipped', 'open'])}') AS DOUBLE) AS m2,
  CASE WHEN sum(o.amount) > ${r.int(100, 5000)} THEN 'gold' WHEN c.segment = '${r.pick(['smb', 'ent', 'consumer'])}' THEN c.segment ELSE 'std' END AS label,
  max(o.ordered_at) AS as_of
FROM customers AS c
JOIN orders AS o ON o.customer_id = c.customer_id
JOIN products AS p ON p.product_id = o.product_id
WHERE o.status NOT IN ('cancelled', 'returned') AND c.country = '${r.pick(['DE', 'FR', 'US', 'JP'])}' AND p.category <> 'gift'
GROUP BY c.customer_id, c.segment
HAVING count(*) > ${r.int(0, 3)}`,
  (r) => `-- latest order per customer from a CTE with windows
WITH ranked AS (
  SELECT customer_id, amount, ordered_at,
    row_number() OVER (PARTITION BY customer_id ORDER BY ordered_at DESC) AS rn,
    sum(amount) OVER (PARTITION BY customer_id ORDER BY ordered_at ROWS BETWEEN ${r.int(1, 5)} PRECEDING AND CURRENT ROW) AS rolling
  FROM orders
  WHERE channel = '${r.pick(['web', 'store', 'app'])}'
)
SELECT customer_id, CAST(rolling AS DOUBLE) AS m1, CAST(amount AS DOUBLE) AS m2, md5(customer_id) AS label, ordered_at AS as_of
FROM ranked
WHERE rn = 1`,
  (r) => `-- an earlier step enriched with support figures
SELECT s.customer_id,
  coalesce(s.m1, 0) + coalesce(t.cnt, 0) AS m1,
  s.m2 / nullif(t.avg_sat, 0) AS m2,
  upper(s.label) AS label,
  greatest(s.as_of, t.last_opened) AS as_of
FROM ${r.step()} AS s
LEFT JOIN (
  SELECT customer_id, CAST(count(*) AS DOUBLE) AS cnt, avg(satisfaction) AS avg_sat, max(opened_at) AS last_opened
  FROM tickets
  WHERE status <> '${r.pick(['spam', 'duplicate'])}'
  GROUP BY ALL
) AS t USING (customer_id)`,
  (r) => `-- two earlier steps stacked, the best row per customer kept
SELECT customer_id, m1, m2, label, as_of
FROM (
  SELECT customer_id, m1, m2, label, as_of FROM ${r.step()}
  UNION ALL
  SELECT customer_id, m1 * ${r.int(2, 9)}, m2, lower(label), as_of FROM ${r.step()}
) AS u
QUALIFY row_number() OVER (PARTITION BY customer_id ORDER BY m1 DESC, as_of) = 1`,
  (r) => `-- customers with open tickets, with a correlated total
SELECT c.customer_id,
  CAST((SELECT sum(o.amount) FROM orders AS o WHERE o.customer_id = c.customer_id) AS DOUBLE) AS m1,
  CAST(length(c.email) AS DOUBLE) AS m2,
  c.first_name || ' ' || c.last_name AS label,
  CAST(c.signup_date AS TIMESTAMP) AS as_of
FROM customers AS c
WHERE c.customer_id IN (SELECT customer_id FROM tickets WHERE status = '${r.pick(['open', 'pending'])}')
  AND EXISTS (SELECT 1 FROM ${r.step()} AS x WHERE x.customer_id = c.customer_id AND x.m1 > ${r.int(1, 500)})
ORDER BY m1 DESC`,
  (r) => `-- an earlier step per region bucket, with CASE and a join back to the orders
WITH base AS (SELECT * FROM ${r.step()}), regions AS (
  SELECT customer_id, any_value(region) AS region, count(DISTINCT product_id) AS products
  FROM orders GROUP BY customer_id
)
SELECT b.customer_id,
  CASE WHEN g.region = '${r.pick(['EU', 'NA', 'APAC'])}' THEN b.m1 * 1.2 ELSE b.m1 END AS m1,
  CAST(g.products AS DOUBLE) + b.m2 AS m2,
  concat_ws('/', b.label, g.region) AS label,
  b.as_of
FROM base AS b JOIN regions AS g ON g.customer_id = b.customer_id`,
];

/** The steps' SQL, deterministic: step i may read inputs and steps 0..i-1 (the first ones inputs only). */
export function generateSteps(count = STEPS, seed = 8) {
  const rand = random(seed);
  const steps = [];
  for (let i = 0; i < count; i++) {
    const r = {
      int: (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1)),
      pick: (list) => list[Math.floor(rand() * list.length)],
      step: () => `s${Math.floor(rand() * i)}`,
    };
    // The first two steps read inputs only; from then on any template may read earlier steps.
    const template = i < 2 ? TEMPLATES[i] : TEMPLATES[Math.floor(rand() * TEMPLATES.length)];
    steps.push({ name: `s${i}`, query: template(r) });
  }
  return steps;
}

export async function lineageExtractBench({ steps: count = STEPS, rounds = 3 } = {}) {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  // The server's own functions, as a run calls them (they are not part of the package's API).
  const { extractPipelineLineage } = await import('../packages/server/dist/lineage/extract-pipeline-lineage.js');
  const { stepLineage } = await import('../packages/server/dist/lineage/extract/step-lineage.js');

  const steps = generateSteps(count);
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const connection = await instance.connect();
  let started = performance.now();
  for (const [name, columns] of Object.entries(INPUTS)) {
    const list = columns.split(/, (?=\w+ )/).map((c) => {
      const [column, ...type] = c.split(' ');
      return `CAST(NULL AS ${type.join(' ')}) AS ${column}`;
    });
    await connection.run(`CREATE TEMP VIEW ${name} AS SELECT ${list.join(', ')} WHERE false`);
  }
  for (const step of steps) await connection.run(`CREATE TEMP VIEW ${step.name} AS\n${step.query}`);
  const lines = steps.reduce((n, s) => n + s.query.split('\n').length, 0);
  console.log(
    `  ${count} steps (${lines} lines of SQL, 6 templates with random parameters) bound in DuckDB in ${ms(performance.now() - started)} ms`,
  );

  const product = {
    id: 'bench.lineage',
    directory: 'domains/bench/lineage',
    outputPorts: [{ name: 'out', major: 1 }],
    pipeline: {
      file: 'pipeline.yaml',
      definition: {
        apiVersion: 'meshwork/v1',
        kind: 'Pipeline',
        inputs: Object.keys(INPUTS).map((name) => ({ name, kind: 'product', product: `bench.${name}`, port: name })),
        steps,
        outputs: steps.slice(-10).map((s) => ({ port: 'out', from: s.name })),
      },
    },
  };
  const relations = new Map(
    [...Object.keys(INPUTS), ...steps.map((s) => s.name)].map((name) => [
      name,
      ['customer_id', 'm1', 'm2', 'label', 'as_of'],
    ]),
  );
  for (const [name, columns] of Object.entries(INPUTS))
    relations.set(
      name,
      columns.split(/, (?=\w+ )/).map((c) => c.split(' ')[0]),
    );

  const serializeAll = async () => {
    const times = [];
    for (const step of steps) {
      const t = performance.now();
      await connection.runAndReadAll('SELECT json_serialize_sql($1::VARCHAR)', [step.query]);
      times.push(performance.now() - t);
    }
    return times;
  };
  const extractEach = async () => {
    const times = [];
    for (const step of steps) {
      const t = performance.now();
      await stepLineage({ connection, step, productDir: '.', relations, columns: relations.get(step.name) });
      times.push(performance.now() - t);
    }
    return times;
  };

  // Warm-up, and a check that the generated SQL is what the extractor can resolve.
  const warm = await extractPipelineLineage({ connection, product, root: '.' });
  const gaps = warm.unresolved.length + warm.outputs.reduce((n, o) => n + o.unresolved.length, 0);
  const resolved = warm.outputs.flatMap((o) => o.columns).filter((c) => c.sources.length > 0).length;
  console.log(`  check: ${gaps} gaps; ${resolved}/${warm.outputs.length * 5} output columns traced to inputs`);

  const totals = [];
  const baselines = [];
  const perStep = [];
  const baselinePerStep = [];
  for (let round = 0; round < rounds; round++) {
    started = performance.now();
    await extractPipelineLineage({ connection, product, root: '.' });
    totals.push(performance.now() - started);
    started = performance.now();
    baselinePerStep.push(await serializeAll());
    baselines.push(performance.now() - started);
    perStep.push(await extractEach());
  }
  const total = median(totals);
  const baseline = median(baselines);
  const stepTimes = perStep[Math.floor(rounds / 2)];
  const baseTimes = baselinePerStep[Math.floor(rounds / 2)];
  console.log(
    table(
      ['total ms', 'p50 ms', 'p95 ms', 'what'],
      [
        [
          ms(total),
          ms(percentile(stepTimes, 50)),
          ms(percentile(stepTimes, 95)),
          `extractPipelineLineage, ${count} steps (target < 5000 ms)`,
        ],
        [
          ms(baseline),
          ms(percentile(baseTimes, 50)),
          ms(percentile(baseTimes, 95)),
          'baseline: bare json_serialize_sql of the same statements',
        ],
      ],
    ),
  );
  console.log(
    `  ratio extraction/baseline: total ${(total / baseline).toFixed(2)}×, p50 ${(percentile(stepTimes, 50) / percentile(baseTimes, 50)).toFixed(2)}×` +
      ` (rounds: ${totals.map((t) => ms(t)).join(', ')} ms)`,
  );
  connection.closeSync();
  instance.closeSync();
}

if (import.meta.url === `file://${process.argv[1]}`) await lineageExtractBench();
