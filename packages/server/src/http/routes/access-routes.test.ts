/**
 * The access API end to end over real HTTP: `mesh serve` (startPlatform) on a real workspace,
 * real API tokens through the authentication hook, a real local webhook subscriber that checks
 * every signature, and the SQLite store underneath.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAccessWorkspace,
  ACCESS_MESH_YAML,
  type AccessWorkspace,
} from '../../agreements/test-support/access-workspace.js';
import { startPlatform, type RunningPlatform } from '../../platform/start-platform.js';
import { verifyWebhookSignature } from '../../webhooks/webhook-signature.js';

const SECRET = 'http-test-webhook-secret-0123456789';

interface Hook {
  readonly type: string;
  readonly signed: boolean;
  readonly body: { data: { agreement: { id: string; status: string }; actor: string } };
}

let workspace: AccessWorkspace;
let platform: RunningPlatform;
let subscriber: Server;
const hooks: Hook[] = [];
const tokens: Record<string, string> = {};

beforeAll(async () => {
  subscriber = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      hooks.push({
        type: String(request.headers['x-meshwork-event']),
        signed: verifyWebhookSignature(SECRET, body, request.headers['x-meshwork-signature']),
        body: JSON.parse(body) as Hook['body'],
      });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => subscriber.listen(0, '127.0.0.1', resolve));
  const port = (subscriber.address() as AddressInfo).port;

  workspace = await createAccessWorkspace();
  await workspace.writeMeshYaml(
    `${ACCESS_MESH_YAML}webhooks:\n  - id: access-audit\n    url: http://127.0.0.1:${port}/hooks\n    events: ['access.*']\n    secret: \${WEBHOOK_SECRET}\n`,
  );
  platform = await startPlatform({ root: workspace.root, env: { WEBHOOK_SECRET: SECRET }, port: 0 });
  for (const id of ['ana', 'ben', 'olga', 'gus', 'adam']) {
    tokens[id] = (await platform.services.authenticator.tokens.create(id, { createdBy: 'test' })).token;
  }
  tokens['olga-query'] = (
    await platform.services.authenticator.tokens.create('olga', { createdBy: 'test', scopes: ['query'] })
  ).token;
});

afterAll(async () => {
  await platform?.close();
  subscriber?.closeAllConnections();
  await new Promise<void>((resolve) => (subscriber ? subscriber.close(() => resolve()) : resolve()));
  await workspace?.dispose();
});

type Json = Record<string, unknown> & { items?: Record<string, unknown>[]; error?: { code: string; message: string } };

async function call(
  as: string | null,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Json }> {
  const headers: Record<string, string> = {};
  if (as) headers.authorization = `Bearer ${tokens[as]}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${platform.url}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Json };
}

const inAYear = () => new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);

describe('access API', () => {
  it('takes a request, lets the owner approve it, and tells the subscriber every step, signed', async () => {
    const created = await call('ana', 'POST', '/api/v1/access-requests', {
      product: 'sales.orders',
      purpose: 'Churn model training',
      endsAt: inAYear(),
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      principalId: 'ana',
      port: 'orders',
      major: 1,
      status: 'pending',
      active: false,
    });
    const id = created.body.id as string;

    const mine = await call('ana', 'GET', '/api/v1/access-requests');
    expect(mine.body.items!.map((a) => a.id)).toEqual([id]);
    const inbox = await call('olga', 'GET', '/api/v1/access-requests?role=inbox');
    expect(inbox.body.items!.map((a) => a.id)).toEqual([id]);
    expect((await call('ben', 'GET', '/api/v1/access-requests?role=inbox')).body.items).toEqual([]);

    const approved = await call('olga', 'POST', `/api/v1/access-requests/${id}/approve`, { note: 'fine' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', active: true, decidedBy: 'olga', decisionNote: 'fine' });
    expect((await call('ana', 'GET', '/api/v1/agreements')).body.items!.map((a) => a.id)).toEqual([id]);
    expect((await call('olga', 'GET', '/api/v1/agreements?role=owned')).body.items!.map((a) => a.id)).toEqual([id]);
    expect((await call('olga', 'GET', '/api/v1/agreements')).body.items).toEqual([]);
    expect((await call('ana', 'GET', `/api/v1/agreements/${id}`)).body).toMatchObject({ id, active: true });
    expect((await call('ben', 'GET', `/api/v1/agreements/${id}`)).body.error?.code).toBe('MW8708');

    const revoked = await call('olga', 'POST', `/api/v1/agreements/${id}/revoke`, { note: 'project closed' });
    expect(revoked.body).toMatchObject({ status: 'revoked', active: false, endNote: 'project closed' });

    await platform.services.webhooks.idle();
    const mineHooks = hooks.filter((h) => h.body.data.agreement.id === id);
    expect(mineHooks.map((h) => [h.type, h.body.data.actor, h.signed])).toEqual([
      ['access.requested', 'ana', true],
      ['access.approved', 'olga', true],
      ['access.revoked', 'olga', true],
    ]);

    const deliveries = await call('adam', 'GET', '/api/v1/webhooks/deliveries?subscription=access-audit');
    expect(deliveries.status).toBe(200);
    expect(deliveries.body.items!.length).toBeGreaterThanOrEqual(3);
    expect(deliveries.body.items!.every((d) => d.outcome === 'delivered' && d.httpStatus === 204)).toBe(true);
    expect(JSON.stringify(deliveries.body)).not.toContain(SECRET);

    const audit = await platform.services.store.listAudit({ resource: `urn:meshwork:agreement:${id}` });
    expect(audit.items.map((e) => [e.actor, e.action])).toEqual([
      ['ana', 'access.requested'],
      ['olga', 'access.approved'],
      ['olga', 'access.revoked'],
    ]);
  });

  it('answers bad input and forbidden steps with coded errors and the right status', async () => {
    const bad = async (
      as: string | null,
      method: string,
      path: string,
      body: unknown,
      status: number,
      code: string,
    ) => {
      const response = await call(as, method, path, body);
      expect({ path, status: response.status, code: response.body.error?.code }).toEqual({ path, status, code });
      return response.body.error!.message;
    };
    const request = { product: 'sales.returns', purpose: 'Returns analysis', endsAt: inAYear() };
    await bad(null, 'POST', '/api/v1/access-requests', request, 401, 'MW5201');
    expect(await bad('ana', 'POST', '/api/v1/access-requests', { ...request, purpose: ' ' }, 400, 'MW8702')).toMatch(
      /purpose is required/,
    );
    await bad('ana', 'POST', '/api/v1/access-requests', { product: 'sales.returns', endsAt: inAYear() }, 400, 'MW9001');
    await bad('ana', 'POST', '/api/v1/access-requests', { ...request, endsAt: '2020-01-01' }, 400, 'MW8702');
    await bad('ana', 'POST', '/api/v1/access-requests', { ...request, product: 'sales.nope' }, 404, 'MW8703');
    await bad('ana', 'POST', '/api/v1/access-requests', { ...request, major: 9 }, 404, 'MW8703');

    const created = await call('ana', 'POST', '/api/v1/access-requests', request);
    const id = created.body.id as string;
    await bad('ana', 'POST', '/api/v1/access-requests', request, 409, 'MW6162');
    await bad('ana', 'POST', `/api/v1/access-requests/${id}/approve`, {}, 403, 'MW8705');
    await bad('olga-query', 'POST', `/api/v1/access-requests/${id}/approve`, {}, 403, 'MW8705');
    await bad('olga', 'POST', `/api/v1/access-requests/${id}/reject`, {}, 400, 'MW9001');
    await bad('olga', 'POST', `/api/v1/access-requests/${id}/reject`, { note: '' }, 400, 'MW8702');
    await bad('olga', 'POST', `/api/v1/access-requests/${id}/cancel`, {}, 403, 'MW8707');
    await bad('olga', 'POST', `/api/v1/agreements/${id}/revoke`, {}, 409, 'MW8706');
    expect((await call('gus', 'POST', `/api/v1/access-requests/${id}/approve`, {})).status).toBe(200);
    await bad('olga', 'POST', `/api/v1/access-requests/${id}/approve`, {}, 409, 'MW8706');
    await bad('olga', 'POST', '/api/v1/access-requests/not-an-id/approve', {}, 404, 'MW8708');
    await bad('ana', 'GET', '/api/v1/access-requests?role=inbox&product=sales.orders', undefined, 403, 'MW8705');
    await bad('olga', 'GET', '/api/v1/webhooks/deliveries', undefined, 403, 'MW8751');
    await bad('ana', 'GET', '/api/v1/access-requests?after=garbage', undefined, 400, 'MW6103');
  });

  it('lets the consumer cancel a pending request and give up an agreement', async () => {
    const request = { product: 'marketing.campaigns', purpose: 'Attribution study', endsAt: inAYear() };
    const first = await call('ben', 'POST', '/api/v1/access-requests', request);
    const cancelled = await call('ben', 'POST', `/api/v1/access-requests/${first.body.id as string}/cancel`);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', decidedBy: 'ben' });
    const second = await call('ben', 'POST', '/api/v1/access-requests', request);
    await call('adam', 'POST', `/api/v1/access-requests/${second.body.id as string}/approve`, {});
    const given = await call('ben', 'POST', `/api/v1/agreements/${second.body.id as string}/revoke`);
    expect(given.body).toMatchObject({ status: 'revoked', endedBy: 'ben' });
  });

  it('documents the routes in the OpenAPI document under the access tag', async () => {
    const doc = (await (await fetch(`${platform.url}/api/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { tags?: string[] }>>;
    };
    for (const path of [
      '/api/v1/access-requests',
      '/api/v1/access-requests/{id}/approve',
      '/api/v1/access-requests/{id}/reject',
      '/api/v1/access-requests/{id}/cancel',
      '/api/v1/agreements',
      '/api/v1/agreements/{id}/revoke',
      '/api/v1/webhooks/deliveries',
    ]) {
      const operations = Object.values(doc.paths[path] ?? {});
      expect(operations.length, path).toBeGreaterThan(0);
      expect(
        operations.every((o) => o.tags?.includes('access')),
        path,
      ).toBe(true);
    }
  });
});
