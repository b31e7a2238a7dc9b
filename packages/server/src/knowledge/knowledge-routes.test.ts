/**
 * The knowledge routes over real HTTP on a copy of the demo mesh (no data build needed): real API
 * tokens, the demo's Cedar policies plus one that hides the sales domain from ben.
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type RunningPlatform } from '../platform/start-platform.js';

const demo = join(import.meta.dirname, '../../../../examples/demo-mesh');
const HIDE_SALES = `@id("test-hide-sales-from-ben")\nforbid (principal == Meshwork::User::"ben", action == Meshwork::Action::"discover", resource in Meshwork::Domain::"sales");\n`;
let dir: string;
let platform: RunningPlatform;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'meshwork-knowledge-'));
  const root = join(dir, 'demo-mesh');
  await cp(demo, root, { recursive: true, filter: (src) => !src.includes('.meshwork') && !src.includes('/data/') });
  await writeFile(join(root, 'policies/access/hide-sales.cedar'), HIDE_SALES);
  platform = await startPlatform({ root, env: {}, port: 0, wirePort: false });
  expect(platform.services.accessDiagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  for (const id of ['ana', 'ben']) {
    tokens[id] = (await platform.services.authenticator.tokens.create(id, { createdBy: 'test' })).token;
  }
}, 120_000);
afterAll(async () => {
  await platform?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const get = async (path: string, as = 'ana') => {
  const response = await fetch(`${platform.url}${path}`, { headers: { authorization: `Bearer ${tokens[as]}` } });
  const text = await response.text();
  return { status: response.status, type: response.headers.get('content-type') ?? '', text };
};
const json = async (path: string, as = 'ana') => {
  const { status, text } = await get(path, as);
  return { status, body: JSON.parse(text) as Record<string, unknown> & { error?: { code: string; message: string } } };
};

describe('knowledge routes', () => {
  it('GET /glossary/entities/Customer lists the products that describe it, as the caller may see them', async () => {
    const { status, body } = await json('/api/v1/glossary/entities/Customer');
    expect(status).toBe(200);
    expect(body.entity).toMatchObject({ name: 'Customer', urn: 'urn:meshwork:glossary:Customer' });
    const products = body.products as { productId: string; role: string }[];
    expect(products).toContainEqual(
      expect.objectContaining({ productId: 'customers.customer-profile', role: 'about' }),
    );
    expect(products).toContainEqual(expect.objectContaining({ productId: 'sales.orders', role: 'references' }));
    const forBen = (await json('/api/v1/glossary/entities/Customer', 'ben')).body.products as { productId: string }[];
    expect(forBen.some((p) => p.productId.startsWith('sales.'))).toBe(false);
    expect(forBen.length).toBe(products.length - 1);
  });

  it('says which part of the request to change for unknown names', async () => {
    const entity = await json('/api/v1/glossary/entities/Custmer');
    expect(entity.status).toBe(404);
    expect(entity.body.error).toMatchObject({ code: 'MW8601' });
    expect(entity.body.error!.message).toMatch(/change \{name\} in the path; did you mean Customer/);
    const term = await json('/api/v1/glossary/terms/Customer.nope/columns');
    expect(term).toMatchObject({ status: 404, body: { error: { code: 'MW8602' } } });
    const notId = await json('/api/v1/glossary/identifiers/Customer.segment/compatibility');
    expect(notId).toMatchObject({ status: 400, body: { error: { code: 'MW8603' } } });
  });

  it('GET /glossary/terms/{term}/columns', async () => {
    const { status, body } = await json('/api/v1/glossary/terms/Order.order_id/columns');
    expect(status).toBe(200);
    expect(body.kind).toBe('identifier');
    expect((body.columns as { relation: string }[]).map((c) => c.relation)).toContain('sales.orders');
  });

  it('GET /graph/join-paths ranks paths with their SQL, and hides what the caller may not discover', async () => {
    const q = '/api/v1/graph/join-paths?from=marketing.campaign-attribution&to=finance.revenue-by-segment&maxHops=3';
    const { status, body } = await json(q);
    expect(status).toBe(200);
    const paths = body.paths as { hops: number; sql: string; steps: unknown[] }[];
    expect(paths[0]!.hops).toBe(2);
    expect(paths[0]!.sql).toMatch(/^marketing\.campaign_attribution ca JOIN customers\./);
    expect(paths[0]!.steps).toHaveLength(2);
    expect(body.ambiguous).toBe(true);
    const forBen = (await json(q, 'ben')).body.paths as { sql: string }[];
    expect(forBen.some((p) => p.sql.includes('sales.'))).toBe(false);
    const hidden = await json('/api/v1/graph/join-paths?from=sales.orders&to=customers.customer-profile', 'ben');
    expect(hidden).toMatchObject({ status: 404, body: { error: { code: 'MW8604' } } });
    const bad = await json('/api/v1/graph/join-paths?from=sales.orders&to=customers.customer-profile&maxHops=9');
    expect(bad.status).toBe(400);
  });

  it('GET /glossary/identifiers/{term}/compatibility', async () => {
    const { status, body } = await json('/api/v1/glossary/identifiers/Customer.customer_id/compatibility');
    expect(status).toBe(200);
    expect(body).toMatchObject({ term: 'Customer.customer_id', compatible: true, expected: { logicalType: 'string' } });
    expect((body.columns as unknown[]).length).toBeGreaterThan(5);
  });

  it('GET /glossary.jsonld and /glossary.ttl', async () => {
    const ld = await get('/api/v1/glossary.jsonld');
    expect(ld.status).toBe(200);
    expect(ld.type).toContain('application/ld+json');
    const doc = JSON.parse(ld.text) as { '@context': object; '@graph': { '@id': string }[] };
    expect(doc['@context']).toHaveProperty('skos');
    expect(doc['@graph'].map((n) => n['@id'])).toContain('urn:meshwork:glossary:Customer');
    const ttl = await get('/api/v1/glossary.ttl', 'ben');
    expect(ttl.type).toContain('text/turtle');
    expect(ttl.text).toContain('<urn:meshwork:glossary:Customer>\n    a skos:Concept, mw:Entity ;');
    expect(ttl.text).not.toContain('<urn:meshwork:sales:orders>');
    const anonymous = await fetch(`${platform.url}/api/v1/glossary.ttl`);
    expect(anonymous.status).toBe(401);
  });
});
