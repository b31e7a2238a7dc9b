/**
 * `mesh search` on a copy of the demo mesh (no data needs building: the index is the model):
 * typos, synonyms, facets and filters in JSON and as a table, the principal required as for
 * `mesh query`, and bad input refused with its code.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './test-support/run-cli.js';

const demo = join(import.meta.dirname, '../../../examples/demo-mesh');
let root: string;

beforeAll(async () => {
  root = join(await mkdtemp(join(tmpdir(), 'meshwork-search-')), 'demo-mesh');
  await cp(demo, root, { recursive: true, filter: (src) => !src.includes('.meshwork') && !src.includes('/data/') });
});
afterAll(() => rm(join(root, '..'), { recursive: true, force: true }));

const mesh = (...args: string[]) => runCli(['search', ...args], root, { MESHWORK_USER: 'ana' });

interface Results {
  total: number;
  items: { id: string; score: number; matches: string[] }[];
  facets: Record<string, { value: string; count: number }[]>;
}

describe('mesh search', () => {
  it('finds customers products despite a typo, as JSON', async () => {
    const run = await mesh('custmer', '--json');
    expect(run.code, run.stderr).toBe(0);
    const results = JSON.parse(run.stdout) as Results;
    expect(results.items[0]!.id).toMatch(/^customers\./);
    expect(results.facets.domain!.length).toBeGreaterThan(0);
  });

  it('finds by a glossary synonym and filters by domain', async () => {
    const results = JSON.parse((await mesh('client', '--domain', 'customers', '--json')).stdout) as Results;
    expect(results.total).toBeGreaterThan(0);
    expect(results.items.every((i) => i.id.startsWith('customers.') && i.matches.includes('terms'))).toBe(true);
    expect(results.facets.domain).toEqual([{ value: 'customers', count: results.total }]);
  });

  it('prints a table, then the facets', async () => {
    const run = await mesh('revenue', '--as', 'ben');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^id\s+title\s+domain\s+score/m);
    expect(run.stdout).toContain('finance.revenue-by-segment');
    expect(run.stdout).toMatch(/^domain: finance \(\d+\)/m);
  });

  it('needs a principal, as mesh query does', async () => {
    const run = await runCli(['search', 'orders'], root, {});
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('MW5220');
  });

  it('refuses an unknown facet value with its code', async () => {
    const run = await mesh('orders', '--freshness', 'old');
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('MW5803');
  });
});
