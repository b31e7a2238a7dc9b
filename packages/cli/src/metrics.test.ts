/**
 * Metrics end to end on the demo mesh, built small: customer lifetime value by segment from
 * three domains (sales orders, customers' segment, finance's paid invoices), planned, printed and
 * run through the governed gateway as gus (governance: every region) and as ana (consumer: EU
 * rows only), checked against a hand-written query as the same principal; olga (sales owner) is
 * refused the finance product; errors; and the API.
 */
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform } from '@meshwork/server';
import { runCli } from './test-support/run-cli.js';

const demo = join(import.meta.dirname, '../../../examples/demo-mesh');
let root: string;

beforeAll(async () => {
  root = join(await mkdtemp(join(tmpdir(), 'meshwork-metrics-')), 'demo-mesh');
  await cp(demo, root, { recursive: true, filter: (src) => !src.includes('.meshwork') && !src.includes('/data/') });
  const built = await runCli(['demo', root, '--no-serve', '--scale', '0.02'], root);
  expect(built.code, built.stderr).toBe(0);
}, 240_000);
afterAll(() => rm(join(root, '..'), { recursive: true, force: true }));

const mesh = (...args: string[]) => runCli(args, root);

interface MetricJson {
  sql: string;
  plan: { products: string[]; explanation: string[] };
  columns: string[];
  rows: { segment: string; customer_lifetime_value: number; customer_count: number }[];
}

/** CLV by segment written by hand: other joins, same meaning. */
const HAND_WRITTEN = `
SELECT c.segment, avg(t.total) AS clv, count(*) AS customers
FROM (
  SELECT o.customer_id, sum(o.gross_amount) AS total
  FROM sales.orders o
  JOIN (SELECT DISTINCT customer_id FROM finance.invoices WHERE status = 'paid') paid ON paid.customer_id = o.customer_id
  WHERE o.status <> 'cancelled' AND o.status <> 'returned'
  GROUP BY o.customer_id
) t
JOIN customers.customer_360 c ON c.customer_id = t.customer_id
GROUP BY c.segment
ORDER BY c.segment`;

async function metric(who: string): Promise<MetricJson> {
  const run = await mesh('metrics', 'query', 'customer-lifetime-value', '--by', 'segment', '--as', who, '--json');
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as MetricJson;
}

async function handWritten(who: string): Promise<[string, number, number][]> {
  const run = await mesh('query', HAND_WRITTEN, '--as', who, '--format', 'json');
  expect(run.code, run.stderr).toBe(0);
  return (JSON.parse(run.stdout) as { rows: [string, number, number][] }).rows;
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));

