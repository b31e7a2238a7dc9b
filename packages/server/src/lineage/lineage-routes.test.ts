/**
 * Lineage and impact over real HTTP: `mesh serve` (startPlatform) on a workspace where
 * sales.orders (a CSV) feeds sales.summary, which feeds finance.report; the products are built
 * through the platform's runtime, so the lineage listener records what the extractor found.
 * Real API tokens; an access policy hides sales.orders from everyone outside its owning team.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type RunningPlatform } from '../platform/start-platform.js';
import { runProducts } from '../runtime/run-products.js';
import { createTempWorkspace, type TempWorkspace } from '../test-support/temp-workspace.js';
import type { ImpactResult } from './impact-types.js';
import type { LineageEdgeView, LineageResult } from './lineage-view-types.js';

const MESH = `apiVersion: meshwork/v1
kind: Mesh
name: lineage-test
teams:
  - { id: platform, name: Platform, members: [olga] }
users:
  - { id: olga, name: Olga, teams: [platform], roles: [owner] }
  - { id: ana, name: Ana, roles: [consumer] }
  - { id: adam, name: Adam, roles: [admin] }
`;
const HIDDEN = `@id("orders-hidden")
@description("Only the owning team finds sales.orders.")
forbid (principal, action == Meshwork::Action::"discover", resource == Meshwork::Product::"sales.orders")
unless { principal in Meshwork::Team::"platform" };
`;
const FILE_INPUT = '  - name: raw_input\n    kind: file\n    path: data/sample.csv\n    format: csv';
const AGREEMENT = 'a0000000-0000-4000-8000-00000000000a';

let ws: TempWorkspace;
let platform: RunningPlatform;
const tokens: Record<string, string> = {};

/** Makes the scaffolded aggregate `product` read `upstream`'s port instead of its CSV. */
async function reads(product: string, upstream: string, port: string): Promise<void> {
  const dir = `domains/${product.replace('.', '/')}`;
  await ws.edit(`${dir}/pipeline.yaml`, (yaml) =>
    yaml.replace(
      FILE_INPUT,
      `  - name: raw_input\n    kind: product\n    product: ${upstream}\n    port: ${port}\n    majorVersion: 1`,
    ),
  );
  await ws.edit(`${dir}/${product.split('.')[1]}.sql`, (sql) => sql.replace('MIN(created_at)', 'MIN(created_on)'));
}

beforeAll(async () => {
  ws = await createTempWorkspace([
    ['sales', 'orders'],
    ['sales', 'summary', 'aggregate'],
    ['finance', 'report', 'aggregate'],
  ]);
  await ws.write('mesh.yaml', MESH);
  await ws.write('policies/access/hidden.cedar', HIDDEN);
  await reads('sales.summary', 'sales.orders', 'orders');
  await reads('finance.report', 'sales.summary', 'summary');
  platform = await startPlatform({ root: ws.root, env: {}, port: 0, wirePort: false });
  const { services } = platform;
  const results = await runProducts(services.runtime, services.diagnostics, 'all', {
    trigger: 'manual',
    requestedBy: 'test',
  });
  expect(results.map((r) => r.outcome)).toEqual(['succeeded', 'succeeded', 'succeeded']);
  await services.lineage.idle();
  for (const id of ['olga', 'ana', 'adam']) {
    tokens[id] = (await services.authenticator.tokens.create(id, { createdBy: 'test' })).token;
  }
  await services.store.createAgreement({
    id: AGREEMENT,
    principalId: 'ana',
    productId: 'finance.report',
    port: 'report',
    major: 1,
    purpose: 'quarterly board pack',
    startsAt: '2024-01-01T00:00:00.000Z',
    endsAt: '2099-01-01T00:00:00.000Z',
  });
  await services.store.updateAgreementStatus({ id: AGREEMENT, from: 'pending', to: 'approved', by: 'olga' });
}, 180_000);

afterAll(async () => {
  await platform?.close();
  await ws?.dispose();
});

