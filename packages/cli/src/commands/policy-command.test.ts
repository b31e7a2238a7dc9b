/** `mesh policy test` on the demo mesh and on a workspace with a failing case and a broken policy. */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../test-support/run-cli.js';

const demo = join(import.meta.dirname, '../../../../examples/demo-mesh');
let copy: string;

beforeAll(async () => {
  copy = join(await mkdtemp(join(tmpdir(), 'meshwork-policy-')), 'demo-mesh');
  await cp(demo, copy, { recursive: true, filter: (src) => !src.includes('.meshwork') });
});
afterAll(() => rm(join(copy, '..'), { recursive: true, force: true }));

describe('mesh policy test', () => {
  it('passes on the demo mesh, printing each case', async () => {
    const result = await runCli(['policy', 'test'], copy);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('policies/access/tests/row-filters.yaml');
    expect(result.stdout).toContain('  ✓ an EU consumer sees EU rows');
    expect(result.stdout).toMatch(/✓ \d+ passed, 0 failed; 0 errors, 0 warnings/);
  });

  it('prints JSON with --json', async () => {
    const result = await runCli(['policy', 'test', copy, '--json'], '/');
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ ok: true, failed: 0, untested: [], diagnostics: [] });
    expect(report.cases[0]).toMatchObject({ file: 'policies/access/tests/baseline.yaml', passed: true });
  });

  it('exits 1 and names the case when an expectation fails', async () => {
    await writeFile(
      join(copy, 'policies/access/tests/zz-wrong.yaml'),
      `apiVersion: meshwork/v1
kind: AccessPolicyTests
cases:
  - name: ben sees EU rows (wrong)
    principal: ben
    resource: sales.orders/orders@2
    expectRowFilter: "\\"region\\" = 'EU'"
`,
    );
    try {
      const result = await runCli(['policy', 'test'], copy);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('  ✗ ben sees EU rows (wrong)  (line 4)');
      expect(result.stdout).toContain(`expected row filter "\\"region\\" = 'EU'", got "\\"region\\" = 'NA'"`);
      expect(result.stdout).toMatch(/✗ \d+ passed, 1 failed/);
    } finally {
      await rm(join(copy, 'policies/access/tests/zz-wrong.yaml'));
    }
  });

  it('exits 1 with positioned diagnostics when a policy does not load', async () => {
    const broken = join(copy, 'policies/access/zz-broken.cedar');
    await writeFile(
      broken,
      '@id("broken")\n@description("d")\npermit (principal, action, resource) when { resource.nope };\n',
    );
    try {
      const result = await runCli(['policy', 'test', '--json'], copy);
      expect(result.code).toBe(1);
      const report = JSON.parse(result.stdout);
      expect(report.ok).toBe(false);
      expect(report.cases).toEqual([]);
      expect(report.diagnostics[0]).toMatchObject({ code: 'MW5504', file: 'policies/access/zz-broken.cedar', line: 3 });
      const human = await runCli(['policy', 'test'], copy);
      expect(human.stderr).toContain('policies/access/zz-broken.cedar:3:');
      expect(human.stderr).toContain('MW5504');
    } finally {
      await rm(broken);
    }
  });
});
