/**
 * The JSON the product page's tabs read beyond what src/api/api-types.ts declares: the other
 * sections of `GET /api/v1/products/{id}/detail` (packages/server/src/product-detail), one
 * contract version, the status history, a product's queries and the diff between majors. Only
 * the fields the tabs use; tests/portal/product.e2e.test.ts reads them from a real server.
 */
import type { ContractSection, ProductDetail } from '../api/api-types.js';

/** A `slaProperties` entry of an ODCS contract, as written. */
export interface SlaProperty {
  readonly property: string;
  readonly value?: string | number | boolean | null;
  readonly valueExt?: string | number | boolean | null;
  readonly unit?: string;
  readonly element?: string;
  readonly driver?: string;
  readonly description?: string;
}

export interface QualityRun {
  readonly runId: string;
  readonly at: string;
  readonly status: string;
  readonly passed: number;
  readonly failed: number;
  readonly warnings: number;
  /** Ids of failed checks (at most 10). */
  readonly failing: readonly string[];
}

export interface RunSummary {
  readonly id: string;
  readonly status: string;
  readonly trigger: string;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly rowsOut: number | null;
  readonly error: unknown;
}

export interface PortSnapshots {
  readonly port: string;
  readonly major: number;
  readonly currentSnapshotId: string | null;
  readonly total: number;
  readonly snapshots: readonly {
    readonly snapshotId: string;
    readonly createdAt: string;
    readonly runId: string | null;
    readonly contractVersion: string;
    readonly rowCount: number;
  }[];
}

interface ConsumerCounts {
  readonly activeAgreements: number;
  readonly pendingRequests: number;
  readonly consumers: number;
}

export interface Agreement {
  readonly id: string;
  readonly principalId: string;
  readonly port: string;
  readonly major: number;
  readonly purpose: string;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly decidedBy: string | null;
}

/** Who consumes the product: the agreements for those who may approve access, counts for others. */
export type ConsumersSection =
  | (ConsumerCounts & { readonly visible: true; readonly agreements: readonly Agreement[] })
  | (ConsumerCounts & { readonly visible: false; readonly reason: string });

interface UsageCounts {
  readonly since: string;
  readonly consumers: number;
  readonly queries: number;
  readonly rows: number;
}

export interface ConsumerUsage {
  readonly principalId: string;
  readonly queries: number;
  readonly rows: number;
  readonly lastQueryAt: string;
  readonly purposes: readonly string[];
}

export type UsageSection =
  | (UsageCounts & { readonly visible: true; readonly byConsumer: readonly ConsumerUsage[] })
  | (UsageCounts & { readonly visible: false; readonly reason: string });

export interface ExampleQuery {
  readonly title: string;
  readonly sql: string;
  readonly source: 'generated' | 'descriptor';
}

export type ChangeSeverity = 'breaking' | 'risky' | 'non-breaking';

export interface ContractChange {
  readonly kind: string;
  readonly severity: ChangeSeverity;
  readonly explanation: string;
}

export interface ChangelogEntry {
  readonly port: string;
  readonly major: number;
  readonly version: string;
  /** Null for the workspace document, not published yet. */
  readonly publishedAt: string | null;
  readonly publishedBy: string | null;
  readonly from: string | null;
  readonly severity: ChangeSeverity | 'none';
  readonly changes: readonly ContractChange[];
}

export interface ContractWithId extends ContractSection {
  readonly contractId: string | null;
  readonly slos: readonly SlaProperty[];
}

/** The whole `GET /api/v1/products/{id}/detail` as the product page reads it. */
export interface ProductPageDetail extends ProductDetail {
  readonly contracts: readonly ContractWithId[];
  readonly qualityHistory: readonly QualityRun[];
  readonly runs: readonly RunSummary[];
  readonly snapshots: readonly PortSnapshots[];
  readonly consumers: ConsumersSection;
  readonly usage: UsageSection;
  readonly exampleQueries: readonly ExampleQuery[];
  readonly changelog: readonly ChangelogEntry[];
}

/** `GET /api/v1/products/{id}/contracts/{contractId}/versions/{version}`. */
export interface ContractVersion {
  readonly contractId: string;
  readonly port: string;
  readonly major: number;
  readonly version: string;
  readonly documentVersion: string | null;
  readonly registered: boolean;
  readonly publishedAt: string | null;
  readonly document: Readonly<Record<string, unknown>>;
  readonly yaml: string;
}

/** `GET /api/v1/products/{id}/status`: freshness transitions, newest first. */
export interface StatusHistory {
  readonly items: readonly { readonly status: string; readonly reason: string; readonly at: string }[];
  readonly next?: string;
}

/** `GET /api/v1/products/{id}/usage/queries`: one read of the product (owners only). */
export interface ProductQuery {
  readonly queryId: string;
  readonly principalId: string;
  readonly rows: number;
  readonly status: string;
  readonly startedAt: string;
}

/** `GET /api/v1/products/{id}/diff`. */
export interface ProductDiff {
  readonly overall: ChangeSeverity | 'none';
  readonly ports: readonly {
    readonly port: string;
    readonly major: number;
    readonly fromPort?: string;
    readonly from: string | null;
    readonly to: string;
    readonly overall: ChangeSeverity | 'none';
    readonly changes: readonly (ContractChange & { readonly pointer: string })[];
    readonly note?: string;
  }[];
}
