/**
 * Policy tests: fixtures that must pass, fail or be skipped by a policy. Workspace tests live in
 * policies/governance/tests/*.yaml; every built-in policy carries its own. A test gives only the
 * facts that matter; the rest are blank (see blank-facts.ts).
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { createDocumentValidator } from '../standards/schema-validator.js';
import { parseWorkspaceDocument } from '../workspace/parse-document.js';
import { columnFacts, portFacts, productFacts } from './blank-facts.js';
import { BUILTIN_POLICIES } from './builtins/index.js';
import { compilePolicies } from './compile-policies.js';
import type { CompiledPolicy } from './compiled-policy.js';
import { judge } from './evaluate-policies.js';
import { GOVERNANCE_CODES } from './governance-codes.js';
import { PolicyTestFileSchema, type PolicyTest } from './policy-file-schema.js';
import { scopeCoversClassification, scopeCoversProduct } from './policy-scope.js';

export interface PolicyTestResult {
  readonly file: string;
  readonly line?: number;
  readonly name: string;
  readonly policyId: string;
  readonly expected: 'pass' | 'fail' | 'skip';
  readonly actual: 'pass' | 'fail' | 'skip' | 'error';
  readonly passed: boolean;
  /** The policy's message or error, when it did not pass. */
  readonly detail?: string;
}

export interface PolicyTestRun {
  readonly results: readonly PolicyTestResult[];
  readonly diagnostics: readonly Diagnostic[];
}

type Case = Pick<PolicyTest, 'name' | 'product' | 'port' | 'column' | 'expect'> & {
  readonly params?: Readonly<Record<string, unknown>>;
};

export function runPolicyCase(policy: CompiledPolicy, test: Case): Omit<PolicyTestResult, 'file' | 'line'> {
  let actual: PolicyTestResult['actual'];
  let detail: string | undefined;
  try {
    const product = productFacts(test.product);
    const variables = {
      product,
      port: portFacts(test.port),
      column: columnFacts(test.column),
      params: { ...policy.params, ...test.params },
    };
    const inScope =
      scopeCoversProduct(policy, product) &&
      (policy.target !== 'column' || scopeCoversClassification(policy, variables.column.classification));
    if (!inScope) actual = 'skip';
    else {
      const verdict = judge(policy, variables);
      actual = typeof verdict === 'string' ? verdict : verdict.outcome;
      if (typeof verdict !== 'string') detail = verdict.message;
    }
  } catch (error) {
    actual = 'error';
    detail = error instanceof Error ? error.message : String(error);
  }
  return {
    name: test.name,
    policyId: policy.id,
    expected: test.expect,
    actual,
    passed: actual === test.expect,
    ...(detail ? { detail } : {}),
  };
}

const validateTests = createDocumentValidator(PolicyTestFileSchema);

export function runPolicyTests(
  files: readonly { readonly path: string; readonly text: string }[],
  policies: readonly CompiledPolicy[],
): PolicyTestRun {
  const byId = new Map(policies.map((p) => [p.id, p]));
  const results: PolicyTestResult[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    const parsed = parseWorkspaceDocument<{ tests: PolicyTest[] }>(file.path, file.text, 'policy tests', validateTests);
    diagnostics.push(...parsed.diagnostics);
    if (!parsed.valid || !parsed.value) continue;
    parsed.value.tests.forEach((test, index) => {
      const { line } = parsed.source.locate(`/tests/${index}`);
      const policy = byId.get(test.policy);
      if (!policy) {
        diagnostics.push({
          code: 'MW5613',
          severity: 'error',
          file: file.path,
          line,
          pointer: `/tests/${index}/policy`,
          message: `test "${test.name}" names the unknown policy ${test.policy}`,
          fix: GOVERNANCE_CODES.MW5613.fix,
        });
        return;
      }
      results.push({ file: file.path, line, ...runPolicyCase(policy, test) });
    });
  }
  return { results, diagnostics };
}

/** Runs the tests every built-in policy ships with. */
export function runBuiltinPolicyTests(): PolicyTestRun {
  const results: PolicyTestResult[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const [use, builtin] of BUILTIN_POLICIES) {
    const file = `builtin:${use}`;
    const compiled = compilePolicies([{ path: file, text: JSON.stringify(builtinFile(use, builtin.name)) }]);
    diagnostics.push(...compiled.diagnostics);
    const policy = compiled.policies[0];
    if (!policy) continue;
    for (const test of builtin.tests) results.push({ file, ...runPolicyCase(policy, test) });
  }
  return { results, diagnostics };
}

function builtinFile(use: string, id: string): object {
  return { apiVersion: 'meshwork/v1', kind: 'GovernancePolicies', policies: [{ id, use }] };
}
