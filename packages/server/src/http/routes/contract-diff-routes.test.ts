/**
 * `GET /api/v1/products/{id}/diff` over real HTTP: `mesh serve` (startPlatform) on a workspace
 * whose sales.orders contract was registered as 1.0.0 and has since lost a column, real API
 * tokens, and an access policy that hides sales.secret from everyone outside its owning team.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startChangedContractPlatform,
  type ChangedContractPlatform,
} from '../test-support/changed-contract-platform.js';

let served: ChangedContractPlatform;

beforeAll(async () => {
  served = await startChangedContractPlatform('diff-test');
}, 120_000);

afterAll(async () => {
  await served?.close();
});

type Json = Record<string, unknown> & {
  ports?: (Record<string, unknown> & { changes: Record<string, unknown>[] })[];
  error?: { code: string; message: string };
};

const get = (as: 'olga' | 'ana' | null, path: string) => served.get<Json>(as, path);

describe('contract diff API', () => {
  it('compares the newest published contract with the workspace by default', async () => {
    const { status, body } = await get('ana', '/api/v1/products/sales.orders/diff');
    expect(status).toBe(200);
    expect(body).toMatchObject({ productId: 'sales.orders', overall: 'breaking' });
    expect(body.ports).toEqual([
      {
        port: 'orders',
        major: 1,
        contractId: expect.any(String),
        from: '1.0.0',
        to: 'workspace',
        overall: 'breaking',
        changes: [
          {
            kind: 'column-removed',
            severity: 'breaking',
            table: 'orders',
            column: 'amount',
            pointer: '/schema/0/properties/2',
            before: 'amount',
            explanation: expect.stringContaining('Column orders.amount was removed'),
          },
        ],
      },
    ]);
  });

  it('takes port, from and to, and says when nothing was published', async () => {
    const same = await get('ana', '/api/v1/products/sales.orders/diff?port=orders@1&from=1.0.0&to=1.0.0');
    expect(same).toMatchObject({
      status: 200,
      body: { overall: 'none', ports: [{ from: '1.0.0', to: '1.0.0', changes: [] }] },
    });
    const back = await get('ana', '/api/v1/products/sales.orders/diff?from=workspace&to=1.0.0');
    expect(back.body.ports![0]!.changes.map((c) => c.kind)).toEqual(['column-added']);
    const never = await get('olga', '/api/v1/products/sales.secret/diff');
    expect(never).toMatchObject({
      status: 200,
      body: { overall: 'none', ports: [{ port: 'secret', from: null, to: 'workspace', changes: [] }] },
    });
    expect(never.body.ports![0]!.note).toMatch(/was never published/);
  });

  it('answers 404 for unknown and undiscoverable products, ports and versions, 401 without a token', async () => {
    const hidden = await get('ana', '/api/v1/products/sales.secret/diff');
    const unknown = await get('ana', '/api/v1/products/sales.nothing/diff');
    // The same answer as for a product that does not exist: nothing tells the caller it does.
    expect(hidden).toEqual({ status: 404, body: { error: { code: 'MW8013', message: 'no product "sales.secret"' } } });
    expect(unknown).toEqual({
      status: 404,
      body: { error: { code: 'MW8013', message: 'no product "sales.nothing"' } },
    });
    expect(await get('ana', '/api/v1/products/sales.orders/diff?from=9.9.9')).toMatchObject({
      status: 404,
      body: { error: { code: 'MW7014', message: expect.stringContaining('(registered: 1.0.0; or "workspace")') } },
    });
    expect(await get('ana', '/api/v1/products/sales.orders/diff?port=nope')).toMatchObject({
      status: 404,
      body: { error: { code: 'MW7013' } },
    });
    expect(await get('ana', '/api/v1/products/sales.orders/diff?fromPort=orders')).toMatchObject({
      status: 400,
      body: { error: { code: 'MW7015' } },
    });
    expect((await get(null, '/api/v1/products/sales.orders/diff')).status).toBe(401);
  });

  it('is in the OpenAPI document under the products tag', async () => {
    const doc = (await (await fetch(`${served.platform.url}/api/openapi.json`)).json()) as {
      paths: Record<string, { get?: { tags?: string[]; parameters?: { name: string }[] } }>;
    };
    const route = doc.paths['/api/v1/products/{id}/diff']?.get;
    expect(route?.tags).toEqual(['products']);
    expect(route?.parameters?.map((p) => p.name).sort()).toEqual(['from', 'fromPort', 'id', 'port', 'to']);
  });
});
