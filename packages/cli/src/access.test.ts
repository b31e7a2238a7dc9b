/**
 * `mesh access` end to end, in-process with captured streams, on the embedded SQLite store and on
 * PostgreSQL (MESHWORK_DATABASE_URL): request, inbox, approve, reject, cancel, revoke, the audit
 * log, signed webhooks to a real local subscriber, and coded errors with exit 1 for bad input.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAgreementLookup,
  createMetadataStore,
  loadWorkspaceFromDisk,
  metadataStoreConfig,
  verifyWebhookSignature,
} from '@meshwork/server';
import { createTestDatabase, postgresServerUrl, type TestDatabase } from '../../../test-support/postgres.js';
import {
  ACCESS_MESH_YAML,
  createAccessWorkspace,
  type AccessWorkspace,
} from '../../server/src/agreements/test-support/access-workspace.js';
import { runCli } from './test-support/run-cli.js';

const SECRET = 'cli-webhook-secret-0123456789abcdef';
const pgUrl = postgresServerUrl();
let pgDatabase: TestDatabase | undefined;
let subscriber: Server;
let hookUrl: string;
const hooks: { type: string; signed: boolean; agreementId: string }[] = [];

beforeAll(async () => {
  if (pgUrl) pgDatabase = await createTestDatabase(pgUrl);
  subscriber = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      const event = JSON.parse(body) as { data: { agreement: { id: string } } };
      hooks.push({
        type: String(request.headers['x-meshwork-event']),
        signed: verifyWebhookSignature(SECRET, body, request.headers['x-meshwork-signature']),
        agreementId: event.data.agreement.id,
      });
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => subscriber.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(subscriber.address() as AddressInfo).port}/hooks`;
});
afterAll(async () => {
  subscriber.closeAllConnections();
  await new Promise<void>((resolve) => subscriber.close(() => resolve()));
  await pgDatabase?.drop();
});

const backends = [
  { name: 'SQLite', env: (): Record<string, string> => ({}) },
  { name: 'PostgreSQL', env: (): Record<string, string> => ({ MESHWORK_DATABASE_URL: pgDatabase!.url }) },
];

const inAYear = () => new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);

describe.each(backends)('mesh access on $name', (backend) => {
  const skip = backend.name === 'PostgreSQL' && !pgUrl;
  let workspace: AccessWorkspace;
  beforeAll(async () => {
    workspace = await createAccessWorkspace();
    await workspace.writeMeshYaml(
      `${ACCESS_MESH_YAML}webhooks:\n  - id: ops\n    url: ${hookUrl}\n    events: ['*']\n    secret: \${WEBHOOK_SECRET}\n`,
    );
  });
  afterAll(() => workspace.dispose());

  const mesh = (args: string[], as?: string) =>
    runCli(args, workspace.root, {
      ...backend.env(),
      WEBHOOK_SECRET: SECRET,
      ...(as === undefined ? {} : { MESHWORK_USER: as }),
    });
  const json = async (args: string[], as?: string) => {
    const run = await mesh([...args, '--json'], as);
    expect(run.code, run.stderr).toBe(0);
    return JSON.parse(run.stdout) as Record<string, unknown> & { items: Record<string, unknown>[] };
  };

  it.skipIf(skip)('requests, approves and revokes access, with audit events and signed webhooks', async () => {
    const requested = await mesh(
      ['access', 'request', 'sales.orders', '--purpose', 'Churn model training', '--until', inAYear()],
      'ana',
    );
    expect(requested.code, requested.stderr).toBe(0);
    const id = /: ([0-9a-f-]{36}) \(pending\)/.exec(requested.stdout)![1]!;
    expect(requested.stdout).toContain(`requested sales.orders/orders@1 for ana: ${id} (pending)`);

    const inbox = await mesh(['access', 'list', '--inbox', '--as', 'olga']);
    expect(inbox.code).toBe(0);
    expect(inbox.stdout).toMatch(new RegExp(`${id}\\s+pending\\s+ana\\s+sales.orders/orders@1`));
    expect((await json(['access', 'list', '--inbox'], 'ben')).items).toEqual([]);

    const approved = await mesh(['access', 'approve', id, '--note', 'ok for the churn project'], 'olga');
    expect(approved.code, approved.stderr).toBe(0);
    expect(approved.stdout).toContain(`approved ${id}: ana on sales.orders/orders@1`);
    const mine = await json(['access', 'list', '--as', 'ana']);
    expect(mine.items).toEqual([expect.objectContaining({ id, status: 'approved', active: true })]);

    // What the gateway will ask: is there an agreement in force for ana on this port, now?
    const { model } = await loadWorkspaceFromDisk(workspace.root, { WEBHOOK_SECRET: SECRET });
    const store = await createMetadataStore(
      metadataStoreConfig(workspace.root, model.config, backend.env().MESHWORK_DATABASE_URL),
    );
    try {
      const lookup = createAgreementLookup(store);
      const port = { productId: 'sales.orders', port: 'orders', major: 1 };
      expect(await lookup.activeAgreements('ana', port, new Date())).toEqual([
        expect.objectContaining({ id, purpose: 'Churn model training' }),
      ]);
      expect((await mesh(['access', 'revoke', id, '--note', 'done'], 'olga')).code).toBe(0);
      expect(await lookup.activeAgreements('ana', port, new Date())).toEqual([]);
    } finally {
      await store.close();
    }

    const log = await json(['audit', 'log', '--resource', `urn:meshwork:agreement:${id}`]);
    expect(log.items.map((e) => [e.actor, e.action])).toEqual([
      ['ana', 'access.requested'],
      ['olga', 'access.approved'],
      ['olga', 'access.revoked'],
    ]);
    expect(hooks.filter((h) => h.agreementId === id).map((h) => [h.type, h.signed])).toEqual([
      ['access.requested', true],
      ['access.approved', true],
      ['access.revoked', true],
    ]);
  });

  it.skipIf(skip)('rejects with a note, cancels, and refuses what is not allowed with coded errors', async () => {
    const request = async (as: string, ...extra: string[]) =>
      (await json(['access', 'request', 'sales.returns', '--purpose', 'Returns study', '--until', '90d', ...extra], as))
        .id as string;
    const id = await request('ben');
    const fails = async (args: string[], as: string | undefined, code: string, message?: RegExp) => {
      const run = await mesh(args, as);
      expect({ args, code: run.code }).toEqual({ args, code: 1 });
      expect(run.stderr).toContain(`error ${code}:`);
      if (message) expect(run.stderr).toMatch(message);
    };
    await fails(['access', 'approve', id], 'ben', 'MW8705', /may not approve access to sales.returns/);
    await fails(['access', 'approve', id], 'mia', 'MW8705');
    await fails(['access', 'reject', id], 'olga', 'MW8702', /rejection needs a note/);
    await fails(['access', 'request', 'sales.returns', '--purpose', 'again', '--until', '30d'], 'ben', 'MW6162');
    expect((await mesh(['access', 'reject', id, '--note', 'use the aggregate instead'], 'olga')).code).toBe(0);
    await fails(['access', 'approve', id], 'olga', 'MW8706', /already rejected \(by olga\)/);
    await fails(['access', 'approve', id, '--as', 'olga'], undefined, 'MW8706');

    const second = await request('ben');
    await fails(['access', 'cancel', second], 'olga', 'MW8707');
    const cancelled = await json(['access', 'cancel', second], 'ben');
    expect(cancelled).toMatchObject({ status: 'cancelled', decidedBy: 'ben' });

    await fails(['access', 'request', 'sales.returns', '--until', '30d'], 'ana', 'MW8702', /purpose is required/);
    await fails(['access', 'request', 'sales.returns', '--purpose', 'x'], 'ana', 'MW8702', /--until/);
    await fails(
      ['access', 'request', 'sales.returns', '--purpose', 'x', '--until', '2020-01-01'],
      'ana',
      'MW8702',
      /must be after the start/,
    );
    await fails(
      ['access', 'request', 'sales.returns', '--purpose', 'x', '--from', '2031-01-01', '--until', '2030-12-01'],
      'ana',
      'MW8702',
    );
    await fails(['access', 'request', 'sales.returns', '--purpose', 'x', '--until', 'soon'], 'ana', 'MW8702');
    await fails(['access', 'request', 'sales.nothing', '--purpose', 'x', '--until', '30d'], 'ana', 'MW8703');
    await fails(['access', 'request', 'sales.returns/lines', '--purpose', 'x', '--until', '30d'], 'ana', 'MW8703');
    await fails(['access', 'request', 'sales.returns@7', '--purpose', 'x', '--until', '30d'], 'ana', 'MW8703');
    await fails(['access', 'list'], undefined, 'MW8701');
    await fails(['access', 'list'], 'mallory', 'MW5220', /no user or service account "mallory"/);
    await fails(['access', 'approve', '00000000-0000-4000-8000-000000000000'], 'olga', 'MW8708');
    await fails(['access', 'list', '--status', 'lost'], 'ana', 'MW8702');
    const usage = await mesh(['access', 'request'], 'ana');
    expect(usage.code).toBe(2);
  });
});
