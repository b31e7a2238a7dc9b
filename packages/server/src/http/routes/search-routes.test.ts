/**
 * `GET /api/v1/search` over real HTTP: `mesh serve` (startPlatform) on a scaffolded workspace,
 * real API tokens; results, facets, the 400s with their stable codes, and no answer without a token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccessWorkspace, type AccessWorkspace } from '../../agreements/test-support/access-workspace.js';
import { startPlatform, type RunningPlatform } from '../../platform/start-platform.js';

let workspace: AccessWorkspace;
let platform: RunningPlatform;
let token: string;

beforeAll(async () => {
  workspace = await createAccessWorkspace();
  platform = await startPlatform({ root: workspace.root, env: {}, port: 0, wirePort: false });
  token = (await platform.services.authenticator.tokens.create('ana', { createdBy: 'test' })).token;
});

afterAll(async () => {
  await platform?.close();
  await workspace?.dispose();
});

type Json = {
  total?: number;
  items?: { id: string; matches: string[] }[];
  facets?: Record<string, { value: string; count: number }[]>;
  error?: { code: string };
};

async function search(query: string, auth = true): Promise<{ status: number; body: Json }> {
  const response = await fetch(`${platform.url}/api/v1/search${query}`, {
    headers: auth ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: response.status, body: (await response.json()) as Json };
}

describe('GET /api/v1/search', () => {
  it('finds a product by a misspelt name and says where it matched', async () => {
    const { status, body } = await search('?q=ordrs');
    expect(status).toBe(200);
    expect(body.items![0]!.id).toBe('sales.orders');
    expect(body.items![0]!.matches).toContain('name');
  });

  it('browses with facets and filters by repeated values', async () => {
    const all = await search('');
    expect(all.body.total).toBe(3);
    expect(all.body.facets!.domain).toEqual([
      { value: 'sales', count: 2 },
      { value: 'marketing', count: 1 },
    ]);
    const some = await search('?domain=marketing&domain=sales&limit=1&offset=1');
    expect(some.body.total).toBe(3);
    expect(some.body.items).toHaveLength(1);
    expect((await search('?domain=marketing')).body.items!.map((i) => i.id)).toEqual(['marketing.campaigns']);
  });

  it.each([
    ['?archetype=mart', 'MW5803'],
    ['?limit=500', 'MW5802'],
    [`?q=${'x'.repeat(201)}`, 'MW5801'],
    ['?limit=many', 'MW9001'],
  ])('answers %s with 400 and %s', async (query, code) => {
    const { status, body } = await search(query);
    expect(status).toBe(400);
    expect(body.error?.code).toBe(code);
  });

  it('needs a credential', async () => {
    expect((await search('?q=orders', false)).status).toBe(401);
  });
});
