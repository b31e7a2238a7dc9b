/** The governance compiler reports every mistake at load, with file and line, and compiles the rest. */
import { describe, expect, it } from 'vitest';
import { compilePolicies } from './compile-policies.js';

const file = (policies: string, path = 'policies/governance/p.yaml', domain?: string) => ({
  path,
  text: `apiVersion: meshwork/v1\nkind: GovernancePolicies\npolicies:\n${policies}`,
  ...(domain ? { domain } : {}),
});

describe('compilePolicies', () => {
  it('compiles a custom policy and a built-in with parameters', () => {
    const result = compilePolicies([
      file(`  - id: has-tags
    description: Products are tagged.
    severity: warning
    check: product.tags.size() > 0
  - id: names
    use: meshwork/naming-columns
    params: { convention: camelCase }
`),
    ]);
    expect(result.diagnostics).toEqual([]);
    expect(result.policies.map((p) => [p.id, p.target, p.severity])).toEqual([
      ['has-tags', 'product', 'warning'],
      ['names', 'column', 'warning'],
    ]);
    expect(result.policies[1]!.params).toEqual({ convention: 'camelCase' });
    expect(result.policies[0]!.source).toMatchObject({ file: 'policies/governance/p.yaml', line: 4 });
  });

  it('reports a syntax error at the line of the expression', () => {
    const result = compilePolicies([file(`  - id: broken\n    description: x\n    check: product.tags.size( > 0\n`)]);
    expect(result.policies).toEqual([]);
    expect(result.diagnostics).toMatchObject([{ code: 'MW5601', file: 'policies/governance/p.yaml', line: 6 }]);
    expect(result.diagnostics[0]!.message).toContain('policy broken');
  });

  it('reports an unknown field of the facts when the policy loads, not when it runs', () => {
    const result = compilePolicies([file(`  - id: typo\n    description: x\n    check: product.ownerTeem != ""\n`)]);
    expect(result.diagnostics).toMatchObject([{ code: 'MW5602', line: 6 }]);
    expect(result.diagnostics[0]!.message).toContain('ownerTeem');
  });

  it('refuses a field of another target and a type mismatch', () => {
    const result = compilePolicies([
      file(`  - id: column-in-product-policy
    description: x
    check: column.name != ""
  - id: mismatch
    description: x
    scope: { target: column }
    check: column.required + 1 > 0
`),
    ]);
    expect(result.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['MW5602', 6],
      ['MW5602', 10],
    ]);
  });

  it('wants a boolean check and a string message', () => {
    const result = compilePolicies([
      file(
        `  - id: not-bool\n    description: x\n    check: product.name\n  - id: not-string\n    description: x\n    check: "true"\n    message: product.tags.size()\n`,
      ),
    ]);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['MW5603', 'MW5603']);
  });

  it('reports unknown fields of the file, duplicate ids, unknown built-ins and parameters', () => {
    const result = compilePolicies([
      file(`  - id: a\n    description: x\n    check: "true"\n    sevrity: blocking\n`),
      file(
        `  - id: b\n    check: "true"\n  - id: b\n    check: "true"\n  - id: c\n    use: meshwork/nope\n  - id: d\n    use: meshwork/naming-ports\n    params: { style: x }\n`,
        'policies/governance/q.yaml',
      ),
    ]);
    expect(result.diagnostics.map((d) => [d.code, d.file, d.line])).toEqual([
      ['MW2001', 'policies/governance/p.yaml', 7],
      ['MW5604', 'policies/governance/q.yaml', 6],
      ['MW5605', 'policies/governance/q.yaml', 9],
      ['MW5608', 'policies/governance/q.yaml', 12],
    ]);
  });

  it('confines a domain policy to its domain', () => {
    const ok = compilePolicies([
      file(`  - id: mine\n    check: "true"\n`, 'domains/sales/policies/governance/x.yaml', 'sales'),
    ]);
    expect(ok.policies[0]!.scope.domains).toEqual(['sales']);
    const reaching = compilePolicies([
      file(
        `  - id: theirs\n    check: "true"\n    scope: { domains: [finance] }\n`,
        'domains/sales/policies/governance/x.yaml',
        'sales',
      ),
    ]);
    expect(reaching.diagnostics).toMatchObject([{ code: 'MW5607', line: 6 }]);
  });

  it('keeps a disabled policy, marked as such', () => {
    const result = compilePolicies([file(`  - id: later\n    check: "true"\n    enabled: false\n`)]);
    expect(result.policies[0]!.enabled).toBe(false);
  });
});
