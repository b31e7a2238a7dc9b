// Benchmark of issue 5: the SQL gateway against raw DuckDB on TPC-H (scale 1 by default), its
// eight tables published as products of three domains. Both sides read the same snapshot files
// with the same DuckDB threads and memory, in the same run, alternating; the gateway's extra work
// (parse, authorize, rewrite, sandbox) is the difference. Also the fixed overhead on a tiny query.
//
//   node bench/gateway-bench.js [--scale 0.1] [--runs 5] [--queries 1,3,6]
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DUCKDB_SETTINGS, gatewayOf, startBenchPlatform } from './bench-platform.js';
import { median, ms, percentile, table, timed } from './stats.js';
import { ADMIN, CONSUMER, scaleArgument, tpchWorkspace } from './tpch/generate-tpch-workspace.js';
import { tpchQueries } from './tpch/queries.js';
import { openRawBaseline } from './tpch/raw-baseline.js';

/** Runs one query through the gateway and drains it as a front end would; returns the row count. */
async function governedRun(gateway, principal, sql) {
  const stream = await gateway.stream(principal, { sql });
  let rows = 0;
  for await (const chunk of stream.chunks()) rows += chunk.rowCount;
  return rows;
}

async function governedRows(gateway, principal, sql) {
  const stream = await gateway.stream(principal, { sql });
  const rows = [];
  for await (const chunk of stream.chunks()) for (const row of chunk.getRows()) rows.push(row.map(String));
  return rows;
}

/**
 * Both sides must answer the same for the admin (no masks, no filters): a bench of wrong answers
 * is worthless. Returns false, saying why, when the gateway refuses the query or answers otherwise.
 */
async function sameAnswer(raw, gateway, q) {
  let b;
  try {
    b = await governedRows(gateway, ADMIN, q.gateway);
  } catch (error) {
    console.log(`  ! ${q.id} refused by the gateway: ${error.code ?? ''} ${String(error.message).split('\n')[0]}`);
    return false;
  }
  const a = await raw.rows(q.raw);
  const key = (rows) =>
    rows
      .map((r) => r.join('\u0001'))
      .sort()
      .join('\n');
  if (key(a) !== key(b))
    console.log(`  ! ${q.id}: the gateway returned ${b.length} rows, raw DuckDB ${a.length}, or other values`);
  return true;
}

async function tpchRounds(raw, gateway, principal, queries, runs) {
  const results = [];
  for (const q of queries) {
    // Warm-up: page cache, Parquet metadata, the gateway's caches — on both sides.
    const rows = await raw.run(q.raw);
    let governed = gateway && q.governable !== false;
    try {
      if (governed) await governedRun(gateway, principal, q.gateway);
    } catch (error) {
      console.log(`  ! ${q.id} as ${principal.id}: ${error.code ?? ''} ${String(error.message).split('\n')[0]}`);
      governed = false;
    }
    const rawMs = [];
    const govMs = [];
    for (let i = 0; i < runs; i++) {
      rawMs.push((await timed(() => raw.run(q.raw))).ms);
      if (governed) govMs.push((await timed(() => governedRun(gateway, principal, q.gateway))).ms);
    }
    const r = { id: q.id, title: q.title, rows, raw: median(rawMs) };
    if (governed) Object.assign(r, { governed: median(govMs), ratio: median(govMs) / median(rawMs) });
    results.push(r);
  }
  return results;
}

function printRounds(results, label) {
  const measured = results.filter((r) => r.governed !== undefined);
  const governed = measured.length > 0;
  console.log(
    table(
      ['query', 'rows', 'raw ms', ...(governed ? [`${label} ms`, 'ratio'] : []), ''],
      results.map((r) => [
        r.id,
        r.rows,
        ms(r.raw),
        ...(governed ? (r.governed === undefined ? ['—', '—'] : [ms(r.governed), r.ratio.toFixed(2)]) : []),
        r.title,
      ]),
    ),
  );
  if (governed) {
    const ratio = median(measured.map((r) => r.ratio));
    console.log(`  median ratio ${label}/raw over ${measured.length} queries: ${ratio.toFixed(3)} (target <= 1.10)`);
  } else {
    console.log(`  raw total: ${ms(results.reduce((s, r) => s + r.raw, 0))} ms`);
  }
}

