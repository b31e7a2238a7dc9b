/**
 * Two servers (startPlatform) on one PostgreSQL store and one workspace, in one process: what
 * one changes, the other serves — tokens and snapshots at once (read per request), the lineage
 * graph and governance findings once it polls the change markers — and a webhook retry that
 * both could resume is sent once. Over real HTTP where a client would see it.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { appendFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, postgresServerUrl, type TestDatabase } from '../../../../test-support/postgres.js';
import {
  ACCESS_MESH_YAML,
  createAccessWorkspace,
  type AccessWorkspace,
} from '../agreements/test-support/access-workspace.js';
import { runProducts } from '../runtime/run-products.js';
import { startPlatform, type RunningPlatform } from './start-platform.js';

const pgUrl = postgresServerUrl();
const SECRET = 'several-servers-webhook-secret-0123';

let database: TestDatabase;
let workspace: AccessWorkspace;
let receiver: Server;
const received: { delivery: string; type: string }[] = [];
let a: RunningPlatform;
let b: RunningPlatform;
let adam: string;

beforeAll(async () => {
  if (!pgUrl) return;
  database = await createTestDatabase(pgUrl);
  receiver = createServer((request, response) => {
    received.push({
      delivery: String(request.headers['x-meshwork-delivery']),
      type: String(request.headers['x-meshwork-event']),
    });
    request.resume();
    // A slow subscriber: both servers have listed a due retry before either logs its attempt.
    request.on('end', () => setTimeout(() => response.writeHead(204).end(), 300));
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const hooks = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
  workspace = await createAccessWorkspace();
  await workspace.writeMeshYaml(
    `${ACCESS_MESH_YAML}webhooks:\n  - id: ops\n    url: ${hooks}\n    events: ['*']\n    secret: \${WEBHOOK_SECRET}\n`,
  );
  const env = {
    MESHWORK_DATABASE_URL: database.url,
    MESHWORK_MASKING_KEY: randomBytes(32).toString('hex'),
    WEBHOOK_SECRET: SECRET,
  };
  const options = { root: workspace.root, env, port: 0, wirePort: false as const, clusterPollMs: 100 };
  // Started together, as a deployment would: neither is refused (MW9003 is SQLite's).
  [a, b] = await Promise.all([startPlatform(options), startPlatform(options)]);
  adam = (await a.services.authenticator.tokens.create('adam', { createdBy: 'test' })).token;
});

afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
  receiver?.closeAllConnections();
  await new Promise<void>((resolve) => (receiver ? receiver.close(() => resolve()) : resolve()));
  await workspace?.dispose();
  await database?.drop();
});

async function get(server: RunningPlatform, token: string, path: string) {
  const response = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function count(server: RunningPlatform): Promise<unknown> {
  const response = await fetch(`${server.url}/api/v1/query`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adam}`, 'content-type': 'application/json' },
    body: JSON.stringify({ sql: 'SELECT count(*) FROM sales.orders', format: 'json' }),
  });
  const body = (await response.json()) as { rows?: unknown[][]; error?: { code: string } };
  return body.rows?.[0]?.[0] ?? body.error?.code;
}

/** Polls until `probe` holds, or fails after `ms`. */
async function eventually(what: string, probe: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const build = async (server: RunningPlatform) => {
  const [result] = await runProducts(server.services.runtime, [], ['sales.orders'], {
    trigger: 'manual',
    requestedBy: 'test',
  });
  expect(result?.outcome).toBe('succeeded');
};

describe.skipIf(!pgUrl)('two servers on one PostgreSQL store', () => {
  it('a token created on one is accepted by the other, and revoked on one is refused by the other', async () => {
    const created = await a.services.authenticator.tokens.create('mia', { createdBy: 'test' });
    expect(await get(b, created.token, '/api/v1/me')).toMatchObject({ status: 200, body: { id: 'mia' } });
    await a.services.authenticator.tokens.revoke(created.record.id, 'test');
    expect(await get(b, created.token, '/api/v1/me')).toMatchObject({
      status: 401,
      body: { error: { code: 'MW5205' } },
    });
  });

  it('a snapshot published by a run on one is what the other serves at once', async () => {
    expect(await count(b)).toBe('MW5005');
    await build(a);
    expect(await count(b)).toBe('2');
    await appendFile(join(workspace.root, 'domains/sales/orders/data/sample.csv'), '3,Gamma,30.00,2026-01-03\n');
    await build(a);
    expect([await count(b), await count(a)]).toEqual(['3', '3']);
    // The status and run history the run recorded, from the store on every request.
    expect((await get(b, adam, '/api/v1/products/sales.orders')).body).toMatchObject({ status: 'fresh' });
    const runs = (await get(b, adam, '/api/v1/runs?product=sales.orders')).body.items as { status: string }[];
    expect(runs.map((run) => run.status)).toEqual(['succeeded', 'succeeded']);
  });

  it("the other's lineage graph follows a run's column lineage once it polls", async () => {
    const ref = 'sales.orders.orders@1.amount';
    const upstream = (server: RunningPlatform) =>
      JSON.stringify(server.services.lineage.lineage(ref, { direction: 'upstream', depth: 2 }).edges);
    // The runs above recorded lineage on A: the column comes from the input file's column.
    expect(upstream(a)).toContain('"from":"file:domains/sales/orders/data/sample.csv#amount"');
    // B loaded its graph before them, and has only the store to learn of them.
    await eventually('B to reload the lineage A recorded', () => upstream(b) === upstream(a));
  });

  it("the other serves governance findings of one's newer check once it polls", async () => {
    const check = await a.services.governance.run('adam', 'check');
    expect(b.services.governance.latest()?.checkId).not.toBe(check.checkId);
    await eventually('B to follow the check', () => b.services.governance.latest()?.checkId === check.checkId);
    expect(b.services.governance.latest()?.report.findings).toEqual(check.report.findings);
    const findings = await get(b, adam, '/api/v1/governance/findings');
    expect(findings.status).toBe(200);
  });

  it('a third server on a port another one holds is refused with the port named', async () => {
    const options = { root: workspace.root, env: { MESHWORK_DATABASE_URL: database.url, WEBHOOK_SECRET: SECRET } };
    const taken = Number(new URL(a.url).port);
    await expect(startPlatform({ ...options, port: taken, wirePort: false })).rejects.toMatchObject({
      code: 'MW8350',
      message: expect.stringContaining(`127.0.0.1:${taken} is in use`),
    });
    const holder = createNetServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const wirePort = (holder.address() as AddressInfo).port;
    try {
      await expect(startPlatform({ ...options, port: 0, wirePort })).rejects.toMatchObject({
        code: 'MW8351',
        message: expect.stringContaining(`127.0.0.1:${wirePort} is in use`),
      });
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  });

  it('a logged retry both servers could resume is sent by one of them', async () => {
    const deliveryId = randomUUID();
    // As a CLI that exited leaves it: the first attempt failed, the retry is long overdue.
    await a.services.store.recordWebhookDelivery({
      deliveryId,
      attempt: 1,
      subscriptionId: 'ops',
      eventId: randomUUID(),
      eventType: 'run.failed',
      outcome: 'retrying',
      httpStatus: 503,
      error: 'HTTP 503 Service Unavailable',
      durationMs: 3,
      nextAttemptAt: new Date(Date.now() - 120_000),
      body: JSON.stringify({ id: randomUUID(), type: 'run.failed', occurredAt: new Date().toISOString(), data: {} }),
      attemptedAt: new Date(Date.now() - 121_000),
    });
    const resumed = await Promise.all([a.services.webhooks.resumeDue(), b.services.webhooks.resumeDue()]);
    expect(resumed).toEqual([1, 1]);
    await Promise.all([a.services.webhooks.idle(), b.services.webhooks.idle()]);
    expect(received.filter((r) => r.delivery === deliveryId)).toHaveLength(1);
    const log = await a.services.store.listWebhookDeliveries({ deliveryId });
    expect(log.items.map((attempt) => [attempt.attempt, attempt.outcome])).toEqual([
      [2, 'delivered'],
      [1, 'retrying'],
    ]);
  });
});
