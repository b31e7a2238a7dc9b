// Benchmark of issue 10: the Iceberg REST catalog under `mesh serve`, with 10,000 managed tables
// (100 namespaces × 100 tables, created through the API) and a published product.
//
// - loadTable p50/p99 (managed tables at random, a product table), alternating request by request
//   with two baselines measured in the same run: `GET /healthz` (the HTTP round trip alone) and
//   reading + parsing the same metadata file directly (what the catalog's answer is made of);
//   once with the server's metadata cache cold (a restart), then warm.
// - commits per second: appends (add-snapshot + set-snapshot-ref main, with
//   assert-ref-snapshot-id) by one client on one table, and by 20 clients on 20 tables at once.
//
// Targets: loadTable p50 ≤ 10 ms, p99 ≤ 25 ms.
//
//   node bench/iceberg-catalog-bench.js [--tables 10000] [--loads 2000] [--commits 400]
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as server from '@meshwork/server';
import { ms, percentile, table } from './stats.js';

const MESH = `apiVersion: meshwork/v1
kind: Mesh
name: iceberg-bench
users:
  - { id: adam, name: Adam, roles: [admin] }
  - { id: ana, name: Ana, roles: [consumer] }
`;
const SCHEMA = {
  type: 'struct',
  fields: [
    { id: 1, name: 'id', type: 'long', required: true },
    { id: 2, name: 'customer', type: 'string', required: false },
    { id: 3, name: 'amount', type: 'decimal(12,2)', required: false },
    { id: 4, name: 'ordered_at', type: 'timestamptz', required: false },
  ],
};

function argument(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

export async function icebergCatalogBench({
  tables = argument('tables', 10_000),
  loads = argument('loads', 2_000),
  commits = argument('commits', 400),
} = {}) {
  const parent = await mkdtemp(join(tmpdir(), 'meshwork-iceberg-bench-'));
  try {
    const root = await server.initWorkspace(join(parent, 'mesh'), 'iceberg-bench');
    await server.newDomain(root, 'sales', undefined);
    await server.newProduct(root, 'sales', 'orders');
    await writeFile(join(root, 'mesh.yaml'), MESH);
    await publishProduct(root);

    let platform = await start(root);
    let tokens = await tokensOf(platform);
    const namespaces = Math.max(1, Math.ceil(tables / 100));
    let started = performance.now();
    const ids = await createTables(platform, tokens.adam, namespaces, tables);
    const createMs = performance.now() - started;
    console.log(
      `  created ${ids.length} tables in ${namespaces} namespaces through the API in ${(createMs / 1000).toFixed(1)} s ` +
        `(${Math.round(ids.length / (createMs / 1000))} tables/s, 8 clients)`,
    );

    // A restart empties the server's metadata cache: the first loads read every file.
    await platform.close();
    platform = await start(root);
    tokens = await tokensOf(platform);
    const client = catalogClient(platform);
    const rows = [];
    const sample = Array.from({ length: loads }, () => ids[Math.floor(Math.random() * ids.length)]);
    const cold = await measureLoads(client, tokens.ana, sample);
    rows.push(...loadRows('cold cache', cold));
    const warm = await measureLoads(client, tokens.ana, sample);
    rows.push(...loadRows('warm cache', warm));
    const product = await measureProduct(client, tokens.ana, Math.min(loads, 1000));
    if (product)
      rows.push([
        ms(percentile(product, 50)),
        ms(percentile(product, 99)),
        '',
        'loadTable sales.orders (product table, as a consumer)',
      ]);
    console.log(table(['p50 ms', 'p99 ms', 'ratio p50', 'what'], rows));
    const verdict = (name, samples) =>
      `${name}: p50 ${ms(percentile(samples, 50))} ms (target ≤ 10), p99 ${ms(percentile(samples, 99))} ms (target ≤ 25)`;
    console.log(`  ${verdict('loadTable, warm', warm.load)}; ${verdict('cold', cold.load)}`);

    started = performance.now();
    const single = await appendLoop(client, tokens.adam, ids[0], commits);
    const singleMs = performance.now() - started;
    const spread = ids.filter((_, i) => i % Math.max(1, Math.floor(ids.length / 20)) === 1).slice(0, 20);
    const perTable = Math.max(1, Math.round(commits / 4));
    started = performance.now();
    const many = await Promise.all(spread.map((id) => appendLoop(client, tokens.adam, id, perTable)));
    const manyMs = performance.now() - started;
    const total = many.reduce((sum, n) => sum + n.length, 0);
    console.log(
      table(
        ['commits', 'seconds', 'commits/s', 'p50 ms', 'p99 ms', 'what'],
        [
          [
            single.length,
            (singleMs / 1000).toFixed(1),
            Math.round(single.length / (singleMs / 1000)),
            ms(percentile(single, 50)),
            ms(percentile(single, 99)),
            'one client, one table (appends)',
          ],
          [
            total,
            (manyMs / 1000).toFixed(1),
            Math.round(total / (manyMs / 1000)),
            ms(percentile(many.flat(), 50)),
            ms(percentile(many.flat(), 99)),
            `${spread.length} clients, ${spread.length} tables at once`,
          ],
        ],
      ),
    );
    await platform.close();
  } finally {
    await rm(parent, { recursive: true, force: true });
  }
}

async function publishProduct(root) {
  const { model, diagnostics } = await server.loadWorkspaceFromDisk(root, {});
  const store = await server.createMetadataStore({ kind: 'sqlite', path: server.defaultSqlitePath(root) });
  const engine = server.createRunEngine({ tempDirectory: join(root, '.meshwork', 'tmp') });
  const warehouse = server.createLocalWarehouse({ root: server.defaultWarehouseRoot(root) });
  try {
    await server.runProducts({ model, root, store, warehouse, engine }, diagnostics, ['sales.orders'], {
      trigger: 'manual',
      requestedBy: 'bench',
    });
  } finally {
    engine.close();
    await store.close();
  }
}

function start(root) {
  return server.startPlatform({ root, env: {}, port: 0, wirePort: false, logger: false });
}

async function tokensOf(platform) {
  const create = async (id) => (await platform.services.authenticator.tokens.create(id, { createdBy: 'bench' })).token;
  return { adam: await create('adam'), ana: await create('ana') };
}

function catalogClient(platform) {
  const base = `${platform.url}/iceberg/v1`;
  return {
    base,
    async get(token, path) {
      const started = performance.now();
      const response = await globalThis.fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
      const text = await response.text();
      if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${text}`);
      return { ms: performance.now() - started, text };
    },
    async post(token, path, body) {
      const started = performance.now();
      const response = await globalThis.fetch(`${base}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body,
      });
      return { ms: performance.now() - started, status: response.status, text: await response.text() };
    },
    async healthz() {
      const started = performance.now();
      const response = await globalThis.fetch(new URL('/healthz', platform.url));
      await response.text();
      return performance.now() - started;
    },
  };
}

