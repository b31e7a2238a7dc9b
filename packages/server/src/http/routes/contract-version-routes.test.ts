/**
 * `GET /api/v1/products/{id}/contracts/{contractId}/versions/{version}` over real HTTP:
 * `mesh serve` (startPlatform) on a workspace whose sales.orders contract was registered as 1.0.0
 * and has since lost a column, real API tokens, and an access policy that hides sales.secret from
 * everyone outside its owning team.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  startChangedContractPlatform,
  type ChangedContractPlatform,
} from '../test-support/changed-contract-platform.js';

let served: ChangedContractPlatform;
let contractId: string;
let secretContractId: string;

beforeAll(async () => {
  served = await startChangedContractPlatform('contract-version-test');
  contractId = served.model.products.get('sales.orders')!.outputPorts[0]!.contractId!;
  secretContractId = served.model.products.get('sales.secret')!.outputPorts[0]!.contractId!;
}, 120_000);

afterAll(async () => {
  await served?.close();
});

interface Json {
  [key: string]: unknown;
  document: { schema: { properties: { name: string }[] }[] } & Record<string, unknown>;
  yaml: string;
  error?: { code: string; message: string };
}

const get = (as: 'olga' | 'ana' | null, path: string) => served.get<Json>(as, path);

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
    const workspace = await served.ws.read('domains/sales/orders/orders.odcs.yaml');
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
    const doc = (await (await fetch(`${served.platform.url}/api/openapi.json`)).json()) as {
      paths: Record<string, { get?: { tags?: string[] } }>;
    };
    expect(doc.paths['/api/v1/products/{id}/contracts/{contractId}/versions/{version}']?.get?.tags).toEqual([
      'products',
    ]);
  });
});
