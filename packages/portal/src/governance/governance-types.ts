/**
 * The JSON the governance dashboard reads from `/api/v1/governance/*` (see the OpenAPI document
 * and packages/server/src/http/routes/governance-routes.ts). Only what the dashboard uses.
 */

export type ComplianceBy = 'policy' | 'domain';

export interface ComplianceCounts {
  readonly passed: number;
  readonly failed: number;
  readonly waived: number;
  readonly errors: number;
}

/** One policy or one domain: counts of the latest check. */
export interface ComplianceRow extends ComplianceCounts {
  /** The policy id or the domain. */
  readonly key: string;
  /** (passed + waived) / all, in whole percent. */
  readonly compliantPct: number;
}

export interface Compliance {
  readonly checkedAt: string;
  readonly items: readonly ComplianceRow[];
}

/** One recorded whole-mesh check, summed. */
export interface CompliancePoint extends ComplianceCounts {
  readonly checkId: string;
  readonly checkedAt: string;
}

export interface Policy {
  readonly id: string;
  readonly description: string;
  readonly rationale?: string;
  readonly severity: 'blocking' | 'warning';
  readonly target: 'product' | 'port' | 'column';
  readonly domain?: string;
  readonly enabled: boolean;
  readonly file: string;
  readonly line: number;
}

export type FindingOutcome = 'fail' | 'waived' | 'error';
export const FINDING_OUTCOMES: readonly FindingOutcome[] = ['fail', 'waived', 'error'];

export interface Finding {
  readonly policyId: string;
  readonly severity: 'blocking' | 'warning';
  readonly outcome: FindingOutcome;
  readonly code: string;
  readonly productId: string;
  readonly domain: string;
  readonly port?: string;
  /** `table.column`. */
  readonly column?: string;
  readonly message: string;
  readonly fix: string;
  /** Relative to the workspace. */
  readonly file: string;
  readonly line?: number;
  readonly waiver?: { readonly owner: string; readonly reason: string; readonly expires: string };
}

export interface Findings {
  readonly checkedAt: string;
  readonly items: readonly Finding[];
}

export interface Waiver {
  readonly policy: string;
  readonly product: string;
  readonly port?: string;
  readonly column?: string;
  readonly owner: string;
  readonly reason: string;
  /** `YYYY-MM-DD`. */
  readonly expires: string;
  readonly status: 'active' | 'expired';
}