async function createTables(platform, token, namespaces, count) {
  const client = catalogClient(platform);
  for (const namespace of [['bench'], ...Array.from({ length: namespaces }, (_, n) => ['bench', `n${n}`])]) {
    const created = await client.post(token, '/namespaces', JSON.stringify({ namespace }));
    if (created.status !== 200) throw new Error(`create namespace ${namespace}: ${created.status} ${created.text}`);
  }
  const ids = Array.from({ length: count }, (_, i) => ({ namespace: `bench%1Fn${i % namespaces}`, name: `t${i}` }));
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const id = ids[next++];
      const created = await client.post(
        token,
        `/namespaces/${id.namespace}/tables`,
        JSON.stringify({ name: id.name, schema: SCHEMA }),
      );
      if (created.status !== 200) throw new Error(`create ${id.name}: ${created.status} ${created.text}`);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return ids;
}

/** loadTable of each sampled table, each paired with a /healthz and a direct read of its file. */
async function measureLoads(client, token, sample) {
  const load = [];
  const http = [];
  const file = [];
  for (const id of sample) {
    const loaded = await client.get(token, `/namespaces/${id.namespace}/tables/${id.name}`);
    load.push(loaded.ms);
    http.push(await client.healthz());
    const location = JSON.parse(loaded.text)['metadata-location'];
    const started = performance.now();
    JSON.parse(await readFile(fileURLToPath(location), 'utf8'));
    file.push(performance.now() - started);
  }
  return { load, http, file };
}

function loadRows(label, { load, http, file }) {
  const ratio = (samples) => `${(percentile(load, 50) / percentile(samples, 50)).toFixed(1)}×`;
  return [
    [
      ms(percentile(load, 50)),
      ms(percentile(load, 99)),
      '',
      `loadTable, ${load.length} random managed tables, ${label}`,
    ],
    [
      ms(percentile(http, 50)),
      ms(percentile(http, 99)),
      ratio(http),
      '  baseline: GET /healthz (HTTP round trip alone)',
    ],
    [
      ms(percentile(file, 50)),
      ms(percentile(file, 99)),
      ratio(file),
      '  baseline: read + JSON.parse of the metadata file',
    ],
  ];
}

async function measureProduct(client, token, count) {
  try {
    await client.get(token, '/namespaces/sales/tables/orders');
  } catch (error) {
    console.log(`  product table not loadable, skipped: ${error.message}`);
    return undefined;
  }
  const samples = [];
  for (let i = 0; i < count; i++) samples.push((await client.get(token, '/namespaces/sales/tables/orders')).ms);
  return samples;
}

/** `count` appends to one table, each asserting the main it saw last; returns each commit's time. */
async function appendLoop(client, token, id, count) {
  const path = `/namespaces/${id.namespace}/tables/${id.name}`;
  const loaded = JSON.parse((await client.get(token, path)).text).metadata;
  let current = loaded['current-snapshot-id'] === -1 ? null : loaded['current-snapshot-id'];
  let sequence = loaded['last-sequence-number'];
  const times = [];
  for (let i = 0; i < count; i++) {
    const snapshotId = BigInt(Date.now()) * 1000n + BigInt(i);
    sequence += 1;
    const body =
      `{"requirements":[{"type":"assert-ref-snapshot-id","ref":"main","snapshot-id":${current}}],"updates":[` +
      `{"action":"add-snapshot","snapshot":{"snapshot-id":${snapshotId},${current === null ? '' : `"parent-snapshot-id":${current},`}` +
      `"sequence-number":${sequence},"timestamp-ms":${Date.now()},"manifest-list":"file:///tmp/m-${snapshotId}.avro",` +
      `"summary":{"operation":"append","added-records":"1000"}}},` +
      `{"action":"set-snapshot-ref","ref-name":"main","type":"branch","snapshot-id":${snapshotId}}]}`;
    const committed = await client.post(token, path, body);
    if (committed.status !== 200) throw new Error(`commit ${id.name}: ${committed.status} ${committed.text}`);
    current = snapshotId;
    times.push(committed.ms);
  }
  return times;
}

if (import.meta.url === `file://${process.argv[1]}`) await icebergCatalogBench();
