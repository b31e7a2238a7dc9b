/**
 * The incident routes over real HTTP (`mesh serve` on a scaffolded workspace, real API tokens, a
 * real SQLite store): status and run histories written through the store, incidents read back
 * as each caller may discover them, paged, filtered, and described in the OpenAPI document.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccessWorkspace, type AccessWorkspace } from '../agreements/test-support/access-workspace.js';
import { createMetadataStore, defaultSqlitePath } from '../metadata/create-metadata-store.js';
import type { MetadataStore } from '../metadata/metadata-store.js';
import type { ProductStatus } from '../metadata/product-status-types.js';
import { startPlatform, type RunningPlatform } from '../platform/start-platform.js';
import type { Incident } from './incident-types.js';

const HIDE_MARKETING = `@id("test-hide-marketing-from-ben")\nforbid (principal == Meshwork::User::"ben", action == Meshwork::Action::"discover", resource in Meshwork::Domain::"marketing");\n`;
const at = (hour: number) => new Date(Date.UTC(2026, 0, 1, hour)).toISOString();

let workspace: AccessWorkspace;
let platform: RunningPlatform;
const tokens: Record<string, string> = {};

/** The histories the incidents come from, written before the server starts. */
async function writeHistories(store: MetadataStore): Promise<void> {
  for (const [domain, name] of [
    ['sales', 'orders'],
    ['sales', 'returns'],
    ['marketing', 'campaigns'],
  ] as const) {
    await store.upsertProduct({
      id: `${domain}.${name}`,
      domain,
      name,
      urn: `urn:meshwork:${domain}:${name}`,
      archetype: 'source-aligned',
      status: 'active',
      ownerTeam: domain === 'sales' ? 'sales-data' : 'marketing-analytics',
      currentVersion: '1.0.0',
    });
  }
  const status = (productId: string, value: ProductStatus, hour: number, reason: string = value) =>
    store.recordProductStatus({ productId, status: value, reason, at: at(hour) });
  const failRun = async (productId: string, id: string, hour: number) => {
    await store.createRun({ id, productId, trigger: 'schedule', requestedBy: 'scheduler', startedAt: at(hour) });
    await store.finishRun(id, {
      status: 'failed',
      finishedAt: new Date(Date.parse(at(hour)) + 60_000),
      rowsIn: 5,
      rowsOut: 0,
      error: { code: 'MW8006', message: '1 blocking contract check failed; nothing was published' },
      steps: [],
      checks: [
        { id: 'schema:column:order_id', status: 'passed', blocking: true, message: 'present' },
        {
          id: 'quality:order_id:no_nulls',
          port: 'orders',
          major: 1,
          column: 'order_id',
          status: 'failed',
          blocking: true,
          observed: 3,
          threshold: 'mustBe 0',
          message: 'nullValues of "order_id" is 3',
        },
      ],
      outputs: [],
    });
  };
  // sales.orders: fresh, then two failed runs — open, high.
  await status('sales.orders', 'fresh', 1);
  await failRun('sales.orders', '00000000-0000-4000-8000-000000000001', 2);
  await status('sales.orders', 'failing', 3, 'run 00000000-0000-4000-8000-000000000001 failed: MW8006');
  await failRun('sales.orders', '00000000-0000-4000-8000-000000000002', 5);
  // sales.returns: stale for an hour — resolved, medium.
  await status('sales.returns', 'fresh', 1);
  await status('sales.returns', 'stale', 4, 'newest snapshot 130 min old; allowed 90 min');
  await status('sales.returns', 'fresh', 5);
  // marketing.campaigns: its first run failed — open, high, hidden from ben.
  await failRun('marketing.campaigns', '00000000-0000-4000-8000-000000000003', 6);
  await status('marketing.campaigns', 'failing', 7);
}

