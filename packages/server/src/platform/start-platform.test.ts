/**
 * `mesh serve` end to end over real HTTP: products, runs, OpenAPI, health, one server per workspace,
 * and bearer authentication on every /api/v1 route.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMetadataStore } from '../metadata/create-metadata-store.js';
import { defaultSqlitePath } from '../metadata/create-metadata-store.js';
import { createRunEngine } from '../runtime/duckdb-session.js';
import { runProducts } from '../runtime/run-products.js';
import { createTempWorkspace, type TempWorkspace } from '../test-support/temp-workspace.js';
import { createLocalWarehouse, defaultWarehouseRoot } from '../warehouse/local/create-local-warehouse.js';
import { loadWorkspaceFromDisk } from '../workspace/load-workspace-from-disk.js';
import { startPlatform, type RunningPlatform } from './start-platform.js';

let ws: TempWorkspace;
let platform: RunningPlatform;
let runId: string;
let token: string;

beforeAll(async () => {
  ws = await createTempWorkspace([
    ['sales', 'orders'],
    ['sales', 'refunds'],
    ['finance', 'revenue', 'aggregate'],
  ]);
  // Publish one product before the server starts, as `mesh run` would.
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
  runId = result!.outcome === 'skipped' ? '' : result!.summary.runId;
  engine.close();
  await store.close();
  platform = await startPlatform({ root: ws.root, env: {}, port: 0 });
  token = (await platform.services.authenticator.tokens.create('admin', { createdBy: 'test' })).token;
});

afterAll(async () => {
  await platform?.close();
  await ws?.dispose();
});

const get = async (path: string, authorization: string | null = `Bearer ${token}`) => {
  const response = await fetch(`${platform.url}${path}`, { headers: authorization ? { authorization } : {} });
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown> & { items?: Record<string, unknown>[] },
  };
};

describe('mesh serve', () => {
  it('answers health and readiness', async () => {
    expect(await get('/healthz')).toEqual({ status: 200, body: { status: 'ok' } });
    expect(await get('/readyz', null)).toEqual({ status: 200, body: { status: 'ready' } });
  });

  it('requires a bearer token on every /api/v1 route', async () => {
    for (const path of ['/api/v1/products', '/api/v1/products/sales.orders', `/api/v1/runs/${runId}`, '/api/v1/runs']) {
      const response = await fetch(`${platform.url}${path}`);
      expect(response.status, path).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="meshwork"');
      expect(await response.json()).toMatchObject({ error: { code: 'MW5201' } });
    }
    expect(await get('/api/v1/products', `Bearer ${token.slice(0, -1)}x`)).toMatchObject({
      status: 401,
      body: { error: { code: 'MW5203' } },
    });
    const fresh = await platform.services.authenticator.tokens.create('admin', { createdBy: 'test' });
    expect((await get('/api/v1/products', `Bearer ${fresh.token}`)).status).toBe(200);
    await platform.services.authenticator.tokens.revoke(fresh.record.id, 'test');
    expect(await get('/api/v1/products', `Bearer ${fresh.token}`)).toMatchObject({
      status: 401,
      body: { error: { code: 'MW5205' } },
    });
  });

  it('lists products with keyset pagination and their freshness status', async () => {
    const first = await get('/api/v1/products?limit=2');
    expect(first.status).toBe(200);
    expect(first.body.items!.map((p) => p.id)).toEqual(['finance.revenue', 'sales.orders']);
    expect(first.body.next).toBe('sales.orders');
    const second = await get(`/api/v1/products?limit=2&after=${first.body.next as string}`);
    expect(second.body.items!.map((p) => p.id)).toEqual(['sales.refunds']);
    expect(second.body.next).toBeUndefined();
    const orders = await get('/api/v1/products/sales.orders');
    expect(orders.body).toMatchObject({
      id: 'sales.orders',
      status: 'fresh',
      archetype: 'source-aligned',
      owner: 'platform',
    });
    expect((await get('/api/v1/products/sales.refunds')).body.status).toBe('unknown');
    expect((await get('/api/v1/products?domain=finance')).body.items!.map((p) => p.id)).toEqual(['finance.revenue']);
    const history = await get('/api/v1/products/sales.orders/status');
    expect(history.body.items!.map((h) => h.status)).toEqual(['fresh']);
  });

  it('serves run history', async () => {
    const runs = await get('/api/v1/runs?product=sales.orders');
    expect(runs.body.items!.map((r) => r.id)).toEqual([runId]);
    const run = await get(`/api/v1/runs/${runId}`);
    expect(run.body).toMatchObject({ id: runId, status: 'succeeded', productId: 'sales.orders', rowsOut: 2 });
    expect((run.body.checks as unknown[]).length).toBeGreaterThan(5);
  });

  it('answers errors with a status and a stable code', async () => {
    expect(await get('/api/v1/products/sales.nothing')).toMatchObject({
      status: 404,
      body: { error: { code: 'MW8013' } },
    });
    expect(await get('/api/v1/runs/00000000-0000-4000-8000-000000000000')).toMatchObject({
      status: 404,
      body: { error: { code: 'MW6121' } },
    });
    expect(await get('/api/v1/products?limit=0')).toMatchObject({ status: 400, body: { error: { code: 'MW9001' } } });
  });

  it('publishes an OpenAPI 3.1 document of its routes and a reference page', async () => {
    const doc = await get('/api/openapi.json', null);
    expect(doc.body.openapi).toBe('3.1.0');
    expect(doc.body.components).toMatchObject({ securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } });
    expect(doc.body.security).toEqual([{ bearer: [] }]);
    const paths = doc.body.paths as Record<string, { get: { security?: unknown } }>;
    expect(paths['/healthz']!.get.security).toEqual([]);
    expect(Object.keys(doc.body.paths as object)).toEqual(
      expect.arrayContaining(['/api/v1/products', '/api/v1/products/{id}', '/api/v1/runs', '/api/v1/runs/{id}']),
    );
    // Every protected operation documents its 401 (answered before any handler runs).
    const operations = Object.entries(doc.body.paths as Record<string, Record<string, { responses?: object }>>)
      .filter(([path]) => path.startsWith('/api/v1/'))
      .flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })));
    expect(operations.length).toBeGreaterThan(40);
    expect(
      operations.filter((o) => !Object.hasOwn(o.op.responses ?? {}, '401')).map((o) => `${o.method} ${o.path}`),
    ).toEqual([]);
    const page = await fetch(`${platform.url}/api/docs`, { redirect: 'follow' });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html');
  });

  it('schedules products by their pipeline cron and runs them as the scheduler', async () => {
    const scheduled = platform.schedule.scheduled.map((s) => s.productId).sort();
    expect(scheduled).toEqual(['finance.revenue', 'sales.orders', 'sales.refunds']);
    const next = platform.schedule.scheduled.find((s) => s.productId === 'sales.refunds')!.next!;
    expect(next.getUTCHours()).toBe(2); // "0 2 * * *"
    expect(next.getUTCMinutes()).toBe(0);
    await platform.schedule.runNow('sales.refunds');
    const runs = await get('/api/v1/runs?product=sales.refunds');
    expect(runs.body.items!.map((r) => [r.trigger, r.requestedBy, r.status])).toEqual([
      ['schedule', 'scheduler', 'succeeded'],
    ]);
  });

  it('refuses a second server on the same workspace with the SQLite store, and says why', async () => {
    await expect(startPlatform({ root: ws.root, env: {}, port: 0 })).rejects.toMatchObject({
      code: 'MW9003',
      message: expect.stringContaining('use a PostgreSQL metadata store'),
    });
  });
});
