import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './test-support/run-cli.js';

let parent: string;
let root: string;

beforeAll(async () => {
  parent = await mkdtemp(join(tmpdir(), 'meshwork-cli-'));
  root = join(parent, 'acme');
});
afterAll(() => rm(parent, { recursive: true, force: true }));

describe('mesh CLI', () => {
  it('mesh --help lists the commands; an unknown command is a usage error (exit 2)', async () => {
    const help = await runCli(['--help'], parent);
    expect(help.code).toBe(0);
    for (const command of ['init', 'new', 'validate', 'show', 'import', 'export'])
      expect(help.stdout).toContain(command);
    const wrong = await runCli(['frobnicate'], parent);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/unknown command/);
  });

  it('the installed binary runs (npx mesh)', () => {
    const bin = join(import.meta.dirname, '../bin/mesh.js');
    expect(existsSync(join(import.meta.dirname, '../dist/main.js')), 'run `npm run build` first').toBe(true);
    const out = execFileSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    expect(out).toContain('Usage: mesh');
  });

  it('init creates a workspace that validates, and refuses to overwrite it', async () => {
    const init = await runCli(['init', 'acme'], parent);
    expect(init.code).toBe(0);
    for (const f of ['mesh.yaml', 'domains', 'policies', 'glossary', 'README.md'])
      expect(existsSync(join(root, f))).toBe(true);
    const again = await runCli(['init', 'acme'], parent);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('MW7001');
    expect(again.stderr).not.toMatch(/\n\s+at /);
  });

  it('new domain and new product of every archetype validate as generated', async () => {
    expect((await runCli(['new', 'domain', 'sales'], root)).code).toBe(0);
    expect((await runCli(['new', 'domain', 'marketing'], root)).code).toBe(0);
    for (const [ref, archetype] of [
      ['sales/orders', 'source-aligned'],
      ['sales/revenue', 'aggregate'],
      ['marketing/campaign-report', 'consumer-aligned'],
    ]) {
      const made = await runCli(['new', 'product', ref!, '--archetype', archetype!], root);
      expect(made.code, made.stderr).toBe(0);
    }
    const validate = await runCli(['validate', '--json'], join(root, 'domains'));
    expect(validate.code, validate.stdout).toBe(0);
    expect(JSON.parse(validate.stdout)).toMatchObject({ ok: true, errors: 0, warnings: 0, products: 3 });
    const human = await runCli(['validate'], root);
    expect(human.stdout).toMatch(/✓ 2 domains, 3 products: 0 errors, 0 warnings/);
  });

  it('bad names, unknown domains and unknown archetypes are coded errors', async () => {
    expect((await runCli(['new', 'domain', 'Bad Name'], root)).stderr).toContain('MW7002');
    expect((await runCli(['new', 'product', 'nowhere/thing'], root)).stderr).toContain('MW7005');
    expect((await runCli(['new', 'product', 'sales/x', '--archetype', 'weird'], root)).stderr).toContain('MW7010');
    expect((await runCli(['new', 'product', 'sales/orders'], root)).stderr).toContain('MW7004');
  });

  it('validate reports every problem with file:line:col, exit 1, and --json diagnostics', async () => {
    const file = join(root, 'domains/sales/orders/product.odps.yaml');
    const original = await readFile(file, 'utf8');
    await writeFile(
      file,
      original.replace('status: draft', 'status: draft\nstatuss: oops').replace('version: 0.1.0', 'version: latest'),
    );
    try {
      const human = await runCli(['validate', root], parent);
      expect(human.code).toBe(1);
      expect(human.stderr).toMatch(/domains\/sales\/orders\/product\.odps\.yaml:\d+:1 {2}error MW2001/);
      expect(human.stderr).toMatch(/error MW3006 .*"latest"/);
      expect(human.stderr).toContain('fix:');
      const json = await runCli(['validate', root, '--json'], parent);
      expect(json.code).toBe(1);
      const report = JSON.parse(json.stdout);
      expect(report.ok).toBe(false);
      expect(report.diagnostics.map((d: { code: string }) => d.code).sort()).toEqual(['MW2001', 'MW3006']);
      expect(report.diagnostics[0]).toHaveProperty('line');
    } finally {
      await writeFile(file, original);
    }
  });

  it('a file-system failure is a coded error, not a crash', async () => {
    const result = await runCli(['export', 'odcs', 'sales/orders', '--out', 'mesh.yaml/contracts'], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/error MW1009: cannot mkdir .*mesh\.yaml\/contracts: ENOTDIR/);
    expect(result.stderr).not.toContain('internal error');
  });

  it('validate on a folder that is not a workspace exits 1 with MW1001', async () => {
    const result = await runCli(['validate', parent], parent);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('MW1001');
  });

  it('show prints owner, ports, versions, schema and SLOs; --json too', async () => {
    const human = await runCli(['show', 'sales/orders'], root);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/owner\s+platform/);
    expect(human.stdout).toMatch(/Output port orders v1\.0\.0/);
    expect(human.stdout).toMatch(/created_on\s+date/);
    expect(human.stdout).toMatch(/frequency: 1 d/);
    const json = JSON.parse((await runCli(['show', 'sales.orders', '--json'], root)).stdout);
    expect(json).toMatchObject({ id: 'sales.orders', archetype: 'source-aligned', owner: 'platform' });
    expect(json.outputPorts[0].schema[0].columns).toHaveLength(4);
    expect(json.outputPorts[0].slos).toEqual([
      { property: 'frequency', value: 1, unit: 'd' },
      { property: 'retention', value: 30, unit: 'd' },
    ]);
    const missing = await runCli(['show', 'sales/nothing'], root);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('MW7006');
  });
});
