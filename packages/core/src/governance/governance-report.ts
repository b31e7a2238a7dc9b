/** What a governance check produces: findings to act on, and outcomes to count compliance by. */
import type { PolicySeverity } from './compiled-policy.js';

export type FindingOutcome = 'fail' | 'waived' | 'error';
export type ProductOutcome = 'pass' | FindingOutcome;

export interface AppliedWaiver {
  readonly owner: string;
  readonly reason: string;
  readonly expires: string;
  readonly file: string;
}

export interface Finding {
  readonly policyId: string;
  readonly severity: PolicySeverity;
  readonly outcome: FindingOutcome;
  /** MW5701 blocking failure, MW5702 warning, MW5703 policy error; a waived finding keeps its code. */
  readonly code: 'MW5701' | 'MW5702' | 'MW5703';
  readonly productId: string;
  readonly domain: string;
  readonly port?: string;
  /** `table.column`. */
  readonly column?: string;
  /** Why it failed, from the policy's message. */
  readonly message: string;
  readonly fix: string;
  readonly file: string;
  /** JSON pointer of the field at fault in `file`. */
  readonly pointer: string;
  readonly line?: number;
  readonly waiver?: AppliedWaiver;
}

/** One policy's verdict on one product: the worst of its targets. */
export interface PolicyOutcome {
  readonly policyId: string;
  readonly productId: string;
  readonly domain: string;
  readonly outcome: ProductOutcome;
}

export interface ComplianceCounts {
  readonly policyId: string;
  readonly domain: string;
  readonly severity: PolicySeverity;
  readonly passed: number;
  readonly failed: number;
  readonly waived: number;
  readonly errors: number;
}

export interface GovernanceReport {
  readonly findings: readonly Finding[];
  readonly outcomes: readonly PolicyOutcome[];
  readonly counts: readonly ComplianceCounts[];
  readonly productCount: number;
  readonly policyCount: number;
}

/** True when a finding stops publishing: a blocking failure or any policy error, unless waived. */
export function isBlocking(finding: Finding): boolean {
  return finding.outcome === 'error' || (finding.outcome === 'fail' && finding.severity === 'blocking');
}
