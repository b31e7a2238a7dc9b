/**
 * `mesh policy test` for governance: the workspace's own policy tests, and the tests of every
 * built-in policy the workspace enables. A built-in's examples describe the built-in itself, so
 * they run with its default parameters and its own scope (a domain's copy or a narrowed scope
 * would skip them); the workspace's choices are tested by the workspace's own tests.
 */
import {
  BUILTIN_POLICIES,
  runPolicyCase,
  runPolicyTests,
  type PolicyTestResult,
  type Diagnostic,
} from '@meshwork/core';
import type { Governance } from './load-governance.js';

export interface GovernanceTestReport {
  readonly ok: boolean;
  readonly passed: number;
  readonly failed: number;
  readonly results: readonly PolicyTestResult[];
  readonly diagnostics: readonly Diagnostic[];
  /** Enabled policies that no workspace test and no built-in test exercises. */
  readonly untested: readonly string[];
}

export function runGovernanceTests(governance: Governance): GovernanceTestReport {
  const all = [...governance.policies, ...governance.disabled];
  const workspace = runPolicyTests(governance.tests, all);
  const builtin: PolicyTestResult[] = [];
  for (const policy of governance.policies) {
    const definition = policy.builtin ? BUILTIN_POLICIES.get(policy.builtin) : undefined;
    if (!definition) continue;
    for (const test of definition.tests) {
      const defaults = Object.fromEntries(Object.entries(definition.params).map(([name, p]) => [name, p.default]));
      const asBuiltin = { ...policy, scope: definition.scope, domain: undefined, params: defaults };
      const result = runPolicyCase(asBuiltin, { ...test, params: { ...defaults, ...test.params } });
      builtin.push({ file: `builtin:${policy.builtin}`, ...result });
    }
  }
  const results = [...workspace.results, ...builtin];
  const tested = new Set(results.map((r) => r.policyId));
  const failed = results.filter((r) => !r.passed).length;
  const errors = workspace.diagnostics.filter((d) => d.severity === 'error').length;
  return {
    ok: failed === 0 && errors === 0,
    passed: results.length - failed,
    failed,
    results,
    diagnostics: workspace.diagnostics,
    untested: governance.policies.filter((p) => !tested.has(p.id)).map((p) => p.id),
  };
}
