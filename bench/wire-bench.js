// Benchmark of issue 5: the PostgreSQL wire protocol of the gateway against a real PostgreSQL,
// both driven by pgbench (10 clients, 2 threads, 15 s) with the same custom scripts: a trivial
// query and a point lookup. PostgreSQL gets the tables the scripts read, with the TPC-H rows of
// the workspace and a primary key, so both servers answer the same question from the same data.
// The same run also measures raw DuckDB through the same Node binding on the same snapshot files
// (raw-duckdb-ceiling.js): the ceiling of any gateway that runs every query in DuckDB, so the
// ratios show how much of the gap to PostgreSQL is the gateway's and how much is the engine's.
//
//   node bench/wire-bench.js [--scale 1] [--seconds 15] [--modes simple,extended] [--scripts trivial,point-lookup]
// (`npm run bench -- wire` takes --modes and --scripts too.)
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DUCKDB_SETTINGS, adminToken, startBenchPlatform, wirePortOf } from './bench-platform.js';
import { postgresBinaries, startPostgres } from './postgres-server.js';
import { ADMIN, scaleArgument, tpchWorkspace } from './tpch/generate-tpch-workspace.js';
import { openRawBaseline } from './tpch/raw-baseline.js';
import { PRODUCT_NAMES, TABLES } from './tpch/tpch-schema.js';
import { rawDuckDbCeiling } from './raw-duckdb-ceiling.js';

const SCRIPT_DIR = fileURLToPath(new URL('./pgbench/', import.meta.url));
// Used when bench/pgbench/<name>.sql does not exist (the wire protocol's own scripts win).
const DEFAULT_SCRIPTS = {
  trivial: 'SELECT 1;\n',
  'point-lookup': '\\set k random(0, 24)\nSELECT * FROM geo.nation WHERE n_nationkey = :k;\n',
};

async function scripts() {
  const out = {};
  for (const [name, text] of Object.entries(DEFAULT_SCRIPTS)) {
    const file = join(SCRIPT_DIR, `${name}.sql`);
    out[name] = existsSync(file) ? { file, text: await readFile(file, 'utf8') } : { text };
  }
  return out;
}

/** TPC-H tables a script names as `domain.table`. */
const tablesIn = (text) =>
  Object.keys(TABLES).filter((t) => new RegExp(`\\b${PRODUCT_NAMES[t].replace('.', '\\.')}\\b`, 'i').test(text));

/** Copies the tables into PostgreSQL as `domain.table`, typed as in the contracts, with their key. */
async function loadIntoPostgres(pg, raw, tables, dir) {
  for (const table of tables) {
    const { domain, key, columns } = TABLES[table];
    const csv = join(dir, `${table}.csv`);
    await raw.connection.run(`COPY (SELECT * FROM ${table}) TO '${csv}' (FORMAT csv, HEADER)`);
    const ddl = columns.map(([name, type]) => `${name} ${type} NOT NULL`).join(', ');
    await pg.psql([
      '-c',
      `CREATE SCHEMA IF NOT EXISTS ${domain}`,
      '-c',
      `CREATE TABLE ${domain}.${table} (${ddl})`,
      '-c',
      `\\copy ${domain}.${table} FROM '${csv}' WITH (FORMAT csv, HEADER true)`,
      '-c',
      `ALTER TABLE ${domain}.${table} ADD PRIMARY KEY (${key.join(', ')})`,
      '-c',
      `ANALYZE ${domain}.${table}`,
    ]);
  }
}

/** One pgbench run; returns TPS (without connection time), average latency and failures. */
function pgbench({ port, user, password, database, script, mode, clients, threads, seconds }) {
  const args = ['-n', '-h', '127.0.0.1', '-p', String(port), '-U', user, '-c', String(clients), '-j', String(threads)];
  args.push('-T', String(seconds), '-M', mode, '-f', script, database);
  return new Promise((resolve) => {
    execFile('pgbench', args, { env: { ...process.env, PGPASSWORD: password ?? '' } }, (error, stdout, stderr) => {
      const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(stdout);
      const latency = /latency average = ([\d.]+) ms/.exec(stdout);
      const failed = /number of failed transactions: (\d+)/.exec(stdout);
      resolve({
        tps: tps ? Number(tps[1]) : undefined,
        latencyMs: latency ? Number(latency[1]) : undefined,
        failed: failed ? Number(failed[1]) : 0,
        error: tps ? undefined : (stderr || String(error)).split('\n').filter(Boolean).slice(0, 3).join(' | '),
      });
    });
  });
}

