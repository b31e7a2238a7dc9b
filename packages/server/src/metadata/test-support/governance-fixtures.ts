/** Builders for governance checks, shared by the governance conformance cases. */
import type { ComplianceCount, GovernanceCheckInput, GovernanceCheckRecord } from '../governance-types.js';

export function compliance(
  policyId: string,
  domain: string,
  counts: Partial<Omit<ComplianceCount, 'policyId' | 'domain'>> = {},
): ComplianceCount {
  return { policyId, domain, severity: 'blocking', passed: 0, failed: 0, waived: 0, errors: 0, ...counts };
}

export function governanceCheck(
  id: string,
  checkedAt: string | Date,
  overrides: Partial<GovernanceCheckInput> = {},
): GovernanceCheckInput {
  return {
    id,
    checkedAt,
    actor: 'system',
    trigger: 'schedule',
    policySetHash: 'set-1',
    productCount: 3,
    counts: [compliance('owner-set', 'sales', { passed: 2, failed: 1 })],
    ...overrides,
  };
}

export function newestCheckFirst(a: GovernanceCheckRecord, b: GovernanceCheckRecord): number {
  if (a.checkedAt !== b.checkedAt) return a.checkedAt < b.checkedAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}
