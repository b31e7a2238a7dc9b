/**
 * Usage metering end to end over real HTTP: `mesh serve` (startPlatform) on a workspace with a
 * published product and the starter access policies, queries through `POST /api/v1/query` with
 * real API tokens (one granted by an agreement), the recorder flushed, then usage read as the
 * product's owner and refused to a consumer.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMetadataStore, defaultSqlitePath } from '../../metadata/create-metadata-store.js';
import { startPlatform, type RunningPlatform } from '../../platform/start-platform.js';
import { createRunEngine } from '../../runtime/duckdb-session.js';
import { runProducts } from '../../runtime/run-products.js';
import { createTempWorkspace, type TempWorkspace } from '../../test-support/temp-workspace.js';
import { createLocalWarehouse, defaultWarehouseRoot } from '../../warehouse/local/create-local-warehouse.js';
import { loadWorkspaceFromDisk } from '../../workspace/load-workspace-from-disk.js';

// `sales` is owned by the platform team: olga owns sales.orders; ana consumes by role; ben has
// no role and reads under an agreement only.
const MESH = `apiVersion: meshwork/v1
kind: Mesh
name: usage-test
teams:
  - { id: platform, name: Platform, members: [olga] }
users:
  - { id: olga, name: Olga, teams: [platform], roles: [owner] }
  - { id: ana, name: Ana, roles: [consumer] }
  - { id: ben, name: Ben }
`;
const AGREEMENT = 'c0000000-0000-4000-8000-00000000000c';

let ws: TempWorkspace;
let platform: RunningPlatform;
const tokens: Record<string, { token: string; id: string }> = {};

beforeAll(async () => {
  ws = await createTempWorkspace([['sales', 'orders']]);
  await ws.write('mesh.yaml', MESH);
  const { model, diagnostics } = await loadWorkspaceFromDisk(ws.root, {});
  const store = await createMetadataStore({ kind: 'sqlite', path: defaultSqlitePath(ws.root) });
  const engine = createRunEngine({ tempDirectory: join(ws.root, '.meshwork/tmp') });
  const warehouse = createLocalWarehouse({ root: defaultWarehouseRoot(ws.root) });
  const [result] = await runProducts(
    { model, root: ws.root, store, warehouse, engine },
    diagnostics,
    ['sales.orders'],
    {
      trigger: 'manual',
      requestedBy: 'test',
    },
  );
  expect(result?.outcome).toBe('succeeded');
  engine.close();
  await store.close();

  platform = await startPlatform({ root: ws.root, env: {}, port: 0, wirePort: false });
  for (const id of ['olga', 'ana', 'ben']) {
    const created = await platform.services.authenticator.tokens.create(id, { createdBy: 'test' });
    tokens[id] = { token: created.token, id: created.record.id };
  }
  const port = platform.services.model.products.get('sales.orders')!.outputPorts[0]!;
  const { store: live } = platform.services;
  await live.createAgreement({
    id: AGREEMENT,
    principalId: 'ben',
    productId: 'sales.orders',
    port: port.name,
    major: port.major,
    purpose: 'Refund analysis',
    startsAt: new Date(Date.now() - 86_400_000),
    endsAt: new Date(Date.now() + 86_400_000),
  });
  await live.updateAgreementStatus({ id: AGREEMENT, from: 'pending', to: 'approved', by: 'olga' });
}, 120_000);

afterAll(async () => {
  await platform?.close();
  await ws?.dispose();
});

type Json = Record<string, unknown> & { items?: Record<string, unknown>[]; error?: { code: string } };

async function call(as: string | null, path: string, body?: unknown): Promise<{ status: number; body: Json }> {
  const response = await fetch(`${platform.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      ...(as ? { authorization: `Bearer ${tokens[as]!.token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Json };
}

describe('usage API', () => {
  beforeAll(async () => {
    const count = 'SELECT count(*) AS n FROM sales.orders';
    expect((await call('ana', '/api/v1/query', { sql: count, purpose: 'Weekly report' })).status).toBe(200);
    expect((await call('ana', '/api/v1/query', { sql: 'SELECT id FROM sales.orders LIMIT 2' })).status).toBe(200);
    expect((await call('ana', '/api/v1/query', { sql: 'SELECT 1' })).status).toBe(200);
    expect((await call('ben', '/api/v1/query', { sql: count })).status).toBe(200);
    await platform.usage.flush();
  });

  it('shows the owner who consumes the product, with purposes and agreements', async () => {
    const { status, body } = await call('olga', '/api/v1/products/sales.orders/usage');
    expect(status).toBe(200);
    expect(Date.parse(body.since as string)).toBeLessThan(Date.now() - 29 * 86_400_000);
    expect(body).toMatchObject({
      productId: 'sales.orders',
      consumers: [
        {
          principalId: 'ana',
          queries: 2,
          failed: 0,
          cancelled: 0,
          rows: 3,
          purposes: ['Weekly report'],
          agreementIds: [],
        },
        { principalId: 'ben', queries: 1, rows: 1, purposes: ['Refund analysis'], agreementIds: [AGREEMENT] },
      ],
    });
    const later = await call(
      'olga',
      `/api/v1/products/sales.orders/usage?since=${new Date(Date.now() + 60_000).toISOString()}`,
    );
    expect(later.body.consumers).toEqual([]);
    expect((await call('olga', '/api/v1/products/sales.orders/usage?since=7d')).body.consumers).toHaveLength(2);
  });

  it("pages the product's recent queries, newest first", async () => {
    const first = await call('olga', '/api/v1/products/sales.orders/usage/queries?limit=2');
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.items![0]).toMatchObject({
      principalId: 'ben',
      productId: 'sales.orders',
      purpose: 'Refund analysis',
      agreementIds: [AGREEMENT],
      rows: 1,
      status: 'ok',
      errorCode: null,
    });
    expect(first.body.items![0]).not.toHaveProperty('authenticatedBy');
    const rest = await call('olga', `/api/v1/products/sales.orders/usage/queries?after=${String(first.body.next)}`);
    expect(rest.body.items!.map((q) => q.principalId)).toEqual(['ana']);
    expect(rest.body.next).toBeUndefined();
  });

  it('refuses consumers with 403 and unknown products with the products 404', async () => {
    for (const path of ['/api/v1/products/sales.orders/usage', '/api/v1/products/sales.orders/usage/queries']) {
      const refused = await call('ana', path);
      expect(refused.status, path).toBe(403);
      expect(refused.body.error?.code).toBe('MW5301');
    }
    const unknown = await call('olga', '/api/v1/products/sales.nothing/usage');
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: 'MW8013' } } });
    expect((await call('olga', '/api/v1/products/sales.nothing/usage/queries')).status).toBe(404);
    expect((await call(null, '/api/v1/products/sales.orders/usage')).status).toBe(401);
    const bad = await call('olga', '/api/v1/products/sales.orders/usage?since=last-tuesday');
    expect(bad).toMatchObject({ status: 400, body: { error: { code: 'MW5302' } } });
  });

  it('shows every principal its own queries, with the token that ran them', async () => {
    const mine = await call('ana', '/api/v1/me/usage');
    expect(mine.status).toBe(200);
    expect(mine.body.items!.map((q) => [q.principalId, q.authenticatedBy, q.rows])).toEqual([
      ['ana', `token:${tokens.ana!.id}`, 2],
      ['ana', `token:${tokens.ana!.id}`, 1],
    ]);
    expect((await call('olga', '/api/v1/me/usage')).body.items).toEqual([]);
  });

  it('lists the usage routes in the OpenAPI document under the usage tag', async () => {
    const doc = (await (await fetch(`${platform.url}/api/openapi.json`)).json()) as {
      paths: Record<string, { get?: { tags?: string[] } }>;
    };
    for (const path of ['/api/v1/products/{id}/usage', '/api/v1/products/{id}/usage/queries', '/api/v1/me/usage']) {
      expect(doc.paths[path]?.get?.tags, path).toEqual(['usage']);
    }
  });
});
