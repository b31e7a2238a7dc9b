// Benchmarks (issue 3). (1) Publish a generated 10-million-row CSV (~1 GB) through a product
// with 10 quality rules, compared with DuckDB's own COPY (SELECT … FROM read_csv(…)) TO parquet
// on the same file. (2) `mesh run --all` over 200 small products in a DAG: orchestration
// overhead per product, with the same SQL run directly on DuckDB as the baseline.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import {
  createLocalWarehouse,
  createMetadataStore,
  createRunEngine,
  loadWorkspaceFromDisk,
  runProducts,
} from '@meshwork/server';

const contract = (id, port, columns, quality = '') => `apiVersion: v3.1.0
kind: DataContract
id: ${id}
name: ${port}
version: 1.0.0
status: active
schema:
  - name: ${port}
    physicalName: ${port}
    physicalType: table
    logicalType: object
    properties:
${columns}
${quality}`;

const descriptor = (domain, product, port, contractId, id) => `apiVersion: v1.0.0
kind: DataProduct
id: ${id}
name: ${product}
version: 1.0.0
status: active
domain: ${domain}
outputPorts:
  - name: ${port}
    type: tables
    version: 1.0.0
    contractId: ${contractId}
`;

async function writeProduct(root, domain, product, files) {
  const dir = join(root, 'domains', domain, product);
  await mkdir(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
}

async function workspace(root, domains) {
  await mkdir(root, { recursive: true });
  await writeFile(join(root, 'mesh.yaml'), 'apiVersion: meshwork/v1\nkind: Mesh\nname: bench\n');
  for (const d of domains) {
    await mkdir(join(root, 'domains', d), { recursive: true });
    await writeFile(join(root, 'domains', d, 'domain.yaml'), `apiVersion: meshwork/v1\nkind: Domain\nname: ${d}\n`);
  }
}

async function runAll(root) {
  const { model, diagnostics } = await loadWorkspaceFromDisk(root, {});
  const store = await createMetadataStore({ kind: 'sqlite', path: join(root, '.meshwork/meshwork.db') });
  const warehouse = createLocalWarehouse({ root: join(root, '.meshwork/warehouse') });
  const engine = createRunEngine({ tempDirectory: join(root, '.meshwork/tmp') });
  try {
    const started = performance.now();
    const results = await runProducts({ model, root, store, warehouse, engine }, diagnostics, 'all', {
      trigger: 'manual',
      requestedBy: 'bench',
      parallel: 2,
    });
    const ms = performance.now() - started;
    const failed = results.filter((r) => r.outcome !== 'succeeded');
    if (failed.length > 0) throw new Error(`bench runs failed: ${JSON.stringify(failed[0]).slice(0, 500)}`);
    return { ms, results };
  } finally {
    engine.close();
    await store.close();
  }
}

const COLUMNS = [
  ['id', 'integer', 'BIGINT', 'required: true\n        unique: true\n        primaryKey: true'],
  ['customer', 'string', 'VARCHAR', 'required: true'],
  ['amount', 'number', 'DOUBLE', 'logicalTypeOptions:\n          minimum: 0'],
  ['created', 'date', 'DATE', ''],
  ['status', 'string', 'VARCHAR', ''],
  ['country', 'string', 'VARCHAR', ''],
];

export async function publishBench({ rows = 10_000_000 } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'meshwork-publish-bench-'));
  try {
    const csv = join(dir, 'orders.csv');
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    let t = performance.now();
    await c.run(`COPY (SELECT range AS id, 'customer-' || (range % 100000) AS customer, round((hash(range) % 100000) / 100.0, 2) AS amount,
      DATE '2024-01-01' + CAST(range % 700 AS INTEGER) AS created, ['new','paid','shipped','returned'][1 + range % 4] AS status,
      ['DE','FR','US','BR','JP'][1 + range % 5] AS country FROM range(${rows})) TO '${csv}' (FORMAT csv, HEADER)`);
    console.log(`  generated ${rows.toLocaleString()} rows of CSV in ${Math.round(performance.now() - t)} ms`);

    // Warm the page cache once so neither side pays for the cold read of the file.
    await c.run(`SELECT count(*) FROM read_csv('${csv}', header = true)`);
    // Baseline: DuckDB alone, same file, same typed output.
    const select = `SELECT CAST(id AS BIGINT) AS id, customer, CAST(amount AS DOUBLE) AS amount, CAST(created AS DATE) AS created, status, country FROM read_csv('${csv}', header = true)`;
    const baseline = async () => {
      const t0 = performance.now();
      await c.run(`COPY (${select}) TO '${join(dir, 'baseline.parquet')}' (FORMAT parquet, COMPRESSION zstd)`);
      return performance.now() - t0;
    };

    const root = join(dir, 'mesh');
    await workspace(root, ['sales']);
    const props = COLUMNS.map(
      ([n, l, p, extra]) =>
        `      - name: ${n}\n        logicalType: ${l}\n        physicalType: ${p}${extra ? `\n        ${extra}` : ''}`,
    ).join('\n');
    const quality = `    quality:
      - { type: library, metric: rowCount, mustBeGreaterThan: 0 }
      - { type: library, metric: rowCount, mustBeBetween: [1, 100000000] }
      - { type: sql, query: "SELECT count(*) FROM \${table} WHERE amount < 0", mustBe: 0 }
      - { type: library, metric: duplicateValues, arguments: { properties: [id] }, mustBe: 0 }
`;
    const columnRules = `
        quality:
          - { type: library, metric: nullValues, mustBe: 0 }
          - { type: library, metric: duplicateValues, mustBe: 0 }`;
    const withRules = props
      .replace('primaryKey: true', `primaryKey: true${columnRules}`)
      .replace(
        'physicalType: VARCHAR\n        required: true',
        `physicalType: VARCHAR\n        required: true\n        quality:\n          - { type: library, metric: nullValues, mustBe: 0 }`,
      )
      .replace(
        /(name: status\n.*\n.*VARCHAR)/,
        `$1\n        quality:\n          - { type: library, metric: invalidValues, arguments: { validValues: [new, paid, shipped, returned] }, mustBe: 0 }`,
      )
      .replace(
        /(name: country\n.*\n.*VARCHAR)/,
        `$1\n        quality:\n          - { type: library, metric: missingValues, arguments: { missingValues: ['', 'N/A'] }, mustBeLessThan: 1, unit: percent }`,
      )
      .replace(
        /(name: created\n.*\n.*DATE)/,
        `$1\n        quality:\n          - { type: library, metric: nullValues, mustBe: 0 }`,
      );
    await writeProduct(root, 'sales', 'orders', {
      'product.odps.yaml': descriptor('sales', 'orders', 'orders', 'c-orders', 'p-orders'),
      'orders.odcs.yaml': contract('c-orders', 'orders', withRules, quality),
      'pipeline.yaml': `apiVersion: meshwork/v1\nkind: Pipeline\ninputs:\n  - name: raw\n    kind: file\n    path: ${csv}\n    format: csv\nsteps:\n  - name: orders\n    query: "${select.replace(`read_csv('${csv}', header = true)`, 'raw')}"\noutputs:\n  - port: orders\n    from: orders\n`,
    });
    // Alternate the two sides three times and keep each side's median.
    const rounds = [];
    for (let i = 0; i < 3; i++) rounds.push({ baselineMs: await baseline(), meshwork: await runAll(root) });
    c.closeSync();
    db.closeSync();
    const baselineMs = rounds.map((r) => r.baselineMs).sort((a, b) => a - b)[1];
    const { ms, results } = rounds.map((r) => r.meshwork).sort((a, b) => a.ms - b.ms)[1];
    const checks = results[0].summary.checks.filter(
      (x) =>
        x.kind === 'quality' ||
        x.kind === 'logicalTypeOptions' ||
        x.kind === 'required' ||
        x.kind === 'unique' ||
        x.kind === 'primaryKey',
    );
    console.log(`  DuckDB COPY alone: ${Math.round(baselineMs)} ms`);
    console.log(
      `  meshwork publish (write, ${checks.length} checks incl. ${results[0].summary.checks.filter((x) => x.kind === 'quality').length} quality rules, publish): ${Math.round(ms)} ms, ${Math.round(rows / (ms / 1000)).toLocaleString()} rows/s`,
    );
    console.log(
      `  ratio meshwork / DuckDB COPY: ${(ms / baselineMs).toFixed(2)}x (target <= 1.5x; medians of 3 alternating runs)`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function dagBench({ products = 200 } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'meshwork-dag-bench-'));
  try {
    const root = join(dir, 'mesh');
    const domains = Array.from({ length: 10 }, (_, d) => `d${d}`);
    await workspace(root, domains);
    const sql = (i) => (i < 20 ? `SELECT ${i} AS x, range AS y FROM range(100)` : `SELECT x + 1 AS x, y FROM up`);
    for (let i = 0; i < products; i++) {
      const up = i < 20 ? undefined : (i * 7919) % i;
      await writeProduct(root, domains[i % 10], `p${i}`, {
        'product.odps.yaml': descriptor(domains[i % 10], `p${i}`, `p${i}`, `c${i}`, `id${i}`),
        [`p${i}.odcs.yaml`]: contract(
          `c${i}`,
          `p${i}`,
          `      - name: x\n        logicalType: integer\n      - name: y\n        logicalType: integer`,
        ),
        'pipeline.yaml': `apiVersion: meshwork/v1\nkind: Pipeline\n${up === undefined ? '' : `inputs:\n  - name: up\n    kind: product\n    product: ${domains[up % 10]}.p${up}\n    port: p${up}\n`}steps:\n  - name: s\n    query: "${sql(i)}"\noutputs:\n  - port: p${i}\n    from: s\n`,
      });
    }
    // Baseline: the same SQL, the same number of Parquet writes, on one DuckDB.
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    await mkdir(join(dir, 'raw'));
    let t = performance.now();
    for (let i = 0; i < products; i++) {
      const from =
        i < 20 ? sql(i) : `SELECT x + 1 AS x, y FROM read_parquet('${join(dir, 'raw', `p${(i * 7919) % i}.parquet`)}')`;
      await c.run(`COPY (${from}) TO '${join(dir, 'raw', `p${i}.parquet`)}' (FORMAT parquet, COMPRESSION zstd)`);
    }
    const rawMs = performance.now() - t;
    c.closeSync();
    db.closeSync();
    const { ms } = await runAll(root);
    const overhead = (ms - rawMs) / products;
    console.log(
      `  ${products} products: mesh run --all ${Math.round(ms)} ms; same SQL on DuckDB alone ${Math.round(rawMs)} ms`,
    );
    console.log(`  orchestration overhead per product (SQL excluded): ${overhead.toFixed(1)} ms (target < 50 ms)`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
