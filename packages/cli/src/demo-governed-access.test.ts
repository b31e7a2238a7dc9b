/**
 * Governed access end to end on the demo mesh, with its real Cedar policies, masks, row filter,
 * demo tokens and agreements: what `npm start` shows a visitor, through HTTP and psql.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type RunningPlatform } from '@meshwork/server';
import { componentAvailable } from '../../../test-support/components.js';
import { runCli } from './test-support/run-cli.js';

const run = promisify(execFile);
const PSQL = ['/usr/bin/psql', '/usr/local/bin/psql'].find((path) => existsSync(path));
const hasPsql = componentAvailable(
  'psql',
  PSQL !== undefined,
  'install the PostgreSQL client (apt-get install postgresql-client)',
);
const demo = join(import.meta.dirname, '../../../examples/demo-mesh');
let copy: string;
let platform: RunningPlatform;
let stdout: string;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  copy = join(await mkdtemp(join(tmpdir(), 'meshwork-demo-access-')), 'demo-mesh');
  await cp(demo, copy, { recursive: true, filter: (src) => !src.includes('.meshwork') && !src.includes('/data/') });
  const built = await runCli(['demo', copy, '--no-serve', '--scale', '0.02'], copy);
  expect(built.code, built.stderr).toBe(0);
  stdout = built.stdout;
  const file = JSON.parse(await readFile(join(copy, '.meshwork', 'demo-tokens.json'), 'utf8')) as {
    principalId: string;
    token: string;
  }[];
  for (const entry of file) tokens[entry.principalId] = entry.token;
  platform = await startPlatform({ root: copy, env: {}, port: 0 });
}, 180_000);
afterAll(async () => {
  await platform?.close();
  await rm(join(copy, '..'), { recursive: true, force: true });
});

const api = (path: string, token: string | undefined, init: RequestInit = {}) =>
  fetch(`${platform.url}${path}`, {
    ...init,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(init.body ? { 'content-type': 'application/json' } : {}),
    },
  });

const query = async (token: string, sql: string, extra: Record<string, unknown> = {}) => {
  const response = await api('/api/v1/query', token, { method: 'POST', body: JSON.stringify({ sql, ...extra }) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

const rowsOf = (body: Record<string, unknown>) => body.rows as unknown[][];

describe('the demo prints what a visitor needs', () => {
  it('prints every demo user with a token on its own line', () => {
    for (const user of ['ana', 'ben', 'olga', 'gus', 'adam']) {
      expect(stdout).toMatch(new RegExp(`\\n  ${user} .*\\n    token: mwt_[a-z0-9]{16}_[A-Za-z0-9_-]{43}\\n`));
    }
  });
});

describe('HTTP API with demo tokens', () => {
  it('lists the products a consumer may discover, and refuses requests without a token', async () => {
    const listed = await api('/api/v1/products?limit=1000', tokens.ana);
    expect(listed.status).toBe(200);
    const body = (await listed.json()) as { items: { id: string }[] };
    expect(body.items.map((p) => p.id)).toContain('sales.orders');
    expect((await api('/api/v1/products', undefined)).status).toBe(401);
    expect((await api('/api/v1/products', 'mwt_aaaaaaaaaaaaaaaa_' + 'x'.repeat(43))).status).toBe(401);
  });

  it('filters rows by the consumer’s region and shows owners every region', async () => {
    const sql = 'SELECT region, count(*) AS n FROM sales.orders GROUP BY region ORDER BY region';
    const ana = await query(tokens.ana!, sql);
    expect(ana.status).toBe(200);
    expect(rowsOf(ana.body).map((r) => r[0])).toEqual(['EU']);
    const ben = await query(tokens.ben!, sql);
    expect(rowsOf(ben.body).map((r) => r[0])).toEqual(['NA']);
    const olga = await query(tokens.olga!, sql);
    expect(rowsOf(olga.body).map((r) => r[0])).toEqual(['APAC', 'EU', 'LATAM', 'NA']);
  });

  it('masks personal data for consumers and keeps tokens joinable', async () => {
    const { status, body } = await query(tokens.ana!, 'SELECT email, full_name FROM customers.customer_360 LIMIT 5');
    expect(status).toBe(200);
    expect(rowsOf(body)).toHaveLength(5);
    for (const [email, name] of rowsOf(body)) {
      expect(String(email)).toMatch(/^.\*\*\*@/);
      expect(String(name)).toMatch(/^tok_[0-9a-f]{20}$/);
    }
  });

  it('serves the deprecated v1 beside v2', async () => {
    const v1 = await query(tokens.olga!, 'SELECT count(*) FROM sales.orders_v1');
    expect(v1.status).toBe(200);
    expect(Number(rowsOf(v1.body)[0]![0])).toBeGreaterThan(0);
  });

  it('walks the access journey: refused, pending request approved by the owner, granted, revoked', async () => {
    const sql = 'SELECT count(*) FROM customers.customer_profile';
    const refused = await query(tokens.ana!, sql);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: { code: 'MW5016' } });

    const inbox = await api('/api/v1/access-requests?role=inbox', tokens.pia);
    const pending = ((await inbox.json()) as { items: { id: string; principalId: string; status: string }[] }).items;
    const request = pending.find((r) => r.principalId === 'ana' && r.status === 'pending');
    expect(request, 'the demo starts with Ana’s pending request in Pia’s inbox').toBeDefined();
    expect(
      (await api(`/api/v1/access-requests/${request!.id}/approve`, tokens.ben, { method: 'POST', body: '{}' })).status,
    ).toBe(403);
    const approved = await api(`/api/v1/access-requests/${request!.id}/approve`, tokens.pia, {
      method: 'POST',
      body: JSON.stringify({ note: 'ok for churn analysis' }),
    });
    expect(approved.status).toBe(200);

    const granted = await query(
      tokens.ana!,
      'SELECT iban, email FROM customers.customer_profile WHERE iban IS NOT NULL LIMIT 3',
    );
    expect(granted.status).toBe(200);
    expect(rowsOf(granted.body)).toHaveLength(3);
    for (const [iban, email] of rowsOf(granted.body)) {
      expect(iban).toBe('****');
      expect(String(email)).toMatch(/^.\*\*\*@/);
    }

    const revoked = await api(`/api/v1/agreements/${request!.id}/revoke`, tokens.pia, { method: 'POST', body: '{}' });
    expect(revoked.status).toBe(200);
    expect((await query(tokens.ana!, sql)).status).toBe(403);
  });
});

describe('PostgreSQL wire protocol with psql', () => {
  const psql = (user: string, command: string) =>
    run(
      PSQL!,
      ['-X', '-A', '-t', '-h', '127.0.0.1', '-p', String(platform.wirePort), '-U', user, '-d', 'mesh', '-c', command],
      {
        env: { ...process.env, PGPASSWORD: tokens[user]!, PGCONNECT_TIMEOUT: '10' },
      },
    );

  it.runIf(hasPsql)('lists only what the principal may query and runs governed queries', async () => {
    const relations = (await psql('ana', '\\dt')).stdout;
    expect(relations).toContain('sales|orders|');
    expect(relations).toContain('sales|orders_v1|');
    expect(relations).not.toContain('customer_profile');
    const regions = (await psql('ana', 'SELECT DISTINCT region FROM sales.orders')).stdout.trim();
    expect(regions).toBe('EU');
    const olga = (await psql('olga', 'SELECT count(DISTINCT region) FROM sales.orders')).stdout.trim();
    expect(olga).toBe('4');
  });

  it.runIf(hasPsql)('refuses a wrong token', async () => {
    await expect(
      run(
        PSQL!,
        ['-X', '-h', '127.0.0.1', '-p', String(platform.wirePort), '-U', 'ana', '-d', 'mesh', '-c', 'SELECT 1'],
        {
          env: { ...process.env, PGPASSWORD: 'mwt_aaaaaaaaaaaaaaaa_wrong' },
        },
      ),
    ).rejects.toMatchObject({ stderr: expect.stringMatching(/password authentication failed|28P01|invalid/i) });
  });
});
