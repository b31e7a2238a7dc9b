/**
 * `GET /api/v1/catalog/dcat` over real HTTP: `mesh serve` (startPlatform) on a workspace with
 * three products, one hidden by an access policy from everyone outside its owning team.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type RunningPlatform } from '../../platform/start-platform.js';
import { createTempWorkspace, type TempWorkspace } from '../../test-support/temp-workspace.js';

const MESH = `apiVersion: meshwork/v1
kind: Mesh
name: dcat-test
teams:
  - { id: platform, name: Platform, members: [olga] }
users:
  - { id: olga, name: Olga, teams: [platform], roles: [owner] }
  - { id: ana, name: Ana, roles: [consumer] }
`;
const HIDDEN = `@id("secret-hidden")
forbid (principal, action == Meshwork::Action::"discover", resource == Meshwork::Product::"sales.secret")
unless { principal in Meshwork::Team::"platform" };
`;

let ws: TempWorkspace;
let platform: RunningPlatform;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  ws = await createTempWorkspace([
    ['sales', 'orders'],
    ['sales', 'returns'],
    ['sales', 'secret'],
  ]);
  await ws.write('mesh.yaml', MESH);
  await ws.write('policies/access/hidden.cedar', HIDDEN);
  platform = await startPlatform({ root: ws.root, env: {}, port: 0, wirePort: false });
  for (const id of ['olga', 'ana']) {
    tokens[id] = (await platform.services.authenticator.tokens.create(id, { createdBy: 'test' })).token;
  }
}, 120_000);

afterAll(async () => {
  await platform?.close();
  await ws?.dispose();
});

type Node = Record<string, unknown>;

async function get(as: string | null, path: string): Promise<{ status: number; type: string; body: Node }> {
  const response = await fetch(`${platform.url}${path}`, {
    headers: as ? { authorization: `Bearer ${tokens[as]}` } : {},
  });
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    body: (await response.json()) as Node,
  };
}

const ids = (doc: Node): unknown[] => ((doc['dcat:dataset'] ?? []) as Node[]).map((d) => d['@id']);

describe('GET /api/v1/catalog/dcat', () => {
  it('answers JSON-LD with the products the caller may discover', async () => {
    const { status, type, body } = await get('ana', '/api/v1/catalog/dcat');
    expect(status).toBe(200);
    expect(type).toMatch(/^application\/ld\+json/);
    expect(body['@type']).toBe('dcat:Catalog');
    expect(body['@context']).toMatchObject({ dcat: 'http://www.w3.org/ns/dcat#' });
    expect(ids(body)).toEqual(['urn:meshwork:sales:orders', 'urn:meshwork:sales:returns']);
    expect(JSON.stringify(body)).not.toContain('secret');
    const [orders] = body['dcat:dataset'] as Node[];
    expect((orders!['dcat:distribution'] as Node[])[0]).toMatchObject({
      'dcat:accessURL': { '@id': `${platform.url}/api/v1/query` },
    });
  });

  it('lists the hidden product to its owning team', async () => {
    expect(ids((await get('olga', '/api/v1/catalog/dcat')).body)).toContain('urn:meshwork:sales:secret');
  });

  it('pages with hydra:next until the last page', async () => {
    const first = await get('olga', '/api/v1/catalog/dcat?limit=2');
    expect(ids(first.body)).toEqual(['urn:meshwork:sales:orders', 'urn:meshwork:sales:returns']);
    const next = ((first.body['hydra:view'] as Node)['hydra:next'] as Node)['@id'] as string;
    expect(next).toBe(`${platform.url}/api/v1/catalog/dcat?limit=2&after=sales.returns`);
    const second = await get('olga', new URL(next).pathname + new URL(next).search);
    expect(ids(second.body)).toEqual(['urn:meshwork:sales:secret']);
    expect(second.body['hydra:view']).not.toHaveProperty('hydra:next');
  });

  it('answers 401 without a credential and 400 for a bad limit', async () => {
    expect((await get(null, '/api/v1/catalog/dcat')).status).toBe(401);
    expect((await get('ana', '/api/v1/catalog/dcat?limit=0')).status).toBe(400);
  });
});
