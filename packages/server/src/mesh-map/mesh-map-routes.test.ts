/**
 * `GET /api/v1/mesh-map` over real HTTP: `mesh serve` (startPlatform) on a workspace where
 * sales.orders feeds sales.summary, finance.ledger and hr.payroll, and sales.summary feeds
 * finance.report (pipelines reading product ports: model lineage, no run needed). Real API
 * tokens; an access policy hides domain hr from everyone outside the platform team.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type RunningPlatform } from '../platform/start-platform.js';
import { createTempWorkspace, type TempWorkspace } from '../test-support/temp-workspace.js';
import type { MeshMapAnswer } from './mesh-map-answer.js';

const MESH = `apiVersion: meshwork/v1
kind: Mesh
name: mesh-map-test
teams:
  - { id: platform, name: Platform, members: [olga] }
users:
  - { id: olga, name: Olga, teams: [platform], roles: [owner] }
  - { id: ana, name: Ana, roles: [consumer] }
`;
const HIDDEN = `@id("hr-hidden")
@description("Only the platform team finds the hr domain.")
forbid (principal, action == Meshwork::Action::"discover", resource in Meshwork::Domain::"hr")
unless { principal in Meshwork::Team::"platform" };
`;
const FILE_INPUT = '  - name: raw_input\n    kind: file\n    path: data/sample.csv\n    format: csv';

let ws: TempWorkspace;
let platform: RunningPlatform;
const tokens: Record<string, string> = {};

/** Makes the scaffolded aggregate `product` read `upstream`'s port instead of its CSV. */
async function reads(product: string, upstream: string): Promise<void> {
  await ws.edit(`domains/${product.replace('.', '/')}/pipeline.yaml`, (yaml) =>
    yaml.replace(
      FILE_INPUT,
      `  - name: raw_input\n    kind: product\n    product: ${upstream}\n    port: ${upstream.split('.')[1]!}\n    majorVersion: 1`,
    ),
  );
}

beforeAll(async () => {
  ws = await createTempWorkspace([
    ['sales', 'orders'],
    ['sales', 'summary', 'aggregate'],
    ['finance', 'report', 'aggregate'],
    ['finance', 'ledger', 'aggregate'],
    ['hr', 'payroll', 'aggregate'],
  ]);
  await ws.write('mesh.yaml', MESH);
  await ws.write('policies/access/hidden.cedar', HIDDEN);
  await reads('sales.summary', 'sales.orders');
  await reads('finance.report', 'sales.summary');
  await reads('finance.ledger', 'sales.orders');
  await reads('hr.payroll', 'sales.orders');
  platform = await startPlatform({ root: ws.root, env: {}, port: 0, wirePort: false });
  for (const id of ['olga', 'ana']) {
    tokens[id] = (await platform.services.authenticator.tokens.create(id, { createdBy: 'test' })).token;
  }
}, 120_000);

afterAll(async () => {
  await platform?.close();
  await ws?.dispose();
});

interface ErrorJson {
  error: { code: string; message: string };
}

async function map(as: string, query = ''): Promise<{ status: number; body: MeshMapAnswer & Partial<ErrorJson> }> {
  const response = await fetch(`${platform.url}/api/v1/mesh-map${query}`, {
    headers: { authorization: `Bearer ${tokens[as]}` },
  });
  return { status: response.status, body: (await response.json()) as MeshMapAnswer & Partial<ErrorJson> };
}

const edges = (body: MeshMapAnswer) => body.edges?.map((e) => `${e.from} -> ${e.to}`);