const describe = (r) =>
  r.tps === undefined
    ? `failed: ${r.error}`
    : `${Math.round(r.tps).toLocaleString()} TPS, ${r.latencyMs} ms avg${r.failed ? `, ${r.failed} failed` : ''}`;

export async function wireBench({
  scale = 1,
  seconds = 15,
  clients = 10,
  threads = 2,
  modes = flag('--modes', 'simple,extended').split(','),
  only = flag('--scripts', undefined)?.split(','),
} = {}) {
  const binDir = postgresBinaries();
  if (!binDir) return console.log('  no PostgreSQL installation under /usr/lib/postgresql: wire bench skipped.');
  const ws = await tpchWorkspace({ scale });
  const work = await mkdtemp(join(tmpdir(), 'meshwork-wire-bench-'));
  const platform = await startBenchPlatform(ws.root);
  const raw = await openRawBaseline(platform.services.warehouse, DUCKDB_SETTINGS);
  let pg;
  try {
    const list = await scripts();
    pg = await startPostgres(binDir);
    await loadIntoPostgres(pg, raw, [...new Set(Object.values(list).flatMap((s) => tablesIn(s.text)))], work);
    const wirePort = wirePortOf(platform);
    const token = wirePort ? await adminToken(platform) : undefined;
    console.log(
      `  pgbench: ${clients} clients, ${threads} threads, ${seconds} s per run${token ? `; gateway on port ${wirePort} as ${ADMIN.id} with a token` : ''}`,
    );
    for (const [name, s] of Object.entries(list)) {
      if (only && !only.includes(name)) continue;
      const script = s.file ?? join(work, `${name}.sql`);
      if (!s.file) await writeFile(script, s.text);
      console.log(
        `  ${name} (${s.file ? `bench/pgbench/${name}.sql` : 'built-in script'}): ${s.text.trim().split('\n').at(-1)}`,
      );
      for (const mode of modes) {
        const common = { script, mode, clients, threads, seconds };
        const reference = await pgbench({ ...common, port: pg.port, user: 'postgres', database: 'postgres' });
        console.log(`    ${mode.padEnd(8)} PostgreSQL: ${describe(reference)}`);
        const ceiling = await rawDuckDbCeiling({ files: raw.files, script: s.text, mode, clients, seconds });
        console.log(`    ${mode.padEnd(8)} raw DuckDB: ${describe(ceiling)}`);
        if (ceiling.tps !== undefined && reference.tps)
          console.log(
            `    ${mode.padEnd(8)} ratio raw DuckDB / PostgreSQL: ${(ceiling.tps / reference.tps).toFixed(3)}`,
          );
        if (!token) continue;
        const gateway = await pgbench({
          ...common,
          port: wirePort,
          user: ADMIN.id,
          password: token,
          database: 'meshwork',
        });
        console.log(`    ${mode.padEnd(8)} gateway:    ${describe(gateway)}`);
        if (gateway.tps !== undefined && reference.tps)
          console.log(
            `    ${mode.padEnd(8)} ratio gateway / PostgreSQL: ${(gateway.tps / reference.tps).toFixed(3)} (target >= 0.40)`,
          );
        if (gateway.tps !== undefined && ceiling.tps)
          console.log(`    ${mode.padEnd(8)} ratio gateway / raw DuckDB: ${(gateway.tps / ceiling.tps).toFixed(3)}`);
      }
    }
  } finally {
    raw.close();
    await pg?.stop();
    await platform.close();
    await rm(work, { recursive: true, force: true });
  }
}

const flag = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : fallback;
};

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  await wireBench({
    scale: scaleArgument(),
    seconds: Number(flag('--seconds', 15)),
  });
}
