/**
 * Readers of a deprecated port version are told, on every surface, by a real server: HTTP
 * `Deprecation`/`Sunset`/`Link` headers, a NoticeResponse over the PostgreSQL wire protocol (node-
 * postgres and psql), and a retired version's refusal announced once as `port.retired` — to a
 * real HTTP subscriber, signed.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { componentAvailable } from '../../../../test-support/components.js';
import { loadAccessPolicies } from '../access/load-access-policies.js';
import { registerProducts } from '../catalog/register-products.js';
import { collectRows } from '../gateway/test-support/collect-rows.js';
import { createQueryGateway } from '../gateway/query-gateway.js';
import { RelationCatalog } from '../gateway/relation-catalog.js';
import { resolvePrincipal } from '../identity/resolve-principal.js';
import { createMetadataStore, defaultSqlitePath } from '../metadata/create-metadata-store.js';
import { startPlatform, type RunningPlatform } from '../platform/start-platform.js';
import { createRunEngine } from '../runtime/duckdb-session.js';
import { runProducts } from '../runtime/run-products.js';
import type { TempWorkspace } from '../test-support/temp-workspace.js';
import { createLocalWarehouse, defaultWarehouseRoot } from '../warehouse/local/create-local-warehouse.js';
import { loadWorkspaceFromDisk } from '../workspace/load-workspace-from-disk.js';
import { createDeprecatedSinceLookup, firstDeprecatedPublication } from './deprecated-since.js';
import { createDeprecatedWorkspace, daysFromNow } from './test-support/deprecated-workspace.js';
import { WebhookReceiver } from './test-support/webhook-receiver.js';

const run = promisify(execFile);
const PSQL = ['/usr/bin/psql', '/usr/local/bin/psql'].find((path) => existsSync(path));
const hasPsql = componentAvailable(
  'psql',
  PSQL !== undefined,
  'install the PostgreSQL client (apt-get install postgresql-client)',
);

const END_OF_LIFE = daysFromNow(90);
let ws: TempWorkspace;
let receiver: WebhookReceiver;
let platform: RunningPlatform;
let token: string;
let deprecatedSince: Date;

beforeAll(async () => {
  receiver = await new WebhookReceiver().start();
  ws = await createDeprecatedWorkspace(END_OF_LIFE, receiver.meshYaml(), [['sales', 'refunds']]);
  // refunds v1 reached its end of life yesterday.
  await ws.edit('domains/sales/refunds/refunds.odcs.yaml', (t) =>
    t.replace('slaProperties:\n', `slaProperties:\n  - property: endOfLife\n    value: '${daysFromNow(-1)}'\n`),
  );
  const { model, diagnostics } = await loadWorkspaceFromDisk(ws.root, {});
  const store = await createMetadataStore({ kind: 'sqlite', path: defaultSqlitePath(ws.root) });
  const engine = createRunEngine({ tempDirectory: join(ws.root, '.meshwork/tmp') });
  const warehouse = createLocalWarehouse({ root: defaultWarehouseRoot(ws.root) });
  // Published as `mesh publish` does: the versions are registered, then built.
  await registerProducts(store, model, diagnostics, 'olga');
  const results = await runProducts({ model, root: ws.root, store, warehouse, engine }, diagnostics, ['sales.orders'], {
    trigger: 'manual',
    requestedBy: 'olga',
  });
  expect(results.map((r) => r.outcome)).toEqual(['succeeded']);
  const v1 = model.products.get('sales.orders')!.outputPorts.find((p) => p.major === 1)!;
  deprecatedSince = (await firstDeprecatedPublication(store, 'sales.orders', v1.contract!.id))!;
  engine.close();
  await store.close();
  platform = await startPlatform({ root: ws.root, env: {}, port: 0 });
  token = (await platform.services.authenticator.tokens.create('admin', { createdBy: 'test' })).token;
});
afterAll(async () => {
  await platform?.close();
  await receiver?.stop();
  await ws?.dispose();
});

const query = (sql: string) =>
  fetch(`${platform.url}/api/v1/query`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ sql }),
  });

const NOTICE = `sales.orders_v1 (sales.orders orders v1) is deprecated and will be retired on ${END_OF_LIFE}; use sales.orders (orders v2) instead`;

describe('HTTP', () => {
  it('answers a query over the deprecated version with Deprecation, Sunset and a Link to its successor', async () => {
    const response = await query('SELECT count(*) AS n FROM sales.orders_v1');
    expect(response.status).toBe(200);
    expect(response.headers.get('deprecation')).toBe(`@${Math.floor(deprecatedSince.getTime() / 1000)}`);
    expect(response.headers.get('sunset')).toBe(new Date(`${END_OF_LIFE}T00:00:00Z`).toUTCString());
    expect(response.headers.get('link')).toBe(
      '</api/v1/products/sales.orders>; rel="successor-version"; title="sales.orders"',
    );
    expect(Number(((await response.json()) as { rows: unknown[][] }).rows[0]![0])).toBeGreaterThan(0);
  });

  it('adds nothing to a query over the current version', async () => {
    const response = await query('SELECT count(*) FROM sales.orders');
    expect(response.status).toBe(200);
    expect(response.headers.get('deprecation')).toBeNull();
    expect(response.headers.get('sunset')).toBeNull();
    await response.arrayBuffer();
  });
});

describe('PostgreSQL wire protocol', () => {
  const client = () =>
    new pg.Client({ host: '127.0.0.1', port: platform.wirePort!, user: 'admin', password: token, database: 'mesh' });

  it('sends a WARNING notice with the port, its endOfLife and its successor, in both protocols', async () => {
    const c = client();
    const notices: { severity?: string; code?: string; message?: string; detail?: string; hint?: string }[] = [];
    c.on('notice', (notice) => notices.push(notice));
    await c.connect();
    try {
      expect((await c.query('SELECT count(*) AS n FROM sales.orders_v1')).rows).toHaveLength(1);
      // The extended protocol (a parameter) is told too.
      await c.query('SELECT * FROM sales.orders_v1 WHERE id = $1', ['1']);
      // The current version is not deprecated: no notice.
      await c.query('SELECT count(*) FROM sales.orders');
    } finally {
      await c.end();
    }
    expect(notices).toHaveLength(2);
    for (const notice of notices) {
      expect(notice).toMatchObject({
        severity: 'WARNING',
        code: '01P01',
        message: NOTICE,
        detail: `MW8880: sales.orders orders v1 is deprecated since ${deprecatedSince.toISOString().slice(0, 10)}; after its endOfLife it is neither built nor served, and queries naming it fail (MW5006).`,
        hint: expect.stringContaining('Move your queries to sales.orders (orders v2)'),
      });
    }
  });

  it.runIf(hasPsql)('psql prints the warning', async () => {
    const { stdout, stderr } = await run(
      PSQL!,
      [
        '-X',
        '-A',
        '-t',
        '-h',
        '127.0.0.1',
        '-p',
        String(platform.wirePort),
        '-U',
        'admin',
        '-d',
        'mesh',
        '-c',
        'SELECT count(*) > 0 FROM sales.orders_v1',
      ],
      { env: { ...process.env, PGPASSWORD: token, PGCONNECT_TIMEOUT: '10' } },
    );
    expect(stdout.trim()).toBe('t');
    expect(stderr).toContain(`WARNING:  ${NOTICE}`);
    expect(stderr).toContain('DETAIL:  MW8880: sales.orders orders v1 is deprecated since');
    expect(stderr).toContain('HINT:  Move your queries to sales.orders (orders v2)');
  });
});

describe('a retired version', () => {
  it('is refused, and announced once as port.retired however often it is asked for', async () => {
    for (let i = 0; i < 2; i++) {
      const refused = await query('SELECT * FROM sales.refunds_v1');
      expect(refused.status).toBe(404);
      expect(await refused.json()).toMatchObject({ error: { code: 'MW5006' } });
    }
    await platform.services.webhooks.idle();
    expect(receiver.events('port.retired')).toMatchObject([
      {
        signed: true,
        data: { product: 'sales.refunds', port: 'refunds', major: 1, endOfLife: daysFromNow(-1), replacement: null },
      },
    ]);
  });

  it('is told to the gateway’s retirement hook, which the server wires to the announcement', async () => {
    const { model } = await loadWorkspaceFromDisk(ws.root, {});
    const warehouse = createLocalWarehouse({ root: defaultWarehouseRoot(ws.root) });
    const admin = resolvePrincipal(model, 'admin')!;
    const retired: unknown[] = [];
    // A day after v1's endOfLife, as the gateway's catalog sees it.
    const later = new Date(Date.parse(`${END_OF_LIFE}T00:00:00Z`) + 86_400_000);
    const gateway = await createQueryGateway({
      catalog: new RelationCatalog(model, warehouse, () => later),
      authorizer: loadAccessPolicies(ws.root, model).authorizer,
      warehouseRoot: warehouse.location,
      tempDirectory: join(ws.root, '.meshwork/tmp/gateway-test'),
      maskingKey: randomBytes(32),
      deprecatedSince: createDeprecatedSinceLookup(platform.services.store),
      onRetiredRead: (port) => retired.push(port),
    });
    try {
      await expect(collectRows(gateway, admin, 'SELECT * FROM sales.orders_v1')).rejects.toMatchObject({
        code: 'MW5006',
      });
      expect(retired).toEqual([{ productId: 'sales.orders', port: 'orders', major: 1 }]);
      // The current version still answers, without notices.
      const stream = await gateway.stream(admin, { sql: 'SELECT count(*) FROM sales.orders' });
      expect(stream.deprecations).toBeUndefined();
      for await (const chunk of stream.chunks()) expect(chunk.rowCount).toBe(1);
    } finally {
      await gateway.close();
    }
  });
});
