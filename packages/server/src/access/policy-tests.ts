/**
 * Runs the policy tests of `policies/access/tests/*.yaml` against the workspace's own policies,
 * masks and row filters with the real authorizer: what `mesh policy test` reports. A case checks
 * a decision (`expect`), the mask of a column (`expectMask`) or the row filter of a port
 * (`expectRowFilter`), or several at once.
 */
import { hasErrors, sortDiagnostics, type Diagnostic, type MeshModel, type SourcePosition } from '@meshwork/core';
import { freezePrincipal, resolvePrincipal } from '../identity/resolve-principal.js';
import type { Principal } from '../identity/principal.js';
import { ACCESS_CODES, type AccessCode } from './access-codes.js';
import { listPolicyTestFiles } from './access-files.js';
import type { AccessContext, AccessDecision, AccessResource, Authorizer, PortRef } from './access-types.js';
import { createAccessYamlReader } from './access-yaml.js';
import { loadAccessPolicies, type AccessPolicies } from './load-access-policies.js';
import { PolicyTestFileSchema, type PolicyTestCase } from './policy-test-schema.js';
import { parseResourceRef } from './resource-ref.js';

export interface PolicyTestResult {
  readonly file: string;
  readonly line: number;
  readonly name: string;
  readonly passed: boolean;
  /** What did not hold, one sentence each; empty when the case passed. */
  readonly failures: readonly string[];
  /** The decision of `action` on the resource, when the case asked for one. */
  readonly decision?: AccessDecision;
  /** The policies, masks and row filters that took part in the outcome (for `untested`). */
  readonly exercised: readonly string[];
}

export interface PolicyTestReport {
  readonly ok: boolean;
  readonly passed: number;
  readonly failed: number;
  readonly cases: readonly PolicyTestResult[];
  /** Load problems of the policies and of the test files. */
  readonly diagnostics: readonly Diagnostic[];
  /** Ids of policies, masks and row filters that no case exercised. */
  readonly untested: readonly string[];
}

const reader = createAccessYamlReader(PolicyTestFileSchema, 'policy tests');
const FAR_FUTURE = '9999-12-31T00:00:00Z';

export function runAccessPolicyTests(root: string, model: MeshModel, access?: AccessPolicies): PolicyTestReport {
  const loaded = access ?? loadAccessPolicies(root, model);
  const diagnostics: Diagnostic[] = [...loaded.diagnostics];
  const cases: PolicyTestResult[] = [];
  // Cases are not run against a fail-closed authorizer: every one would fail for the same reason.
  const runnable = !hasErrors(loaded.diagnostics);
  for (const file of listPolicyTestFiles(root)) {
    const { source, value, diagnostics: fileDiagnostics } = reader.read(root, file);
    diagnostics.push(...fileDiagnostics);
    if (!source || !value || !runnable) continue;
    value.cases.forEach((testCase, i) => {
      const where = source.locate(`/cases/${i}`);
      const problem = (code: AccessCode, pointer: string, message: string) => {
        diagnostics.push({
          code,
          severity: 'error',
          file,
          ...source.locate(`/cases/${i}${pointer}`),
          message: `case "${testCase.name}": ${message}`,
          fix: ACCESS_CODES[code].fix,
        });
        cases.push({ file, line: where.line, name: testCase.name, passed: false, failures: [message], exercised: [] });
      };
      const principal = principalOf(model, testCase);
      if (!principal)
        return problem(
          'MW5514',
          '/principal',
          `mesh.yaml has no user or service account "${String(testCase.principal)}"`,
        );
      const resource = parseResourceRef(model, testCase.resource);
      if ('error' in resource) return problem('MW5514', '/resource', resource.error);
      const shape = shapeProblem(testCase, resource);
      if (shape) return problem('MW5508', shape.pointer, shape.message);
      cases.push(runCase(loaded.authorizer, file, where, testCase, principal, resource));
    });
  }
  const failed = cases.filter((c) => !c.passed).length;
  const exercised = new Set(cases.flatMap((c) => c.exercised));
  const all = [...loaded.policies, ...loaded.masks, ...loaded.rowFilters].map((r) => r.id);
  return {
    ok: failed === 0 && !hasErrors(diagnostics),
    passed: cases.length - failed,
    failed,
    cases,
    diagnostics: sortDiagnostics(diagnostics),
    untested: runnable ? all.filter((id) => !exercised.has(id)) : [],
  };
}

