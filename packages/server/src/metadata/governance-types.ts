/**
 * Governance compliance history as the metadata store keeps it: one record per governance check
 * (a run of the publish-time policies over the mesh's products), with its pass / fail / waived /
 * error counts per policy and domain. Checks are history: recorded once, never changed.
 */
import type { PageQuery } from './metadata-types.js';

/** What started the check: `mesh check`, the server's start, a publish, the scheduler. */
export type GovernanceTrigger = 'check' | 'serve' | 'publish' | 'schedule';
export const GOVERNANCE_TRIGGERS: readonly GovernanceTrigger[] = ['check', 'serve', 'publish', 'schedule'];

export type ComplianceSeverity = 'blocking' | 'warning';
export const COMPLIANCE_SEVERITIES: readonly ComplianceSeverity[] = ['blocking', 'warning'];

/** One policy's verdicts on the products (or targets) of one domain. */
export interface ComplianceCount {
  readonly policyId: string;
  /** The products' domain. */
  readonly domain: string;
  readonly severity: ComplianceSeverity;
  readonly passed: number;
  readonly failed: number;
  readonly waived: number;
  /** The policy could not be evaluated. */
  readonly errors: number;
}

export interface GovernanceCheckInput {
  /** 1–128 letters, digits, `_`, `.`, `:` or `-`, e.g. `gck_<random>`; a used id is ConflictError MW6110. */
  readonly id: string;
  readonly checkedAt: string | Date;
  /** A principal id, or `system`. */
  readonly actor: string;
  readonly trigger: GovernanceTrigger;
  /** Which policy set was evaluated: points of the history with another hash are not comparable. */
  readonly policySetHash: string;
  readonly productCount: number;
  /** At most one row per (policyId, domain); counts are non-negative integers. */
  readonly counts: readonly ComplianceCount[];
}

export interface GovernanceCheckRecord extends GovernanceCheckInput {
  /** ISO-8601 UTC with milliseconds. */
  readonly checkedAt: string;
  /** Sorted by policyId, then domain (byte order). */
  readonly counts: readonly ComplianceCount[];
}

/** Newest first (by check time, then id); `since` is inclusive, `until` exclusive. */
export interface GovernanceCheckQuery extends PageQuery {
  readonly since?: string | Date;
  readonly until?: string | Date;
  readonly trigger?: GovernanceTrigger;
}

/** Which counts to sum per check; `since` is inclusive, `until` exclusive. */
export interface ComplianceHistoryQuery {
  readonly policyId?: string;
  readonly domain?: string;
  readonly since?: string | Date;
  readonly until?: string | Date;
  /** How many checks (the newest in the range), 1–1000; defaults to 100. */
  readonly limit?: number;
}

/** One check's counts summed over the rows that match the history query: one point of a chart. */
export interface CompliancePoint {
  readonly checkId: string;
  readonly checkedAt: string;
  readonly trigger: GovernanceTrigger;
  readonly policySetHash: string;
  readonly productCount: number;
  readonly passed: number;
  readonly failed: number;
  readonly waived: number;
  readonly errors: number;
}
