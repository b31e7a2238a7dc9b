/**
 * Policy compliance in the latest governance check: the weighted share of the policies applied
 * to the product that passed or were waived. Blocking policies weigh BLOCKING_WEIGHT, warnings 1;
 * a policy error counts as a failure. No check yet, or no policy in scope: no evidence.
 */
import type { PolicyOutcome, PolicySeverity } from '@meshwork/core';
import type { Measured } from './health-types.js';

export const BLOCKING_WEIGHT = 3;

export function complianceScore(
  outcomes: readonly PolicyOutcome[] | undefined,
  severityOf: (policyId: string) => PolicySeverity | undefined,
): Measured {
  if (outcomes === undefined) {
    return { name: 'compliance', value: null, summary: 'no governance check yet', evidence: { checked: false } };
  }
  if (outcomes.length === 0) {
    return { name: 'compliance', value: null, summary: 'no policy applies', evidence: { checked: true, policies: 0 } };
  }
  let total = 0;
  let good = 0;
  const failed: string[] = [];
  const waived: string[] = [];
  for (const o of outcomes) {
    const weight = severityOf(o.policyId) === 'blocking' ? BLOCKING_WEIGHT : 1;
    total += weight;
    if (o.outcome === 'pass' || o.outcome === 'waived') good += weight;
    else failed.push(o.policyId);
    if (o.outcome === 'waived') waived.push(o.policyId);
  }
  const blockingFailed = failed.filter((id) => severityOf(id) === 'blocking');
  return {
    name: 'compliance',
    value: good / total,
    summary:
      failed.length === 0
        ? `all ${outcomes.length} policies pass${waived.length ? ` (${waived.length} waived)` : ''}`
        : `${failed.length} of ${outcomes.length} policies fail (${blockingFailed.length} blocking)`,
    evidence: {
      checked: true,
      policies: outcomes.length,
      passed: outcomes.filter((o) => o.outcome === 'pass').length,
      waived: [...waived].sort(),
      failed: [...failed].sort(),
      blockingFailed: [...blockingFailed].sort(),
    },
  };
}
