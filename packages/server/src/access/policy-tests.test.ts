import { afterEach, describe, expect, it } from 'vitest';
import { loadWorkspaceFromDisk } from '../workspace/load-workspace-from-disk.js';
import { runAccessPolicyTests } from './policy-tests.js';
import {
  BASE_FILTERS,
  BASE_MASKS,
  BASE_POLICIES,
  createAccessWorkspace,
  type AccessWorkspace,
} from './test-support/access-workspace.js';

let ws: AccessWorkspace | undefined;
afterEach(async () => {
  await ws?.dispose();
  ws = undefined;
});

const POLICIES = {
  'policies/access/base.cedar': BASE_POLICIES,
  'policies/access/masking.yaml': BASE_MASKS,
  'policies/access/row-filters.yaml': BASE_FILTERS,
};
const tests = (cases: string) => `apiVersion: meshwork/v1\nkind: AccessPolicyTests\ncases:\n${cases}`;

describe('policy tests', () => {
  it('runs decision, mask and row-filter cases and reports each failure with its line', async () => {
    ws = await createAccessWorkspace({
      ...POLICIES,
      'policies/access/tests/cases.yaml': tests(`  - name: consumer queries orders
    principal: ana
    action: query
    resource: sales.orders/orders
    expect: allow
  - name: wrong expectation
    principal: ana
    action: query
    resource: finance.payments/payments@1
    expect: allow
  - name: masks and filters together
    principal: ana
    resource: sales.orders/orders@1/email
    expectMask: partial
    expectRowFilter: "\\"region\\" = 'EU'"
  - name: wrong mask and filter
    principal: ben
    resource: sales.orders/orders@1/email
    context: { agreement: customer-care }
    expectMask: partial
    expectRowFilter: null
  - name: read denied
    principal: ana
    resource: finance.payments/payments@1/iban
    expectMask: redact
  - name: scoped token and inline principal
    principal: { id: sub-1, teams: [sales-data] }
    scopes: [discover]
    action: publish
    resource: sales.orders
    expect: deny
`),
    });
    const report = runAccessPolicyTests(ws.root, await ws.model());
    expect(report.diagnostics).toEqual([]);
    expect(report).toMatchObject({ ok: false, passed: 3, failed: 3 });
    expect(report.untested).toEqual([
      'discover-all',
      'owner-all',
      'governance-read',
      'restricted-redact',
      'pii-tokenize',
    ]);
    expect(report.cases.map((c) => [c.name, c.line, c.passed])).toEqual([
      ['consumer queries orders', 4, true],
      ['wrong expectation', 9, false],
      ['masks and filters together', 14, true],
      ['wrong mask and filter', 19, false],
      ['read denied', 25, false],
      ['scoped token and inline principal', 29, true],
    ]);
    expect(report.cases[1]!.failures).toEqual([
      'expected allow, got deny (no access policy permits query on finance.payments/payments@1; request access with a purpose to get an agreement)',
    ]);
    expect(report.cases[3]!.failures).toEqual([
      'expected mask partial, got clear',
      `expected row filter null, got "\\"region\\" = 'NA'"`,
    ]);
    expect(report.cases[4]!.failures[0]).toMatch(/^expected to read the port, but query is denied/);
  });

  it('reports unknown principals and resources, incomplete cases and invalid files as diagnostics', async () => {
    ws = await createAccessWorkspace({
      ...POLICIES,
      'policies/access/tests/a.yaml': tests(`  - name: unknown principal
    principal: zed
    action: query
    resource: sales.orders
    expect: allow
  - name: unknown resource
    principal: ana
    action: query
    resource: sales.orders/orders@7
    expect: allow
  - name: no action
    principal: ana
    resource: sales.orders
    expect: allow
  - name: mask of a port
    principal: ana
    resource: sales.orders/orders@1
    expectMask: clear
`),
      'policies/access/tests/b.yaml': tests(`  - name: bad action
    principal: ana
    action: delete
    resource: sales.orders
    expect: allow
`),
    });
    const report = runAccessPolicyTests(ws.root, await ws.model());
    expect(report.diagnostics.map((d) => [d.code, d.file, d.line])).toEqual([
      ['MW5514', 'policies/access/tests/a.yaml', 5],
      ['MW5514', 'policies/access/tests/a.yaml', 12],
      ['MW5508', 'policies/access/tests/a.yaml', 17],
      ['MW5508', 'policies/access/tests/a.yaml', 21],
      ['MW2004', 'policies/access/tests/b.yaml', 6],
    ]);
    expect(report.diagnostics[1]!.message).toBe('case "unknown resource": sales.orders has no output port "orders@7"');
    expect(report).toMatchObject({ ok: false, passed: 0, failed: 4 });
  });

  it('does not run cases when the policies have errors', async () => {
    ws = await createAccessWorkspace({
      'policies/access/a.cedar': 'permit (principal, action, resource);',
      'policies/access/tests/a.yaml': tests(
        `  - { name: x, principal: ana, action: discover, resource: mesh, expect: allow }\n`,
      ),
    });
    const report = runAccessPolicyTests(ws.root, await ws.model());
    expect(report).toMatchObject({ ok: false, passed: 0, failed: 0, cases: [] });
    expect(report.diagnostics.map((d) => d.code)).toEqual(['MW5502']);
  });
});

describe('the demo mesh policies', () => {
  it('pass every policy test, with no load problem, and every policy, mask and row filter is tested', async () => {
    const root = new URL('../../../../examples/demo-mesh', import.meta.url).pathname;
    const { model } = await loadWorkspaceFromDisk(root, {});
    const report = runAccessPolicyTests(root, model);
    expect(report.diagnostics).toEqual([]);
    expect(report.cases.filter((c) => !c.passed)).toEqual([]);
    expect(report.passed).toBeGreaterThanOrEqual(50);
    expect(report.untested).toEqual([]);
  });
});
