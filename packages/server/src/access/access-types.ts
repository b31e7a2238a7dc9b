/**
 * The access-control contract between the policy engine (Cedar policies plus masking rules and
 * row filters, compiled from `policies/`) and its enforcers: the SQL gateway, the HTTP API, the
 * wire protocol and the portal. Decisions are synchronous and cheap (policies are parsed once);
 * anything that needs I/O — the principal's active agreements — is looked up before asking.
 */
import type { Principal } from '../identity/principal.js';

/** Actions of the access model. `readClear` on a column lifts its mask; `readAllRows` on a port lifts its row filters. */
export const ACCESS_ACTIONS = [
  'discover',
  'readMetadata',
  'query',
  'publish',
  'approve',
  'administer',
  'readClear',
  'readAllRows',
] as const;
export type AccessAction = (typeof ACCESS_ACTIONS)[number];

/** One major version of one output port of one product: what a SQL relation resolves to. */
export interface PortRef {
  /** `domain.product`. */
  readonly productId: string;
  readonly port: string;
  readonly major: number;
}

export type AccessResource =
  | { readonly kind: 'mesh' }
  | { readonly kind: 'domain'; readonly domain: string }
  | { readonly kind: 'product'; readonly productId: string }
  | { readonly kind: 'port'; readonly port: PortRef }
  | { readonly kind: 'column'; readonly port: PortRef; readonly column: string };

/** An approved agreement in force now for this principal and port. */
export interface ActiveAgreement {
  readonly id: string;
  readonly purpose: string;
  readonly endsAt: string;
}

/** What the request carries beyond principal, action and resource. */
export interface AccessContext {
  /** The purpose the consumer states for this query or request (`--purpose`, header, startup parameter). */
  readonly purpose?: string;
  /** Agreements in force for the principal on the port concerned (looked up by the caller). */
  readonly agreements?: readonly ActiveAgreement[];
  /** Evaluation time; defaults to now. */
  readonly now?: Date;
}

export interface AccessDecision {
  readonly allowed: boolean;
  /** Ids of the policies that decided (permit or forbid), for explanations and audit. */
  readonly policyIds: readonly string[];
  /** Why not, in one sentence a user can act on; set when `allowed` is false. */
  readonly reason?: string;
}

export const MASK_STRATEGIES = ['redact', 'null', 'hash', 'partial', 'tokenize'] as const;
export type MaskStrategy = (typeof MASK_STRATEGIES)[number];

export type ColumnTreatment =
  { readonly kind: 'clear' } | { readonly kind: 'mask'; readonly strategy: MaskStrategy; readonly ruleId: string };

/**
 * A row filter ready for SQL: a predicate over the port's columns in which every principal
 * attribute has already been replaced by a literal, so it can be inlined with no parameters.
 * The policy compiler only emits column references, literals, comparisons, IN lists, IS NULL and
 * AND/OR/NOT; columns are double-quoted and literals single-quoted with quotes doubled.
 */
export interface RowFilter {
  readonly ruleId: string;
  readonly sql: string;
}

/** How the principal may read one port: which columns in clear, which masked, which rows. */
export interface ReadPlan {
  readonly port: PortRef;
  /** Every column of the port's contract, in contract order. */
  readonly columns: readonly { readonly name: string; readonly treatment: ColumnTreatment }[];
  /** All must hold (AND); empty when the principal may read every row. */
  readonly rowFilters: readonly RowFilter[];
  /** The agreement that granted the read, when one did. */
  readonly agreement?: ActiveAgreement;
  readonly policyIds: readonly string[];
}

export type ReadDecision =
  { readonly allowed: true; readonly plan: ReadPlan } | { readonly allowed: false; readonly decision: AccessDecision };

export interface Authorizer {
  /** One decision; ≥ 20,000 per second on one core with the policy set cached. */
  isAllowed(
    principal: Principal,
    action: AccessAction,
    resource: AccessResource,
    context?: AccessContext,
  ): AccessDecision;
  /** Everything the gateway needs to read one port: `query` on the port, `readClear` per column, `readAllRows`. */
  planRead(principal: Principal, port: PortRef, context?: AccessContext): ReadDecision;
}

/** Finds the agreements in force for a principal on a port; implemented by the agreements store. */
export interface AgreementLookup {
  activeAgreements(principalId: string, port: PortRef, at: Date): Promise<readonly ActiveAgreement[]>;
}
