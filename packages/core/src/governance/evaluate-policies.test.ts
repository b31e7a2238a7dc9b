/** Evaluation: scope, findings with file and pointer, policy errors that do not stop the others, waivers. */
import { describe, expect, it } from 'vitest';
import { columnFacts, portFacts, productFacts } from './blank-facts.js';
import { compilePolicies } from './compile-policies.js';
import { evaluatePolicies } from './evaluate-policies.js';
import type { PolicySubject } from './policy-subject.js';
import { loadWaivers } from './waivers.js';

const policies = compilePolicies([
  {
    path: 'policies/governance/p.yaml',
    text: `apiVersion: meshwork/v1
kind: GovernancePolicies
policies:
  - id: owner
    use: meshwork/required-owner-team
  - id: classified
    use: meshwork/column-classified
  - id: sales-only
    description: Sales products are tagged sales.
    severity: warning
    scope: { domains: [sales] }
    check: '"sales" in product.tags'
  - id: explodes
    description: Divides by zero on products without tags.
    check: 1 / product.tags.size() > 0
`,
  },
]);

function subject(id: string, facts: Record<string, unknown>, columns: Record<string, unknown>[]): PolicySubject {
  const [domain] = id.split('.');
  return {
    facts: productFacts({ id, domain, name: id.split('.')[1], ...facts, ports: [{ name: 'p', columns }] }),
    descriptorFile: `domains/${domain}/${id.split('.')[1]}/product.odps.yaml`,
    ports: [
      {
        file: `domains/${domain}/x/p.odcs.yaml`,
        pointer: '',
        columns: columns.map((_, i) => ({ pointer: `/schema/0/properties/${i}` })),
      },
    ],
  };
}

const good = subject('sales.orders', { ownerTeam: 'sales', ownerTeamKnown: true, tags: ['sales'] }, [
  { name: 'order_id', classification: 'internal' },
]);
const bad = subject('finance.payments', { ownerTeam: '' }, [
  { name: 'iban', classification: 'restricted' },
  { name: 'note', classification: '' },
]);

describe('evaluatePolicies', () => {
  it('compiles the fixture', () => expect(policies.diagnostics).toEqual([]));

  it('passes a compliant product and reports each failing target with file and pointer', () => {
    const report = evaluatePolicies(policies.policies, [good, bad]);
    const failures = report.findings.filter((f) => f.outcome === 'fail');
    expect(failures.map((f) => [f.policyId, f.productId, f.column ?? null, f.file, f.pointer, f.code])).toEqual([
      ['owner', 'finance.payments', null, 'domains/finance/payments/product.odps.yaml', '/team/name', 'MW5701'],
      [
        'classified',
        'finance.payments',
        'table.note',
        'domains/finance/x/p.odcs.yaml',
        '/schema/0/properties/1/classification',
        'MW5701',
      ],
    ]);
    expect(failures[1]!.message).toBe('column note has no classification');
  });

  it('applies a scope: the sales-only policy is not counted for finance', () => {
    const report = evaluatePolicies(policies.policies, [good, bad]);
    expect(report.outcomes.filter((o) => o.policyId === 'sales-only')).toEqual([
      { policyId: 'sales-only', productId: 'sales.orders', domain: 'sales', outcome: 'pass' },
    ]);
  });

  it('turns an exception into a policy error finding and still evaluates every other policy', () => {
    const report = evaluatePolicies(policies.policies, [bad]);
    const error = report.findings.find((f) => f.policyId === 'explodes');
    expect(error).toMatchObject({ outcome: 'error', code: 'MW5703', productId: 'finance.payments' });
    expect(error!.message).toMatch(/^policy error: /);
    expect(report.outcomes.map((o) => o.policyId)).toEqual(['owner', 'classified', 'explodes']);
  });

  it('counts outcomes per policy and domain', () => {
    const report = evaluatePolicies(policies.policies, [good, bad]);
    expect(report.counts.find((c) => c.policyId === 'classified' && c.domain === 'finance')).toMatchObject({
      failed: 1,
      passed: 0,
    });
    expect(report.counts.find((c) => c.policyId === 'classified' && c.domain === 'sales')).toMatchObject({
      failed: 0,
      passed: 1,
    });
  });

  it('shows a waived finding as waived until the waiver expires', () => {
    const text = `apiVersion: meshwork/v1
kind: GovernanceWaivers
waivers:
  - policy: classified
    product: finance.payments
    column: note
    owner: gus
    reason: Free-text note column being removed in v2.
    expires: 2027-01-31
`;
    const context = {
      policyIds: new Set(['classified']),
      productIds: new Set(['finance.payments']),
      owners: new Set(['gus']),
    };
    const before = loadWaivers(
      { path: 'policies/governance/waivers.yaml', text },
      { ...context, now: new Date('2027-01-31T23:00:00Z') },
    );
    expect(before.diagnostics).toEqual([]);
    const waived = evaluatePolicies(policies.policies, [bad], { waivers: before.lookup }).findings.find(
      (f) => f.policyId === 'classified',
    );
    expect(waived).toMatchObject({ outcome: 'waived', waiver: { owner: 'gus', expires: '2027-01-31' } });

    const after = loadWaivers(
      { path: 'policies/governance/waivers.yaml', text },
      { ...context, now: new Date('2027-02-01T00:00:01Z') },
    );
    expect(after.diagnostics).toMatchObject([{ code: 'MW5611', severity: 'warning', line: 9 }]);
    const failing = evaluatePolicies(policies.policies, [bad], { waivers: after.lookup }).findings.find(
      (f) => f.policyId === 'classified',
    );
    expect(failing).toMatchObject({ outcome: 'fail' });
  });

  it('rejects waivers for unknown policies, products or owners, and bad dates', () => {
    const text = `apiVersion: meshwork/v1
kind: GovernanceWaivers
waivers:
  - { policy: nope, product: finance.payments, owner: gus, reason: r, expires: 2030-01-01 }
  - { policy: classified, product: x.y, owner: gus, reason: r, expires: 2030-01-01 }
  - { policy: classified, product: finance.payments, owner: mallory, reason: r, expires: 2030-01-01 }
  - { policy: classified, product: finance.payments, owner: gus, reason: r, expires: next year }
`;
    const loaded = loadWaivers(
      { path: 'w.yaml', text },
      {
        policyIds: new Set(['classified']),
        productIds: new Set(['finance.payments']),
        owners: new Set(['gus']),
        now: new Date(),
      },
    );
    expect(loaded.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['MW5610', 4],
      ['MW5610', 5],
      ['MW5612', 6],
      ['MW5615', 7],
    ]);
    expect(loaded.active).toEqual([]);
  });

  it('builds blank facts that refuse unknown fields', () => {
    expect(() => columnFacts({ nmae: 'x' })).toThrow(/unknown fact "nmae"/);
    expect(portFacts({ major: 2 }).major).toBe(2n);
  });
});
