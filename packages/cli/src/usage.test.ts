/**
 * `mesh usage` end to end: a product built with `mesh run`, queried over HTTP by `mesh serve`
 * (startPlatform) with real tokens, the server stopped — which writes the buffered usage — and
 * the usage read back in-process by the CLI as the owner, refused to a consumer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform } from '@meshwork/server';
import { createRuntimeWorkspace, type RuntimeWorkspace } from './test-support/runtime-workspace.js';

const MESH = `apiVersion: meshwork/v1
kind: Mesh
name: usage-cli-test
teams:
  - { id: platform, name: Platform, members: [olga] }
users:
  - { id: olga, name: Olga, teams: [platform], roles: [owner] }
  - { id: ana, name: Ana, roles: [consumer] }
`;

interface Summary {
  productId: string;
  since: string;
  consumers: { principalId: string; queries: number; failed: number; rows: number; purposes: string[] }[];
}

let ws: RuntimeWorkspace;

beforeAll(async () => {
  ws = await createRuntimeWorkspace([['sales', 'orders']]);
  await ws.write('mesh.yaml', MESH);
  const built = await ws.mesh(['run', 'sales/orders']);
  expect(built.code, built.stderr).toBe(0);
  const platform = await startPlatform({ root: ws.root, env: {}, port: 0, wirePort: false });
  try {
    const { token } = await platform.services.authenticator.tokens.create('ana', { createdBy: 'test' });
    const query = async (body: Record<string, unknown>) =>
      fetch(`${platform.url}/api/v1/query`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await query({ sql: 'SELECT * FROM sales.orders', purpose: 'Monthly close' })).status).toBe(200);
    expect((await query({ sql: 'SELECT count(*) FROM sales.orders' })).status).toBe(200);
    expect((await query({ sql: 'SELECT no_such_column FROM sales.orders' })).status).toBe(400);
  } finally {
    // Closing the server writes the usage still buffered.
    await platform.close();
  }
}, 120_000);

afterAll(() => ws?.dispose());

describe('mesh usage', () => {
  it('shows the owner each consumer of the product', async () => {
    const { run, value } = await ws.meshJson<Summary>(['usage', 'sales.orders', '--as', 'olga']);
    expect(run.code, run.stderr).toBe(0);
    expect(value).toMatchObject({
      productId: 'sales.orders',
      consumers: [{ principalId: 'ana', queries: 3, failed: 1, rows: 3, purposes: ['Monthly close'] }],
    });
    const table = await ws.mesh(['usage', 'sales/orders', '--since', '2000-01-01'], { MESHWORK_USER: 'olga' });
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/consumer\s+queries\s+failed\s+rows/);
    expect(table.stdout).toMatch(/\nana\s+3\s+1\s+3\s+/);
    expect(table.stdout).toContain('Monthly close');
    const later = await ws.mesh(['usage', 'sales.orders', '--as', 'olga', '--since', '2999-01-01']);
    expect(later.stderr).toContain('no queries of sales.orders since 2999-01-01T00:00:00.000Z');
  });

  it('lists recent queries page by page', async () => {
    const { value: first } = await ws.meshJson<{ items: { status: string; errorCode: string | null }[]; next: string }>(
      ['usage', 'sales.orders', '--queries', '--limit', '1', '--as', 'olga'],
    );
    expect(first.items).toEqual([expect.objectContaining({ status: 'failed', errorCode: expect.any(String) })]);
    const rest = await ws.mesh(['usage', 'sales.orders', '--queries', '--after', first.next, '--as', 'olga']);
    expect(rest.code, rest.stderr).toBe(0);
    expect(rest.stdout.trim().split('\n')).toHaveLength(3);
    expect(rest.stdout).toContain('Monthly close');
  });

  it('refuses consumers, unknown products, bad periods and an unnamed principal, with codes', async () => {
    const refused = await ws.mesh(['usage', 'sales.orders', '--as', 'ana']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('MW5301');
    const unknown = await ws.mesh(['usage', 'sales.nothing', '--as', 'olga']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('MW8013');
    const badSince = await ws.mesh(['usage', 'sales.orders', '--as', 'olga', '--since', 'soon']);
    expect(badSince.stderr).toContain('MW5302');
    const nobody = await ws.mesh(['usage', 'sales.orders']);
    expect(nobody.stderr).toContain('MW5220');
  });
});
