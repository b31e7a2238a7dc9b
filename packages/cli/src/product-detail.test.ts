/**
 * Product detail and health on the demo mesh, built small: the detail page as a consumer (masked
 * sample rows, consumer counts only) and as an owner (consumers listed), 404s, health scorecards
 * over HTTP, and `mesh health`.
 */
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type HealthScorecard, type RunningPlatform } from '@meshwork/server';
import { runCli } from './test-support/run-cli.js';

const demo = join(import.meta.dirname, '../../../examples/demo-mesh');
let root: string;
let platform: RunningPlatform;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  root = join(await mkdtemp(join(tmpdir(), 'meshwork-detail-')), 'demo-mesh');
  await cp(demo, root, { recursive: true, filter: (src) => !src.includes('.meshwork') && !src.includes('/data/') });
  const built = await runCli(['demo', root, '--no-serve', '--scale', '0.02'], root);
  expect(built.code, built.stderr).toBe(0);
  const file = JSON.parse(await readFile(join(root, '.meshwork', 'demo-tokens.json'), 'utf8')) as {
    principalId: string;
    token: string;
  }[];
  for (const entry of file) tokens[entry.principalId] = entry.token;
  platform = await startPlatform({ root, env: {}, port: 0, wirePort: false });
}, 240_000);
afterAll(async () => {
  await platform?.close();
  await rm(join(root, '..'), { recursive: true, force: true });
});

const get = async <T>(path: string, who: string) => {
  const response = await fetch(`${platform.url}${path}`, { headers: { authorization: `Bearer ${tokens[who]}` } });
  return { status: response.status, body: (await response.json()) as T };
};

interface Detail {
  id: string;
  descriptor: { id: string };
  contracts: {
    port: string;
    workspaceVersion: string;
    registeredVersions: { version: string }[];
    schema: { columns: { name: string; classification: string | null; terms: string[] }[] }[];
  }[];
  runs: unknown[];
  qualityHistory: { passed: number }[];
  snapshots: { port: string; snapshots: unknown[] }[];
  consumers: { visible: boolean; activeAgreements: number; agreements?: { principalId: string }[] };
  usage: { visible: boolean; byConsumer?: unknown[] };
  sample: { allowed: boolean; reason?: string; rows?: Record<string, unknown>[] };
  exampleQueries: { sql: string }[];
  changelog: { version: string; severity: string }[];
  health: HealthScorecard | null;
}

describe('GET /api/v1/products/{id}/detail', () => {
  it('shows a consumer masked sample rows and no consumer list', async () => {
    const { status, body } = await get<Detail>('/api/v1/products/customers.customer-360/detail', 'ana');
    expect(status).toBe(200);
    expect(body.descriptor.id).toBeTruthy();
    expect(body.sample.allowed).toBe(true);
    expect(body.sample.rows!.length).toBeGreaterThan(0);
    expect(body.sample.rows!.length).toBeLessThanOrEqual(10);
    for (const row of body.sample.rows!) expect(String(row.email)).toMatch(/^.\*\*\*@/);
    const columns = body.contracts[0]!.schema[0]!.columns;
    expect(columns.find((c) => c.name === 'email')?.classification).toBe('pii');
    expect(columns.find((c) => c.name === 'customer_id')?.terms).toContain('Customer.customer_id');
    expect(body.consumers.visible).toBe(false);
    expect(body.consumers.agreements).toBeUndefined();
    expect(body.usage.byConsumer).toBeUndefined();
    expect(body.exampleQueries[0]!.sql).toBe('SELECT * FROM customers.customer_360 LIMIT 10');
    expect(body.runs.length).toBeGreaterThan(0);
    expect(body.qualityHistory[0]!.passed).toBeGreaterThan(0);
    expect(body.snapshots[0]!.snapshots.length).toBeGreaterThan(0);
    expect(body.changelog.length).toBeGreaterThan(0);
    expect(body.health?.components).toHaveLength(5);
  });

  it('lists consumers to the owner, counts only to others', async () => {
    const owner = await get<Detail>('/api/v1/products/finance.payments/detail', 'finn');
    expect(owner.status).toBe(200);
    expect(owner.body.consumers.visible).toBe(true);
    expect(owner.body.consumers.agreements?.map((a) => a.principalId)).toContain('bi-dashboards');
    const consumer = await get<Detail>('/api/v1/products/finance.payments/detail', 'ana');
    if (consumer.status === 200) {
      expect(consumer.body.consumers).toMatchObject({ visible: false, activeAgreements: 1 });
      expect(consumer.body.consumers.agreements).toBeUndefined();
    } else {
      expect(consumer.status).toBe(404);
    }
  });

  it('answers 404 for an unknown product', async () => {
    const { status, body } = await get<{ error: { code: string } }>('/api/v1/products/nope.nothing/detail', 'ana');
    expect(status).toBe(404);
    expect(body.error.code).toBe('MW8013');
    expect((await get('/api/v1/products/nope.nothing/health', 'ana')).status).toBe(404);
  });
});