interface ErrorJson {
  error: { code: string; message: string };
}

async function get<T>(as: string | null, path: string): Promise<{ status: number; body: T & Partial<ErrorJson> }> {
  const response = await fetch(`${platform.url}${path}`, {
    headers: as ? { authorization: `Bearer ${tokens[as]}` } : {},
  });
  return { status: response.status, body: (await response.json()) as T & Partial<ErrorJson> };
}

const edge = (e: LineageEdgeView) =>
  `${e.from} -${e.kind}${e.transform ? `:${e.transform}` : ''}-> ${e.to}${e.unresolved ? ' (unresolved)' : ''}`;

describe('lineage API', () => {
  it('answers a column’s lineage recorded by the runs, with transforms', async () => {
    const { status, body } = await get<LineageResult>(
      'olga',
      '/api/v1/lineage/sales.summary.summary.amount?direction=upstream',
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({
      ref: 'sales.summary.summary@1.amount',
      direction: 'upstream',
      depth: 10,
      columns: true,
    });
    const edges = body.edges.map(edge);
    expect(edges).toContain('sales.orders.orders@1.amount -column:aggregate-> sales.summary.summary@1.amount');
    expect(edges).toContain(
      'file:domains/sales/orders/data/sample.csv#amount -column:expression-> sales.orders.orders@1.amount',
    );
    expect(body.edges.filter((e) => e.kind === 'column').every((e) => e.source === 'pipeline')).toBe(true);
    expect(body.hidden).toBe(0);
  });

  it('answers product-level lineage downstream, and follows depth', async () => {
    const { body } = await get<LineageResult>('olga', '/api/v1/lineage/sales.orders?direction=downstream');
    expect(body.edges.map(edge)).toEqual([
      'sales.orders.orders@1 -dataset-> sales.summary.summary@1',
      'sales.summary.summary@1 -dataset-> finance.report.report@1',
    ]);
    const shallow = await get<LineageResult>('olga', '/api/v1/lineage/sales.orders?direction=downstream&depth=1');
    expect(shallow.body.nodes.map((n) => [n.ref, n.downstream])).toEqual([
      ['sales.orders', 0],
      ['sales.orders.orders@1', 0],
      ['sales.summary.summary@1', 1],
    ]);
  });

  it('leaves out, and counts, the upstream product the caller may not discover', async () => {
    const { status, body } = await get<LineageResult>(
      'ana',
      '/api/v1/lineage/finance.report.report.amount?direction=upstream',
    );
    expect(status).toBe(200);
    expect(body.edges.map(edge)).toContain(
      'sales.summary.summary@1.amount -column:aggregate-> finance.report.report@1.amount',
    );
    expect(body.hidden).toBeGreaterThan(0);
    expect(JSON.stringify(body)).not.toContain('sales.orders');
    // What lies beyond the hidden product is still shown: the CSV it reads is not visible either.
    expect(JSON.stringify(body)).not.toContain('sample.csv');

    const hidden = await get('ana', '/api/v1/lineage/sales.orders.orders.amount');
    const unknown = await get('ana', '/api/v1/lineage/sales.nothing.orders.amount');
    expect(hidden).toEqual({
      status: 404,
      body: { error: { code: 'MW8820', message: 'no lineage node "sales.orders.orders.amount"' } },
    });
    expect(unknown.body.error!.message).toBe('no lineage node "sales.nothing.orders.amount"');
    expect((await get('ana', '/api/v1/impact/sales.orders')).status).toBe(404);
  });

  it('answers impact with the downstream ports and columns and the consumers', async () => {
    const { status, body } = await get<ImpactResult>('olga', '/api/v1/impact/sales.orders.orders.amount');
    expect(status).toBe(200);
    expect(body.ports.map((p) => [p.ref, p.distance])).toEqual([
      ['sales.orders.orders@1', 0],
      ['sales.summary.summary@1', 1],
      ['finance.report.report@1', 2],
    ]);
    expect(body.columns.map((c) => [c.ref, c.distance])).toEqual([
      ['sales.orders.orders@1.amount', 0],
      ['sales.summary.summary@1.amount', 1],
      ['finance.report.report@1.amount', 2],
    ]);
    expect(body.consumers.agreements).toEqual([
      {
        id: AGREEMENT,
        principalId: 'ana',
        productId: 'finance.report',
        port: 'report',
        major: 1,
        purpose: 'quarterly board pack',
        startsAt: '2024-01-01T00:00:00.000Z',
        endsAt: '2099-01-01T00:00:00.000Z',
      },
    ]);
    expect(body.consumers.owners).toEqual([{ team: 'platform', products: ['sales.summary', 'finance.report'] }]);
    expect(body.consumers.withheld).toEqual([]);

    // Ana may not approve access to finance.report: she gets counts, not who.
    const forAna = await get<ImpactResult>('ana', '/api/v1/impact/sales.summary.summary.amount');
    expect(forAna.body.consumers.agreements).toEqual([]);
    expect(forAna.body.consumers.withheld).toEqual([
      expect.objectContaining({ productId: 'finance.report', activeAgreements: 1 }),
    ]);
  });

  it('refuses bad input with a coded 400 or 404, and 401 without a token', async () => {
    expect((await get('olga', '/api/v1/lineage/sales.orders?depth=0')).body.error!.code).toBe('MW9001');
    expect((await get('olga', '/api/v1/lineage/sales.orders?direction=sideways')).status).toBe(400);
    const port = await get('olga', '/api/v1/lineage/sales.orders.order');
    expect(port).toEqual({
      status: 404,
      body: {
        error: {
          code: 'MW8821',
          message: 'sales.orders has no output port "order"; did you mean "orders"? (ports: orders)',
        },
      },
    });
    const external = await get('olga', `/api/v1/lineage/${encodeURIComponent('s3://lake/exports/x')}`);
    expect(external.body.error).toEqual({ code: 'MW8820', message: 'no lineage node "s3://lake/exports/x"' });
    expect((await get(null, '/api/v1/lineage/sales.orders')).status).toBe(401);
  });

  it('lists accepted OpenLineage events to administrators only, and merges them', async () => {
    const { services } = platform;
    const event = await services.store.appendLineageEvent({
      id: 'b0000000-0000-4000-8000-00000000000b',
      eventType: 'COMPLETE',
      eventTime: '2024-05-01T12:00:00.000Z',
      producer: 'https://example.com/spark',
      body: { outputs: [{ namespace: 's3://lake', name: 'exports/report' }] },
      receivedBy: 'adam',
    });
    services.lineage.mergeEvent({
      id: event.id,
      eventType: 'COMPLETE',
      eventTime: event.eventTime,
      inputs: [{ namespace: 'meshwork://lineage-test', name: 'finance.report.report_v1' }],
      outputs: [{ namespace: 's3://lake', name: 'exports/report' }],
    });
    const listed = await get<{ items: unknown[] }>('adam', '/api/v1/lineage/events');
    expect(listed).toEqual({ status: 200, body: { items: [JSON.parse(JSON.stringify(event))] } });
    const refused = await get('olga', '/api/v1/lineage/events');
    expect(refused.status).toBe(403);
    expect(refused.body.error!.code).toBe('MW8824');
    const external = await get<LineageResult>(
      'olga',
      `/api/v1/lineage/${encodeURIComponent('s3://lake/exports/report')}?direction=upstream&depth=1`,
    );
    expect(external.body.edges.map(edge)).toEqual(['finance.report.report@1 -dataset-> s3://lake/exports/report']);
  });

  it('documents the routes in the OpenAPI document', async () => {
    const response = await fetch(`${platform.url}/api/openapi.json`);
    const paths = Object.keys(((await response.json()) as { paths: Record<string, unknown> }).paths);
    expect(paths).toEqual(
      expect.arrayContaining(['/api/v1/lineage/{ref}', '/api/v1/impact/{ref}', '/api/v1/lineage/events']),
    );
  });
});