describe('GET /api/v1/mesh-map', () => {
  it('answers a small mesh product by product, with health, in one request', async () => {
    const { status, body } = await map('olga');
    expect(status).toBe(200);
    expect(body).toMatchObject({ detail: 'products', threshold: 1500, visibleProducts: 5, hidden: 0, hiddenEdges: 0 });
    expect(body.products?.map((p) => p.id)).toEqual([
      'finance.ledger',
      'finance.report',
      'hr.payroll',
      'sales.orders',
      'sales.summary',
    ]);
    expect(body.products?.find((p) => p.id === 'sales.summary')).toMatchObject({
      domain: 'sales',
      archetype: 'aggregate',
    });
    // The health batch is computed on the first read: every product has a score.
    expect(body.products?.every((p) => typeof p.health === 'number')).toBe(true);
    expect(edges(body)?.sort()).toEqual([
      'sales.orders -> finance.ledger',
      'sales.orders -> hr.payroll',
      'sales.orders -> sales.summary',
      'sales.summary -> finance.report',
    ]);
    const sales = body.domains.find((d) => d.name === 'sales');
    expect(sales?.products).toBe(2);
    expect(Object.values(sales!.health).reduce((a, b) => a + b, 0)).toBe(2);
  });

  it('leaves out the products and edges of a domain the caller may not discover, and says so', async () => {
    const { body } = await map('ana');
    expect(body.detail).toBe('products');
    expect(body.domains.map((d) => d.name)).toEqual(['finance', 'sales']);
    expect(body.products?.map((p) => p.id)).not.toContain('hr.payroll');
    expect(JSON.stringify(body)).not.toMatch(/"hr"|"hr\./);
    expect(body).toMatchObject({ visibleProducts: 4, hidden: 1, hiddenEdges: 1 });
  });

  it('switches to domains above the threshold: domain edges carry the product edges behind them', async () => {
    const atThreshold = await map('ana', '?threshold=4');
    expect(atThreshold.body.detail).toBe('products');
    const { body } = await map('ana', '?threshold=3');
    expect(body.detail).toBe('domains');
    expect(body.products).toBeUndefined();
    expect(body.domains.map((d) => [d.name, d.products, d.parent])).toEqual([
      ['finance', 2, null],
      ['sales', 2, null],
    ]);
    expect(body.domainEdges).toEqual([{ from: 'sales', to: 'finance', edges: 2 }]);
    expect(body).toMatchObject({ hidden: 1, hiddenEdges: 1 });
    const olga = await map('olga', '?threshold=0');
    expect(olga.body.domainEdges).toEqual([
      { from: 'sales', to: 'finance', edges: 2 },
      { from: 'sales', to: 'hr', edges: 1 },
    ]);
  });

  it('drills into a domain: its products and edges, edges to other domains folded into those domains', async () => {
    const { status, body } = await map('ana', '?domain=sales');
    expect(status).toBe(200);
    expect(body).toMatchObject({ detail: 'domain', domain: 'sales', visibleProducts: 2, hidden: 0, hiddenEdges: 1 });
    expect(edges(body)).toEqual(['sales.orders -> sales.summary']);
    expect(body.crossEdges).toEqual([
      { product: 'sales.orders', domain: 'finance', direction: 'downstream', edges: 1 },
      { product: 'sales.summary', domain: 'finance', direction: 'downstream', edges: 1 },
    ]);
    const finance = await map('ana', '?domain=finance');
    expect(finance.body.crossEdges).toEqual([
      { product: 'finance.ledger', domain: 'sales', direction: 'upstream', edges: 1 },
      { product: 'finance.report', domain: 'sales', direction: 'upstream', edges: 1 },
    ]);
  });

  it('answers a hidden domain as an unknown one', async () => {
    const hidden = await map('ana', '?domain=hr');
    const unknown = await map('ana', '?domain=nowhere');
    expect([hidden.status, unknown.status]).toEqual([404, 404]);
    expect([hidden.body.error?.code, unknown.body.error?.code]).toEqual(['MW8921', 'MW8921']);
    expect((await map('olga', '?domain=hr')).body.products?.map((p) => p.id)).toEqual(['hr.payroll']);
  });

  it('refuses bad parameters with MW8920, naming the parameter', async () => {
    for (const query of ['?threshold=abc', '?threshold=5001', '?threshold=-1', '?domain=']) {
      const { status, body } = await map('ana', query);
      expect(status, query).toBe(400);
      expect(body.error?.code, query).toBe('MW8920');
    }
    expect((await map('ana', '?threshold=5001')).body.error?.message).toMatch(
      /^threshold must be a whole number from 0 to 5000/,
    );
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await (await fetch(`${platform.url}/api/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(doc.paths['/api/v1/mesh-map']).toBeDefined();
  });
});