describe('health', () => {
  it('serves a scorecard with every component and its evidence', async () => {
    const { status, body } = await get<HealthScorecard>('/api/v1/products/finance.payments/health', 'finn');
    expect(status).toBe(200);
    expect(body.score).toBeGreaterThan(0);
    expect(body.score).toBeLessThanOrEqual(100);
    expect(body.components.map((c) => c.name)).toEqual(['documentation', 'slo', 'quality', 'compliance', 'usage']);
    const usage = body.components.find((c) => c.name === 'usage')!;
    expect(usage.evidence.activeAgreements).toBe(1);
    expect(usage.value).toBeGreaterThan(0);
  });

  it('ranks products: scores for all, a product with a consumer above the same product without', async () => {
    const scores = platform.services.health.scores();
    expect(scores.size).toBe(platform.services.model.products.size);
    for (const score of scores.values()) expect(score).toBeGreaterThanOrEqual(0);
    expect(platform.services.health.quality('finance.payments')).toBeCloseTo(scores.get('finance.payments')! / 100);
    expect(platform.services.health.quality('nope.nothing')).toBe(0);
  });

  it('mesh health prints every product sorted by score, and one product as components', async () => {
    const all = await runCli(['health', '--json'], root, { MESHWORK_USER: 'gus' });
    expect(all.code, all.stderr).toBe(0);
    const items = (JSON.parse(all.stdout) as { items: HealthScorecard[] }).items;
    expect(items.length).toBeGreaterThan(10);
    const sorted = [...items].sort((a, b) => b.score - a.score);
    expect(items.map((i) => i.score)).toEqual(sorted.map((i) => i.score));
    // The one product with a consumer ranks first; among unused products, any shortfall ranks lower.
    expect(items[0]!.productId).toBe('finance.payments');
    const value = (card: HealthScorecard, name: string) => card.components.find((c) => c.name === name)!.value;
    const unused = items.filter((i) => value(i, 'usage') === 0);
    const flawless = unused.filter((i) => i.components.every((c) => c.name === 'usage' || c.value === 1));
    const flawed = unused.filter((i) =>
      i.components.some((c) => c.name !== 'usage' && c.value !== null && c.value < 1),
    );
    for (const worse of flawed) for (const better of flawless) expect(worse.score).toBeLessThan(better.score);
    const table = await runCli(['health'], root, { MESHWORK_USER: 'gus' });
    expect(table.stdout).toMatch(/product\s+score\s+documentation/);
    const one = await runCli(['health', 'customers/customer-360'], root, { MESHWORK_USER: 'gus' });
    expect(one.code, one.stderr).toBe(0);
    expect(one.stdout).toMatch(/documentation/);
    expect(one.stderr).toMatch(/customers\.customer-360: health \d/);
    const missing = await runCli(['health', 'nope.nothing'], root, { MESHWORK_USER: 'gus' });
    expect(missing.code).not.toBe(0);
  });
});
