/**
 * `GET /api/v1/glossary/entities` over real HTTP on a copy of the demo mesh (no data build):
 * every entity of its glossary, with product counts as each caller may discover them.
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
  dir = await mkdtemp(join(tmpdir(), 'meshwork-glossary-list-'));
  const root = join(dir, 'demo-mesh');
  await cp(demo, root, { recursive: true, filter: (src) => !src.includes('.meshwork') && !src.includes('/data/') });
  await writeFile(join(root, 'policies/access/hide-sales.cedar'), HIDE_SALES);
  platform = await startPlatform({ root, env: {}, port: 0, wirePort: false });
  for (const id of ['ana', 'ben']) {
    tokens[id] = (await platform.services.authenticator.tokens.create(id, { createdBy: 'test' })).token;
  }
}, 120_000);
afterAll(async () => {
  await platform?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

interface EntitySummary {
  name: string;
  synonyms: string[];
  identifiers: string[];
  attributes: number;
  relations: string[];
  products: number;
}

const list = async (as?: string) => {
  const response = await fetch(`${platform.url}/api/v1/glossary/entities`, {
    headers: as ? { authorization: `Bearer ${tokens[as]}` } : {},
  });
  return { status: response.status, body: (await response.json()) as { items: EntitySummary[] } };
};

describe('GET /api/v1/glossary/entities', () => {
  it('lists every entity by name with its identifiers, synonyms, relations and products', async () => {
    const { status, body } = await list('ana');
    expect(status).toBe(200);
    const names = body.items.map((e) => e.name);
    expect(names).toEqual([...names].sort());
    expect(names).toEqual(expect.arrayContaining(['Campaign', 'Customer', 'Invoice', 'Order', 'Product', 'Ticket']));
    const customer = body.items.find((e) => e.name === 'Customer')!;
    expect(customer.identifiers).toContain('customer_id');
    expect(customer.attributes).toBeGreaterThan(0);
    expect(customer.products).toBeGreaterThan(1);
  });

  it('counts only the products the caller may discover', async () => {
    const ana = (await list('ana')).body.items.find((e) => e.name === 'Order')!;
    const ben = (await list('ben')).body.items.find((e) => e.name === 'Order')!;
    expect(ben.products).toBeLessThan(ana.products);
  });

  it('needs a credential', async () => {
    expect((await list()).status).toBe(401);
  });
});
