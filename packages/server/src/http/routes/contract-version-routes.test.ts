/**
 * `GET /api/v1/products/{id}/contracts/{contractId}/versions/{version}` over real HTTP:
 * `mesh serve` (startPlatform) on a workspace whose sales.orders contract was registered as 1.0.0
 * and has since lost a column, real API tokens, and an access policy that hides sales.secret from
 * everyone outside its owning team.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { registerProducts } from '../../catalog/register-products.js';
import { createMetadataStore, defaultSqlitePath } from '../../metadata/create-metadata-store.js';
import { startPlatform, type RunningPlatform } from '../../platform/start-platform.js';
import { createTempWorkspace, type TempWorkspace } from '../../test-support/temp-workspace.js';
import { loadWorkspaceFromDisk } from '../../workspace/load-workspace-from-disk.js';

const MESH = `apiVersion: meshwork/v1
kind: Mesh
name: contract-version-test
teams:
  - { id: platform, name: Platform, members: [olga] }
users:
  - { id: olga, name: Olga, teams: [platform], roles: [owner] }
  - { id: ana, name: Ana, roles: [consumer] }
`;
const HIDDEN = `@id("secret-hidden")
@description("Only the owning team finds sales.secret.")
forbid (principal, action == Meshwork::Action::"discover", resource == Meshwork::Product::"sales.secret")
unless { principal in Meshwork::Team::"platform" };
`;

let ws: TempWorkspace;
let platform: RunningPlatform;
let contractId: string;
let secretContractId: string;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  ws = await createTempWorkspace([
    ['sales', 'orders'],
    ['sales', 'secret'],
  ]);
  await ws.write('mesh.yaml', MESH);
  await ws.write('policies/access/hidden.cedar', HIDDEN);
  const { model, diagnostics } = await loadWorkspaceFromDisk(ws.root, {});
  contractId = model.products.get('sales.orders')!.outputPorts[0]!.contractId!;
  secretContractId = model.products.get('sales.secret')!.outputPorts[0]!.contractId!;
  const store = await createMetadataStore({ kind: 'sqlite', path: defaultSqlitePath(ws.root) });
  await registerProducts(store, model, diagnostics, 'test', ['sales.orders']);
  await store.close();
  // After publication, the workspace's contract loses the amount column.
  await ws.edit('domains/sales/orders/orders.odcs.yaml', (text) =>
    text.replace(/ {6}- name: amount\n(?: {8}.*\n)+/, ''),
  );

  platform = await startPlatform({ root: ws.root, env: {}, port: 0, wirePort: false });
  for (const id of ['olga', 'ana']) {
    tokens[id] = (await platform.services.authenticator.tokens.create(id, { createdBy: 'test' })).token;
  }
}, 120_000);

afterAll(async () => {
  await platform?.close();
  await ws?.dispose();
});

interface Json {
  [key: string]: unknown;
  document: { schema: { properties: { name: string }[] }[] } & Record<string, unknown>;
  yaml: string;
  error?: { code: string; message: string };
}

async function get(as: string | null, path: string): Promise<{ status: number; body: Json }> {
  const response = await fetch(`${platform.url}${path}`, {
    headers: as ? { authorization: `Bearer ${tokens[as]}` } : {},
  });
  return { status: response.status, body: (await response.json()) as Json };
}

const columns = (body: Json) => body.document.schema[0]!.properties.map((p) => p.name);
const path = (product: string, contract: string, version: string) =>
  `/api/v1/products/${product}/contracts/${contract}/versions/${version}`;

describe('contract version API', () => {
  it('returns a registered version as published, with its YAML', async () => {
    const { status, body } = await get('ana', path('sales.orders', contractId, '1.0.0'));
    expect(status).toBe(200);
    expect(body).toMatchObject({
      productId: 'sales.orders',
      contractId,
      port: 'orders',
      major: 1,
      version: '1.0.0',
      documentVersion: '1.0.0',
      registered: true,
      publishedBy: 'test',
      publishedAt: expect.any(String),
    });
    // The registered document still has the column the workspace has since removed.
    expect(columns(body)).toContain('amount');
    expect(parse(body.yaml)).toEqual(body.document);
  });

  it("writes the YAML in the authors' key order, not the store's sorted one", async () => {
    const { body } = await get('ana', path('sales.orders', contractId, '1.0.0'));
    const topLevel = body.yaml.split('\n').filter((line) => /^[a-zA-Z]/.test(line));
    expect(topLevel.slice(0, 3)).toEqual(['apiVersion: v3.1.0', 'kind: DataContract', `id: ${contractId}`]);
    const workspace = await ws.read('domains/sales/orders/orders.odcs.yaml');
    const writtenOrder = Object.keys(parse(workspace) as object);
    expect(Object.keys(parse(body.yaml) as object)).toEqual(writtenOrder);
  });

  it('returns the workspace document as `workspace`', async () => {
    const { status, body } = await get('olga', path('sales.orders', contractId, 'workspace'));
    expect(status).toBe(200);
    expect(body).toMatchObject({ version: 'workspace', registered: false, publishedAt: null, publishedBy: null });
    expect(columns(body)).not.toContain('amount');
    expect(parse(body.yaml)).toEqual(body.document);
    // Never published, its workspace document is still there for its owners.
    const secret = await get('olga', path('sales.secret', secretContractId, 'workspace'));
    expect(secret).toMatchObject({ status: 200, body: { port: 'secret', registered: false } });
  });

  it('answers 404 for unknown and undiscoverable products, contracts and versions, 401 without a token', async () => {
    expect(await get('ana', path('sales.secret', secretContractId, 'workspace'))).toEqual({
      status: 404,
      body: { error: { code: 'MW8013', message: 'no product "sales.secret"' } },
    });
    expect(await get('ana', path('sales.orders', contractId, '9.9.9'))).toMatchObject({
      status: 404,
      body: { error: { code: 'MW7014', message: expect.stringContaining('(registered: 1.0.0; or "workspace")') } },
    });
    // Another product's contract is not one of this product's.
    expect(await get('olga', path('sales.orders', secretContractId, 'workspace'))).toMatchObject({
      status: 404,
      body: { error: { code: 'MW7013', message: expect.stringContaining(`${contractId} (orders@1)`) } },
    });
    expect((await get(null, path('sales.orders', contractId, '1.0.0'))).status).toBe(401);
  });

  it('is in the OpenAPI document under the products tag', async () => {
    const doc = (await (await fetch(`${platform.url}/api/openapi.json`)).json()) as {
      paths: Record<string, { get?: { tags?: string[] } }>;
    };
    expect(doc.paths['/api/v1/products/{id}/contracts/{contractId}/versions/{version}']?.get?.tags).toEqual([
      'products',
    ]);
  });
});