/** Fixed cost of the gateway: a point query on a 25-row product, paired with the same on raw DuckDB. */
async function overhead(raw, gateway, runs) {
  const simple = {
    raw: 'SELECT * FROM nation WHERE n_nationkey = 1',
    gateway: 'SELECT * FROM geo.nation WHERE n_nationkey = 1',
  };
  for (let i = 0; i < 50; i++) {
    await raw.run(simple.raw);
    if (gateway) await governedRun(gateway, ADMIN, simple.gateway);
  }
  const rawMs = [];
  const govMs = [];
  for (let i = 0; i < runs; i++) {
    rawMs.push((await timed(() => raw.run(simple.raw))).ms);
    if (gateway) govMs.push((await timed(() => governedRun(gateway, ADMIN, simple.gateway))).ms);
  }
  console.log(`  ${simple.gateway}, ${runs} runs each:`);
  console.log(`  raw DuckDB p50 ${ms(percentile(rawMs, 50))} ms, p99 ${ms(percentile(rawMs, 99))} ms`);
  if (!gateway) return;
  const extra = govMs.map((g, i) => g - rawMs[i]);
  console.log(`  governed   p50 ${ms(percentile(govMs, 50))} ms, p99 ${ms(percentile(govMs, 99))} ms`);
  console.log(
    `  gateway overhead (governed - raw, paired): p50 ${ms(percentile(extra, 50))} ms (target <= 2 ms), p99 ${ms(percentile(extra, 99))} ms`,
  );
}

export async function gatewayBench({ scale = 1, runs = 5, queries, overheadRuns = 1000 } = {}) {
  const ws = await tpchWorkspace({ scale });
  console.log(
    `  TPC-H scale ${scale}: ${ws.counts.lineitem.toLocaleString()} lineitem rows${ws.cached ? ' (cached workspace)' : ''}; DuckDB threads ${DUCKDB_SETTINGS.threads}, memory ${DUCKDB_SETTINGS.memory_limit} on both sides`,
  );
  const platform = await startBenchPlatform(ws.root);
  const raw = await openRawBaseline(platform.services.warehouse, DUCKDB_SETTINGS);
  try {
    const gateway = gatewayOf(platform);
    // A query the gateway refuses is reported and then timed on the raw side only.
    const list = tpchQueries(scale, queries);
    if (gateway) for (const q of list) q.governable = await sameAnswer(raw, gateway, q);
    console.log(`\n  ${list.length} TPC-H queries as ${ADMIN.id} (admin), medians of ${runs} alternating runs:`);
    printRounds(await tpchRounds(raw, gateway, ADMIN, list, runs), 'governed');

    // With policies that mask a column and filter rows (a `policies/access/` folder in the
    // workspace), the same queries as a consumer show what masks and filters cost.
    if (gateway && existsSync(join(ws.root, 'policies', 'access'))) {
      console.log(`\n  the same as ${CONSUMER.id} (consumer: masks and row filters of policies/access/):`);
      printRounds(await tpchRounds(raw, gateway, CONSUMER, list, runs), 'consumer');
    }

    console.log('');
    await overhead(raw, gateway, overheadRuns);
  } finally {
    raw.close();
    await platform.close();
  }
}

const flag = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : fallback;
};

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  await gatewayBench({
    scale: scaleArgument(),
    runs: Number(flag('--runs', process.env.BENCH_RUNS ?? 5)),
    queries: flag('--queries', process.env.BENCH_QUERIES),
    overheadRuns: Number(flag('--overhead-runs', 1000)),
  });
}
