/**
 * The demo mesh is the fixture of the end-to-end tests, so it never rots: it validates with no
 * error or warning, and `mesh demo` (what `npm start` runs) registers it idempotently.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './test-support/run-cli.js';

const demo = join(import.meta.dirname, '../../../examples/demo-mesh');
let copy: string;

beforeAll(async () => {
  copy = join(await mkdtemp(join(tmpdir(), 'meshwork-demo-')), 'demo-mesh');
  await cp(demo, copy, { recursive: true, filter: (src) => !src.includes('.meshwork') });
});
afterAll(() => rm(join(copy, '..'), { recursive: true, force: true }));

describe('the demo mesh', () => {
  it('validates with no error and no warning', async () => {
    const result = await runCli(['validate', copy, '--json'], copy);
    const report = JSON.parse(result.stdout);
    expect(report.diagnostics.filter((d: { severity: string }) => d.severity !== 'info')).toEqual([]);
    expect(result.code).toBe(0);
    expect(report.products).toBeGreaterThanOrEqual(15);
  });

  it('has the shape the demo promises: 5+ domains, three archetypes, a deprecated v1 beside its v2, PII columns', async () => {
    const orders = JSON.parse((await runCli(['show', 'sales/orders', '--json'], copy)).stdout);
    expect(
      orders.outputPorts.map((p: { major: number; contractStatus: string }) => [p.major, p.contractStatus]).sort(),
    ).toEqual([
      [1, 'deprecated'],
      [2, 'active'],
    ]);
    const profile = JSON.parse((await runCli(['show', 'customers/customer-profile', '--json'], copy)).stdout);
    const classified = profile.outputPorts[0].schema[0].columns.filter(
      (c: { classification?: string }) => c.classification === 'pii',
    );
    expect(classified.map((c: { name: string }) => c.name)).toEqual(expect.arrayContaining(['email', 'phone']));
  });

  it('mesh demo builds it once — generated data, every product published — and reuses the build', async () => {
    const first = await runCli(['demo', copy, '--no-serve', '--scale', '0.02'], copy);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/built 18 products in [\d.]+ s/);
    expect(first.stderr).not.toMatch(/not published/);
    for (const user of ['ana', 'olga', 'gus', 'adam']) expect(first.stdout).toContain(user);
    const runs = JSON.parse((await runCli(['runs', '--json', '--limit', '100'], copy)).stdout);
    // Every product published once; then a later helpdesk export failed support.tickets' next run
    // (the demo's incident, demo-late-export.ts): newest first, so that run comes first.
    const [later, ...build] = runs.items;
    expect(build).toHaveLength(18);
    expect(build.every((r: { status: string }) => r.status === 'succeeded')).toBe(true);
    expect(later).toMatchObject({ productId: 'support.tickets', status: 'failed', trigger: 'schedule' });
    const blocking = later.checks.filter(
      (c: { status: string; blocking: boolean }) => c.status === 'failed' && c.blocking,
    );
    expect(blocking.map((c: { id: string }) => c.id).sort()).toEqual([
      'logicalTypeOptions:first_response_minutes:minimum',
      'quality:response_after_opening',
    ]);
    const tickets = build.find((r: { productId: string }) => r.productId === 'support.tickets');
    const warned = tickets.checks.filter(
      (c: { status: string; blocking: boolean }) => c.status === 'failed' && !c.blocking,
    );
    expect(warned.map((c: { id: string }) => c.id)).toEqual([expect.stringContaining('csat')]);

    const second = await runCli(['demo', copy, '--no-serve', '--scale', '0.02'], copy);
    expect(second.code).toBe(0);
    expect(second.stderr).not.toMatch(/built/);
    const verify = await runCli(['audit', 'verify'], copy);
    expect(verify.stdout).toMatch(/audit log intact/);
  });
});