function runCase(
  authorizer: Authorizer,
  file: string,
  where: SourcePosition,
  testCase: PolicyTestCase,
  principal: Principal,
  resource: AccessResource,
): PolicyTestResult {
  const failures: string[] = [];
  const exercised = new Set<string>();
  const context = contextOf(testCase);
  let decision: AccessDecision | undefined;
  if (testCase.expect !== undefined && testCase.action !== undefined) {
    decision = authorizer.isAllowed(principal, testCase.action, resource, context);
    decision.policyIds.forEach((id) => exercised.add(id));
    const actual = decision.allowed ? 'allow' : 'deny';
    if (actual !== testCase.expect) {
      const why = decision.allowed ? `permitted by ${decision.policyIds.join(', ') || 'no policy'}` : decision.reason;
      failures.push(`expected ${testCase.expect}, got ${actual} (${why})`);
    }
  }
  if (testCase.expectMask !== undefined || testCase.expectRowFilter !== undefined) {
    const port = (resource as { port: PortRef }).port;
    const read = authorizer.planRead(principal, port, context);
    if (!read.allowed) {
      failures.push(`expected to read the port, but query is denied (${read.decision.reason})`);
    } else {
      read.plan.policyIds.forEach((id) => exercised.add(id));
      read.plan.rowFilters.forEach((f) => exercised.add(f.ruleId));
      if (testCase.expectMask !== undefined && resource.kind === 'column') {
        const treatment = read.plan.columns.find((c) => c.name === resource.column)?.treatment;
        if (treatment?.kind === 'mask') exercised.add(treatment.ruleId);
        const actual = treatment?.kind === 'mask' ? treatment.strategy : 'clear';
        const rule = treatment?.kind === 'mask' ? ` by mask ${treatment.ruleId}` : '';
        if (actual !== testCase.expectMask) failures.push(`expected mask ${testCase.expectMask}, got ${actual}${rule}`);
      }
      if (testCase.expectRowFilter !== undefined) {
        const actual = read.plan.rowFilters.length === 0 ? null : read.plan.rowFilters.map((f) => f.sql).join(' AND ');
        if (actual !== testCase.expectRowFilter) {
          failures.push(
            `expected row filter ${JSON.stringify(testCase.expectRowFilter)}, got ${JSON.stringify(actual)}`,
          );
        }
      }
    }
  }
  return {
    file,
    line: where.line,
    name: testCase.name,
    passed: failures.length === 0,
    failures,
    ...(decision ? { decision } : {}),
    exercised: [...exercised],
  };
}

function shapeProblem(
  testCase: PolicyTestCase,
  resource: AccessResource,
): { pointer: string; message: string } | undefined {
  if (testCase.expect === undefined && testCase.expectMask === undefined && testCase.expectRowFilter === undefined) {
    return { pointer: '', message: 'states no expectation: add expect, expectMask or expectRowFilter' };
  }
  if (testCase.expect !== undefined && testCase.action === undefined) {
    return { pointer: '/expect', message: 'expect needs an action (discover, readMetadata, query, …)' };
  }
  if (testCase.expectMask !== undefined && resource.kind !== 'column') {
    return { pointer: '/expectMask', message: 'expectMask needs a column resource (domain.product/port@major/column)' };
  }
  if (testCase.expectRowFilter !== undefined && resource.kind !== 'port' && resource.kind !== 'column') {
    return {
      pointer: '/expectRowFilter',
      message: 'expectRowFilter needs a port resource (domain.product/port@major)',
    };
  }
  return undefined;
}

function principalOf(model: MeshModel, testCase: PolicyTestCase): Principal | undefined {
  const spec = testCase.principal;
  const principal =
    typeof spec === 'string'
      ? resolvePrincipal(model, spec, { authenticatedBy: 'policy-test' })
      : freezePrincipal({
          kind: spec.kind ?? 'user',
          id: spec.id,
          teams: spec.teams ?? [],
          groups: spec.groups ?? [],
          roles: spec.roles ?? [],
          attributes: spec.attributes ?? {},
          authenticatedBy: 'policy-test',
        });
  return principal && testCase.scopes ? freezePrincipal({ ...principal, scopes: testCase.scopes }) : principal;
}

function contextOf(testCase: PolicyTestCase): AccessContext {
  const { purpose, agreement } = testCase.context ?? {};
  const agreementPurpose = agreement === true ? (purpose ?? 'unspecified') : agreement || undefined;
  return {
    ...(purpose !== undefined ? { purpose } : {}),
    ...(agreementPurpose !== undefined
      ? { agreements: [{ id: 'policy-test-agreement', purpose: agreementPurpose, endsAt: FAR_FUTURE }] }
      : {}),
  };
}
