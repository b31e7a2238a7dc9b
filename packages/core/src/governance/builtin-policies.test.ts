import { describe, expect, it } from 'vitest';
import { BUILTIN_POLICIES } from './builtins/index.js';
import { runBuiltinPolicyTests } from './policy-tests.js';

describe('the built-in policy library', () => {
  const run = runBuiltinPolicyTests();

  it('compiles every built-in policy', () => {
    expect(run.diagnostics).toEqual([]);
    expect(new Set(run.results.map((r) => r.policyId)).size).toBe(BUILTIN_POLICIES.size);
  });

  it('has a passing and a failing example for every built-in', () => {
    for (const [use, builtin] of BUILTIN_POLICIES) {
      const expectations = new Set(builtin.tests.map((t) => t.expect));
      expect(expectations, use).toContain('pass');
      expect(expectations, use).toContain('fail');
    }
  });

  it.each(run.results.map((r) => [`${r.policyId}: ${r.name}`, r] as const))('%s', (_name, result) => {
    expect({ actual: result.actual, detail: result.detail }).toMatchObject({ actual: result.expected });
  });
});
