/**
 * The `data` of every lifecycle event Meshwork publishes to webhook subscribers, as types: what
 * a receiver may rely on. Plain JSON only (dates as ISO strings), never anything secret.
 * Declared as type aliases, not interfaces, so that they are assignable to `JsonValue`.
 */

/** A port version: `orders` v2 of `sales.orders`. */
export type PortVersionRef = {
  readonly port: string;
  readonly major: number;
};

/** `product.published`: one output of a successful run became the port version's current snapshot. */
export type ProductPublishedData = {
  readonly product: string;
  readonly port: string;
  readonly major: number;
  readonly snapshotId: string;
  readonly runId: string;
  readonly rowCount: number;
  readonly contractId: string;
  readonly contractVersion: string;
  readonly trigger: string;
  readonly requestedBy: string;
};

/** `run.failed`: a run ended without publishing anything (the previous snapshots keep serving). */
export type RunFailedData = {
  readonly product: string;
  readonly runId: string;
  readonly trigger: string;
  readonly requestedBy: string;
  readonly startedAt: string;
  readonly endedAt: string;
  readonly error: { readonly code: string; readonly message: string };
};

/** `slo.breached` / `slo.restored`: the product's operational status changed. */
export type SloTransitionData = {
  readonly product: string;
  /** `stale` or `failing` for a breach, `fresh` for a restoration. */
  readonly status: string;
  /** The status before; `unknown` before the first evaluation. */
  readonly previousStatus: string;
  readonly reason: string;
  readonly at: string;
};

/** One breaking change of a contract, as the change classifier explains it. */
export type BreakingChangeData = {
  readonly kind: string;
  /** '' for a change of a table or of the whole contract. */
  readonly column: string;
  readonly explanation: string;
};

/** `contract.breaking-change`: a publish was refused because it breaks a published major version. */
export type ContractBreakingChangeData = {
  readonly product: string;
  readonly port: string;
  readonly major: number;
  readonly publishedVersion: string;
  readonly contractVersion: string;
  readonly changes: readonly BreakingChangeData[];
  /** Principals with an approved agreement on the port, and recent queriers of the product. */
  readonly consumers: readonly string[];
  readonly refused: boolean;
};

/** `port.deprecated`: a deprecated contract was published for the first time. */
export type PortDeprecatedData = {
  readonly product: string;
  readonly port: string;
  readonly major: number;
  readonly contractVersion: string;
  /** The day the deprecation was first published (`YYYY-MM-DD`). */
  readonly deprecatedSince: string;
  /** The day it stops being served (`YYYY-MM-DD`); null when the contract does not say. */
  readonly endOfLife: string | null;
  /** Days between the two; null without an endOfLife. */
  readonly noticeDays: number | null;
  /** The version to move to: the newest non-deprecated major of the same port; null when there is none. */
  readonly replacement: PortVersionRef | null;
  readonly consumers: readonly string[];
};

/** `port.retired`: a port version passed its endOfLife; it is no longer built nor served. */
export type PortRetiredData = {
  readonly product: string;
  readonly port: string;
  readonly major: number;
  readonly endOfLife: string;
  readonly replacement: PortVersionRef | null;
};

/** The payload of each lifecycle event type. */
export type LifecycleEventPayloads = {
  readonly 'product.published': ProductPublishedData;
  readonly 'run.failed': RunFailedData;
  readonly 'slo.breached': SloTransitionData;
  readonly 'slo.restored': SloTransitionData;
  readonly 'contract.breaking-change': ContractBreakingChangeData;
  readonly 'port.deprecated': PortDeprecatedData;
  readonly 'port.retired': PortRetiredData;
};

export type LifecycleEventType = keyof LifecycleEventPayloads;