beforeAll(async () => {
  workspace = await createAccessWorkspace();
  await mkdir(join(workspace.root, 'policies/access'), { recursive: true });
  await writeFile(join(workspace.root, 'policies/access/hide-marketing.cedar'), HIDE_MARKETING);
  const store = await createMetadataStore({ kind: 'sqlite', path: defaultSqlitePath(workspace.root) });
  try {
    await writeHistories(store);
  } finally {
    await store.close();
  }
  platform = await startPlatform({ root: workspace.root, env: {}, port: 0, wirePort: false });
  expect(platform.services.accessDiagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  for (const id of ['ana', 'ben']) {
    tokens[id] = (await platform.services.authenticator.tokens.create(id, { createdBy: 'test' })).token;
  }
});

afterAll(async () => {
  await platform?.close();
  await workspace?.dispose();
});

type Body = { items: Incident[]; next?: string; error?: { code: string; message: string } };

async function get(path: string, as?: string): Promise<{ status: number; body: Body }> {
  const response = await fetch(`${platform.url}${path}`, {
    headers: as ? { authorization: `Bearer ${tokens[as]}` } : {},
  });
  return { status: response.status, body: (await response.json()) as Body };
}

const summary = (items: readonly Incident[]) => items.map((i) => [i.productId, i.status, i.severity, i.openedAt]);

describe('GET /api/v1/incidents', () => {
  it('lists every incident of the products the caller may discover, newest first', async () => {
    const { status, body } = await get('/api/v1/incidents', 'ana');
    expect(status).toBe(200);
    expect(summary(body.items)).toEqual([
      ['marketing.campaigns', 'open', 'high', at(7)],
      ['sales.returns', 'resolved', 'medium', at(4)],
      ['sales.orders', 'open', 'high', at(3)],
    ]);
    expect(body.next).toBeUndefined();
    const ben = await get('/api/v1/incidents', 'ben');
    expect(summary(ben.body.items).map(([product]) => product)).toEqual(['sales.returns', 'sales.orders']);
  });

  it('gives the cause: the failed run with its failed checks, or the freshness reason', async () => {
    const { body } = await get('/api/v1/incidents?product=sales.orders', 'ana');
    expect(body.items).toHaveLength(1);
    const [orders] = body.items;
    expect(orders).toMatchObject({
      id: `sales.orders@${at(3)}`,
      resolvedAt: null,
      failedRuns: 2,
      cause: {
        status: 'failing',
        reason: 'run 00000000-0000-4000-8000-000000000001 failed: MW8006',
        run: {
          id: '00000000-0000-4000-8000-000000000001',
          error: { code: 'MW8006' },
          failedChecks: [
            {
              id: 'quality:order_id:no_nulls',
              status: 'failed',
              blocking: true,
              column: 'order_id',
              observed: 3,
              threshold: 'mustBe 0',
            },
          ],
        },
      },
    });
    const returns = (await get('/api/v1/incidents?status=resolved', 'ana')).body.items;
    expect(returns).toMatchObject([
      {
        productId: 'sales.returns',
        resolvedAt: at(5),
        cause: { status: 'stale', reason: 'newest snapshot 130 min old; allowed 90 min', run: null },
      },
    ]);
  });

  it('filters by status', async () => {
    const open = await get('/api/v1/incidents?status=open', 'ana');
    expect(summary(open.body.items).map(([product]) => product)).toEqual(['marketing.campaigns', 'sales.orders']);
    const bad = await get('/api/v1/incidents?status=closed', 'ana');
    expect(bad.status).toBe(400);
  });

  it('pages with an opaque cursor and refuses one it did not give', async () => {
    const first = await get('/api/v1/incidents?limit=2', 'ana');
    expect(first.body.items).toHaveLength(2);
    expect(first.body.next).toEqual(expect.any(String));
    const second = await get(`/api/v1/incidents?limit=2&after=${first.body.next}`, 'ana');
    expect(summary(second.body.items)).toEqual([['sales.orders', 'open', 'high', at(3)]]);
    expect(second.body.next).toBeUndefined();
    const forged = await get('/api/v1/incidents?after=bm9wZQ', 'ana');
    expect(forged).toMatchObject({ status: 400, body: { error: { code: 'MW8900' } } });
  });

  it('fills each page past the breaches of products the caller may not discover, never showing them', async () => {
    const seen: (string | number | null)[][] = [];
    let after: string | undefined;
    do {
      const { status, body } = await get(`/api/v1/incidents?limit=1${after ? `&after=${after}` : ''}`, 'ben');
      expect(status).toBe(200);
      // marketing.campaigns' breach is the newest: the first page skips it and still holds one.
      expect(body.items).toHaveLength(1);
      seen.push(...summary(body.items));
      after = body.next;
    } while (after !== undefined);
    expect(seen).toEqual([
      ['sales.returns', 'resolved', 'medium', at(4)],
      ['sales.orders', 'open', 'high', at(3)],
    ]);
    const open = await get('/api/v1/incidents?status=open', 'ben');
    expect(summary(open.body.items).map(([product]) => product)).toEqual(['sales.orders']);
  });

  it('answers "no product" for a product the caller may not discover, as for an unknown one', async () => {
    const hidden = await get('/api/v1/incidents?product=marketing.campaigns', 'ben');
    const unknown = await get('/api/v1/incidents?product=sales.nope', 'ben');
    expect(hidden).toMatchObject({ status: 404, body: { error: { code: 'MW8013' } } });
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: 'MW8013' } } });
  });

  it('needs a credential', async () => {
    expect((await get('/api/v1/incidents')).status).toBe(401);
  });
});

describe('GET /api/v1/products/{id}/incidents', () => {
  it("lists one product's incidents, filtered by status", async () => {
    const all = await get('/api/v1/products/sales.returns/incidents', 'ana');
    expect(summary(all.body.items)).toEqual([['sales.returns', 'resolved', 'medium', at(4)]]);
    const open = await get('/api/v1/products/sales.returns/incidents?status=open', 'ana');
    expect(open.body.items).toEqual([]);
    const hidden = await get('/api/v1/products/marketing.campaigns/incidents', 'ben');
    expect(hidden).toMatchObject({ status: 404, body: { error: { code: 'MW8013' } } });
  });
});

describe('the OpenAPI document', () => {
  it('describes both routes with the incident schema', async () => {
    const doc = (await (await fetch(`${platform.url}/api/openapi.json`)).json()) as {
      paths: Record<string, { get?: { responses: Record<string, { content: Record<string, { schema: unknown }> }> } }>;
    };
    for (const path of ['/api/v1/incidents', '/api/v1/products/{id}/incidents']) {
      const schema = JSON.stringify(doc.paths[path]?.get?.responses['200']?.content['application/json']?.schema);
      expect(schema, path).toContain('failedChecks');
      expect(schema, path).toContain('severity');
    }
  });
});
