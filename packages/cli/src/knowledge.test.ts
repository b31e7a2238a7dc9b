/** `mesh graph …` and `mesh export glossary` in-process on a copy of the demo mesh (no data build). */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './test-support/run-cli.js';

const demo = join(import.meta.dirname, '../../../examples/demo-mesh');
let dir: string;
let root: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'meshwork-graph-cli-'));
  root = join(dir, 'demo-mesh');
  await cp(demo, root, { recursive: true, filter: (src) => !src.includes('.meshwork') && !src.includes('/data/') });
  await writeFile(
    join(root, 'policies/access/hide-sales.cedar'),
    '@id("test-hide-sales-from-ben")\nforbid (principal == Meshwork::User::"ben", action == Meshwork::Action::"discover", resource in Meshwork::Domain::"sales");\n',
  );
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const mesh = (...args: string[]) => runCli(args, root);

describe('mesh graph', () => {
  it('entity: which products describe Customer', async () => {
    const table = await mesh('graph', 'entity', 'Customer');
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/customers\.customer-profile\s+about/);
    const json = await mesh('graph', 'entity', 'Customer', '--json', '--as', 'ben');
    const { products } = JSON.parse(json.stdout) as { products: { productId: string }[] };
    expect(products.some((p) => p.productId === 'sales.orders')).toBe(false);
    const unknown = await mesh('graph', 'entity', 'Custmer');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/MW8601.*did you mean Customer/);
  });

  it('term: columns bound to Order.order_id', async () => {
    const run = await mesh('graph', 'term', 'Order.order_id');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/sales\.orders\s+order_id\s+string\s+yes/);
  });

  it('join: ranked paths with SQL, and --max-hops', async () => {
    const run = await mesh('graph', 'join', 'marketing.campaign-attribution', 'finance.revenue-by-segment');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('1. 2 joins via Customer.customer_id → Customer.segment');
    expect(run.stdout).toMatch(/SELECT \* FROM marketing\.campaign_attribution ca JOIN customers\./);
    expect(run.stderr).toMatch(/paths rank first/);
    const none = await mesh(
      'graph',
      'join',
      'marketing/campaign-attribution',
      'finance/revenue-by-segment',
      '--max-hops',
      '1',
      '--json',
    );
    expect(JSON.parse(none.stdout)).toMatchObject({ paths: [], explanation: expect.stringMatching(/no path/) });
    const bad = await mesh('graph', 'join', 'sales.orders', 'finance.invoices', '--max-hops', '0');
    expect(bad.stderr).toMatch(/MW8605/);
  });

  it('compat: the identifier across domains', async () => {
    const run = await mesh('graph', 'compat', 'Customer.customer_id', '--json');
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ compatible: true, term: 'Customer.customer_id' });
  });
});

describe('mesh export glossary', () => {
  it('prints Turtle by default and JSON-LD with --format jsonld', async () => {
    const ttl = await mesh('export', 'glossary');
    expect(ttl.code, ttl.stderr).toBe(0);
    expect(ttl.stdout).toContain('@prefix skos:');
    expect(ttl.stdout).toContain('skos:altLabel "client", "account holder"');
    const ld = await mesh('export', 'glossary', '--format', 'jsonld', '--base-iri', 'https://example.com/g/');
    const doc = JSON.parse(ld.stdout) as { '@context': object; '@graph': { '@id': string }[] };
    expect(doc['@context']).toHaveProperty('skos');
    expect(doc['@graph'].map((n) => n['@id'])).toContain('https://example.com/g/Customer');
    const wrong = await mesh('export', 'glossary', '--format', 'dcat');
    expect(wrong.stderr).toMatch(/MW8606/);
  });
});