describe('mesh metrics', () => {
  it('lists the demo metrics', async () => {
    const run = await mesh('metrics', 'list');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/CustomerLifetimeValue\s+Customer/);
    expect(run.stdout).toMatch(/ChurnRate/);
  });

  it('prints the plan and the SQL, then the result', async () => {
    const run = await mesh('metrics', 'query', 'customer-lifetime-value', '--by', 'segment', '--as', 'ana');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('products: customers.customer-360, finance.invoices, sales.orders');
    expect(run.stdout).toContain('JOIN customers.customer_360 d1 ON g.customer_id = d1.customer_id');
    expect(run.stdout).toMatch(/enterprise/);
    const sqlOnly = await mesh('metrics', 'query', 'CLV', '--by', 'segment', '--sql-only', '--as', 'ana');
    expect(sqlOnly.stdout).toContain('WITH per_customer AS (');
    expect(sqlOnly.stdout).not.toMatch(/\(\d+ rows?,/);
  });

  it('answers CLV by segment from three domains as gus and as ana, matching hand-written SQL', async () => {
    const gus = await metric('gus');
    const ana = await metric('ana');
    expect(gus.plan.products).toEqual(['customers.customer-360', 'finance.invoices', 'sales.orders']);
    expect(gus.columns).toEqual(['segment', 'customer_lifetime_value', 'customer_count']);
    expect(gus.rows.map((r) => r.segment)).toEqual(['consumer', 'enterprise', 'smb']);
    for (const [who, result] of [
      ['gus', gus],
      ['ana', ana],
    ] as const) {
      const expected = await handWritten(who);
      expect(result.rows.map((r) => r.segment)).toEqual(expected.map((r) => r[0]));
      result.rows.forEach((row, i) => {
        expect(close(row.customer_lifetime_value, Number(expected[i]![1])), `${who} ${row.segment}`).toBe(true);
        expect(row.customer_count).toBe(Number(expected[i]![2]));
      });
    }
    // ana's regional row filter applies to every product read: fewer customers, other values.
    const count = (r: MetricJson) => r.rows.reduce((sum, row) => sum + row.customer_count, 0);
    expect(count(ana)).toBeGreaterThan(0);
    expect(count(ana)).toBeLessThan(count(gus));
  });

  it('applies access policies to every product read: olga owns sales but may not query finance', async () => {
    const run = await mesh('metrics', 'query', 'customer-lifetime-value', '--by', 'segment', '--as', 'olga');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/MW5016: not allowed to query finance\.invoices/);
  });

  it('answers churn rate by segment', async () => {
    const run = await mesh('metrics', 'query', 'churn-rate', '--by', 'segment', '--as', 'gus', '--json');
    expect(run.code, run.stderr).toBe(0);
    const rows = (JSON.parse(run.stdout) as { rows: { churn_rate: number }[] }).rows;
    expect(rows.length).toBe(3);
    for (const row of rows) expect(row.churn_rate).toBeGreaterThanOrEqual(0);
    for (const row of rows) expect(row.churn_rate).toBeLessThanOrEqual(1);
  });

  it('says which part to change on bad input', async () => {
    const unknown = await mesh('metrics', 'query', 'customer-lifetime-valu', '--as', 'ana');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/MW8611.*did you mean/);
    const dimension = await mesh('metrics', 'query', 'CLV', '--by', 'colour', '--as', 'ana');
    expect(dimension.stderr).toMatch(/MW8612.*Customer\.segment/);
    const via = await mesh('metrics', 'query', 'CLV', '--by', 'segment', '--via', 'sales.nope', '--as', 'ana');
    expect(via.stderr).toMatch(/MW8616/);
  });
});

describe('metrics over HTTP', () => {
  it('lists metrics and runs one as the caller', async () => {
    const platform = await startPlatform({ root, env: {}, port: 0, wirePort: false });
    try {
      const tokens = Object.fromEntries(
        (
          JSON.parse(await readFile(join(root, '.meshwork', 'demo-tokens.json'), 'utf8')) as {
            principalId: string;
            token: string;
          }[]
        ).map((t) => [t.principalId, t.token]),
      );
      const call = (path: string, who: string, body?: unknown) =>
        fetch(`${platform.url}${path}`, {
          method: body === undefined ? 'GET' : 'POST',
          headers: {
            authorization: `Bearer ${tokens[who]}`,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
      const list = (await (await call('/api/v1/metrics', 'ana')).json()) as { items: { name: string }[] };
      expect(list.items.map((m) => m.name)).toEqual(['ChurnRate', 'CustomerLifetimeValue']);

      const response = await call('/api/v1/metrics/CustomerLifetimeValue/query', 'ana', { by: ['segment'] });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { sql: string; columns: string[]; rows: { segment: string }[] };
      const cli = await metric('ana');
      expect(body.sql).toBe(cli.sql);
      expect(body.columns).toEqual(['segment', 'customer_lifetime_value', 'customer_count']);
      expect(body.rows).toHaveLength(cli.rows.length);

      const bad = await call('/api/v1/metrics/CustomerLifetimeValue/query', 'ana', { by: ['colour'] });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('MW8612');
      const missing = await call('/api/v1/metrics/Nope/query', 'ana', {});
      expect(missing.status).toBe(404);
      expect((await fetch(`${platform.url}/api/v1/metrics`)).status).toBe(401);
    } finally {
      await platform.close();
    }
  });
});
