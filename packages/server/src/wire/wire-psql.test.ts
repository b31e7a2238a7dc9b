/**
 * The real psql binary against the wire server: queries, and the catalog commands (`\dt`, `\d`,
 * `\dn`, `\l`) answered by the introspection catalog with only what the principal may query.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { componentAvailable } from '../../../../test-support/components.js';
import { startTestWireServer, type TestWireServer } from './test-support/wire-test-server.js';

const run = promisify(execFile);
const PSQL = ['/usr/bin/psql', '/usr/local/bin/psql'].find((path) => existsSync(path));
const hasPsql = componentAvailable(
  'psql',
  PSQL !== undefined,
  'install the PostgreSQL client (apt-get install postgresql-client)',
);

let server: TestWireServer;

beforeAll(async () => {
  if (hasPsql) server = await startTestWireServer();
});

afterAll(async () => {
  await server?.close();
});

async function psql(user: 'alice' | 'bob', command: string, extra: string[] = []): Promise<string> {
  const { stdout } = await run(
    PSQL!,
    ['-X', '-h', '127.0.0.1', '-p', String(server.port), '-U', user, '-d', 'meshwork', ...extra, '-c', command],
    { env: { ...process.env, PGPASSWORD: `mw_test_${user}_token`, PGSSLMODE: 'prefer', PGCONNECT_TIMEOUT: '5' } },
  );
  return stdout;
}

describe.runIf(hasPsql)('psql', () => {
  it('runs a query and prints its rows', async () => {
    const out = await psql('alice', 'select id, amount, status from sales.orders where id <= 2 order by id');
    expect(out).toContain(' id | amount | status');
    expect(out).toMatch(/ {2}1 \| {3}0\.07 \| shipped/);
    expect(out).toContain('(2 rows)');
  });

  it('lists the visible tables with \\dt', async () => {
    const alice = await psql('alice', '\\dt');
    expect(alice).toContain('customers | people');
    expect(alice).toContain('sales     | order_lines');
    expect(alice).toContain('sales     | orders');
    const bob = await psql('bob', '\\dt');
    expect(bob).toContain('sales  | orders');
    expect(bob).not.toContain('people');
    expect(bob).not.toContain('customers');
  });

  it('lists one schema with \\dt sales.*', async () => {
    const out = await psql('alice', '\\dt sales.*');
    expect(out).toContain('orders');
    expect(out).toContain('order_lines');
    expect(out).not.toContain('people');
  });

  it('describes a table with \\d', async () => {
    const out = await psql('alice', '\\d sales.orders');
    expect(out).toContain('Table "sales.orders"');
    expect(out).toMatch(/id +\| integer +\| +\| not null/);
    expect(out).toMatch(/amount +\| numeric\(12,2\)/);
    expect(out).toMatch(/ordered_at +\| timestamp without time zone/);
    expect(out).toMatch(/note +\| text/);
  });

  it('shows column descriptions with \\d+', async () => {
    const out = await psql('alice', '\\d+ sales.orders');
    expect(out).toContain('Order total in EUR');
  });

  it('does not describe a hidden table', async () => {
    const out = await run(
      PSQL!,
      ['-X', '-h', '127.0.0.1', '-p', String(server.port), '-U', 'bob', '-d', 'meshwork', '-c', '\\d customers.people'],
      { env: { ...process.env, PGPASSWORD: 'mw_test_bob_token' } },
    ).then(
      (r) => r.stdout + r.stderr,
      (e: { stdout: string; stderr: string }) => e.stdout + e.stderr,
    );
    expect(out).toContain('Did not find any relation named "customers.people"');
  });

  it('lists schemas with \\dn and databases with \\l', async () => {
    const schemas = await psql('bob', '\\dn');
    expect(schemas).toContain('sales');
    expect(schemas).not.toContain('customers');
    const databases = await psql('alice', '\\l');
    expect(databases).toContain('meshwork');
  });

  it('answers version() and current_user from the catalog', async () => {
    const out = await psql('alice', 'select version(), current_user', ['-A', '-t']);
    expect(out.trim()).toBe('PostgreSQL 16.0 (Meshwork) on x86_64-pc-linux-gnu, 64-bit|alice');
  });

  it('reports errors and keeps going with ON_ERROR_STOP off', async () => {
    const out = await run(
      PSQL!,
      [
        '-X',
        '-h',
        '127.0.0.1',
        '-p',
        String(server.port),
        '-U',
        'bob',
        '-d',
        'meshwork',
        '-c',
        'select * from customers.people',
        '-c',
        'select 1 as ok',
      ],
      { env: { ...process.env, PGPASSWORD: 'mw_test_bob_token' } },
    ).then(
      (r) => r.stdout + r.stderr,
      (e: { stdout: string; stderr: string }) => e.stdout + e.stderr,
    );
    expect(out).toContain('ERROR:');
    expect(out).toContain('DETAIL:  Meshwork code MW');
    expect(out).toContain(' ok');
  });
});
