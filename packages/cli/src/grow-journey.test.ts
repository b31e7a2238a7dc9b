/**
 * Journey 8, "grow" (docs/tutorials/grow-past-one-machine.md), end to end on the demo mesh: the
 * same workspace built and served with PostgreSQL as the metadata store; an external reader lists
 * and loads products through Meshwork's Iceberg REST catalog with the `iceberg-js` client and reads
 * the rows with the independent `icebird` reader; access rules hold in the catalog (an analyst is
 * never handed a filtered or masked table raw; the Trino engine is) and are exported to Trino.
 */
import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { IcebergRestCatalog } from 'iceberg-js';
import { icebergRead } from 'icebird';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, postgresServerUrl, type TestDatabase } from '../../../test-support/postgres.js';
import { fileFetch } from '../../server/src/iceberg/format/test-support/file-fetch.js';
import { spawnMesh, type MeshProcess } from './test-support/mesh-process.js';
import { runCli } from './test-support/run-cli.js';

const pgUrl = postgresServerUrl();
const demo = join(import.meta.dirname, '../../../examples/demo-mesh');

let parent: string;
let root: string;
let database: TestDatabase;
let env: Record<string, string>;
let server: MeshProcess | undefined;
let url: string;
let tokens: Record<string, string>;

const mesh = (...args: string[]) => runCli(args, root, env);

beforeAll(async () => {
  if (!pgUrl) return;
  database = await createTestDatabase(pgUrl);
  env = { MESHWORK_DATABASE_URL: database.url, MESHWORK_MASKING_KEY: randomBytes(32).toString('hex') };
  parent = await mkdtemp(join(tmpdir(), 'meshwork-grow-'));
  root = join(parent, 'demo-mesh');
  await cp(demo, root, { recursive: true, filter: (src) => !src.includes('.meshwork') && !src.includes('/data/') });
  const built = await mesh('demo', root, '--no-serve', '--scale', '0.02');
  expect(built.code, built.stderr).toBe(0);
  const demoTokens = JSON.parse(await readFile(join(root, '.meshwork', 'demo-tokens.json'), 'utf8')) as {
    principalId: string;
    token: string;
  }[];
  tokens = Object.fromEntries(demoTokens.map((u) => [u.principalId, u.token]));
  const created = await mesh('token', 'create', 'trino', '--json');
  expect(created.code, created.stderr).toBe(0);
  tokens.trino = (JSON.parse(created.stdout) as { token: string }).token;

  server = spawnMesh(['serve', '--port', '0', '--wire-port', '0', '--no-log'], root, env);
  let output = '';
  server.process.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.process.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    const found = /API\s+(http:\/\/[^/\s]+)/.exec(output)?.[1];
    if (found) {
      url = found;
      break;
    }
    if (Date.now() > deadline) throw new Error(`mesh serve did not print its URL:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  vi.stubGlobal('fetch', fileFetch(globalThis.fetch));
}, 300_000);

afterAll(async () => {
  vi.unstubAllGlobals();
  if (server) {
    server.process.kill('SIGINT');
    await server.exited;
  }
  if (parent) await rm(parent, { recursive: true, force: true });
  await database?.drop();
});

const catalogAs = (principal: string) =>
  new IcebergRestCatalog({ baseUrl: `${url}/iceberg`, auth: { type: 'bearer', token: tokens[principal]! } });

async function count(sql: string, as: string): Promise<number> {
  const run = await mesh('query', sql, '--as', as, '--format', 'json');
  expect(run.code, run.stderr).toBe(0);
  return Number((JSON.parse(run.stdout) as { rows: unknown[][] }).rows[0]![0]);
}

describe.runIf(pgUrl)('journey 8: the demo on PostgreSQL, read as Iceberg tables by other engines', () => {
  it('keeps the platform state in PostgreSQL', async () => {
    const pg = await import('pg');
    const client = new pg.default.Client({ connectionString: database.url });
    await client.connect();
    try {
      const result = await client.query<{ n: string }>('SELECT count(*) AS n FROM runs');
      expect(Number(result.rows[0]!.n)).toBeGreaterThan(0);
    } finally {
      await client.end();
    }
  });

  it('lists the domains as namespaces and the products under the names of the SQL gateway', async () => {
    const { namespaces } = await catalogAs('trino').listNamespaces();
    expect(namespaces.map((n) => n.namespace.join('.'))).toEqual(
      expect.arrayContaining(['customers', 'sales', 'finance', 'marketing', 'support']),
    );
    const { identifiers } = await catalogAs('trino').listTables({ namespace: ['sales'] });
    expect(identifiers.map((t) => t.name)).toEqual(expect.arrayContaining(['orders', 'orders_v1']));
  });

  it('hands the engine the full table, and icebird reads every row the gateway holds', async () => {
    const metadata = await catalogAs('trino').loadTable({ namespace: ['sales'], name: 'orders' });
    expect(metadata['format-version']).toBe(2);
    const result = await fetch(`${url}/iceberg/v1/namespaces/sales/tables/orders`, {
      headers: { authorization: `Bearer ${tokens.trino}` },
    });
    const location = ((await result.json()) as { 'metadata-location': string })['metadata-location'];
    const rows = await icebergRead({ tableUrl: metadata.location!, metadataFileName: basename(location) });
    expect(rows.length).toBe(await count('SELECT count(*) FROM sales.orders', 'adam'));
  });

  it('never hands an analyst a filtered or masked table raw, and lists only what she may read in full', async () => {
    const ana = catalogAs('ana');
    const { identifiers } = await ana.listTables({ namespace: ['sales'] });
    expect(identifiers.map((t) => t.name)).not.toContain('orders');
    const refused = await fetch(`${url}/iceberg/v1/namespaces/sales/tables/orders`, {
      headers: { authorization: `Bearer ${tokens.ana}` },
    });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/MW8265/);
    // Through the gateway she reads it, filtered to her region.
    expect(await count('SELECT count(*) FROM sales.orders', 'ana')).toBeLessThan(
      await count('SELECT count(*) FROM sales.orders', 'adam'),
    );
  });

  it('exports the same rules to Trino: her region as a literal filter, the engine left out', async () => {
    const out = join(parent, 'trino');
    const exported = await mesh('export', 'trino', out, '--server-url', url);
    expect(exported.code, exported.stderr).toBe(0);
    const properties = await readFile(join(out, 'catalog', 'meshwork.properties'), 'utf8');
    expect(properties).toContain(`${url}/iceberg`);
    expect(properties).not.toContain(tokens.trino);
    const rules = JSON.parse(await readFile(join(out, 'rules.json'), 'utf8')) as {
      tables: { user?: string; schema?: string; table?: string; filter?: string }[];
    };
    const anaOrders = rules.tables.find((r) => r.user === 'ana' && r.schema === 'sales' && r.table === 'orders');
    expect(anaOrders?.filter).toContain(`'EU'`);
    expect(rules.tables.some((r) => r.user === 'trino')).toBe(false);
  });
});
