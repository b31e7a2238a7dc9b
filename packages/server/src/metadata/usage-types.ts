/**
 * Query usage as the metadata store keeps it: one record per (query, product read), written in
 * batches by the usage recorder (usage/). Usage is metering — who reads which product, how much,
 * under which agreement and purpose — not the audit log: it is not hash-chained, and entries
 * the recorder could not write are dropped and counted.
 */
import type { PageQuery } from './metadata-types.js';

export type QueryUsageStatus = 'ok' | 'failed' | 'cancelled';
export const QUERY_USAGE_STATUSES: readonly QueryUsageStatus[] = ['ok', 'failed', 'cancelled'];

/** One output port (one major version) of the product that the query read. */
export interface QueryUsagePort {
  readonly port: string;
  readonly major: number;
}

export interface QueryUsageInput {
  /** A UUID the caller chooses; recording the same id again is a no-op (a retried batch). */
  readonly id: string;
  /** A UUID shared by the rows of one query that read several products. */
  readonly queryId: string;
  readonly principalId: string;
  /** How the principal was authenticated: `token:<id>`, `oidc` or `local`. */
  readonly authenticatedBy: string;
  /** `domain.product`. */
  readonly productId: string;
  readonly ports: readonly QueryUsagePort[];
  /** The agreements that granted the reads of this product (UUIDs). */
  readonly agreementIds: readonly string[];
  readonly purpose?: string | null;
  readonly rows: number;
  /** Estimated result bytes (the gateway's estimate, not the encoded size). */
  readonly bytes: number;
  /** Whole milliseconds. */
  readonly durationMs: number;
  readonly status: QueryUsageStatus;
  readonly errorCode?: string | null;
  readonly startedAt: string | Date;
}

export interface QueryUsageRecord {
  readonly id: string;
  readonly queryId: string;
  readonly principalId: string;
  readonly authenticatedBy: string;
  readonly productId: string;
  /** Sorted by port, then major. */
  readonly ports: readonly QueryUsagePort[];
  /** Sorted. */
  readonly agreementIds: readonly string[];
  readonly purpose: string | null;
  readonly rows: number;
  readonly bytes: number;
  readonly durationMs: number;
  readonly status: QueryUsageStatus;
  readonly errorCode: string | null;
  readonly startedAt: string;
}

/**
 * Newest first (by start time, then id); `after` is the `next` of the previous page. One of
 * `productId` and `principalId` is required: each list is served from its own index.
 */
export interface QueryUsageQuery extends PageQuery {
  readonly productId?: string;
  readonly principalId?: string;
}

/** One consumer's use of one product since a time. */
export interface QueryUsageSummary {
  readonly principalId: string;
  readonly queries: number;
  readonly failed: number;
  readonly cancelled: number;
  readonly rows: number;
  readonly bytes: number;
  readonly durationMs: number;
  readonly lastQueryAt: string;
  /** Distinct purposes, sorted; at most MAX_SUMMARY_VALUES. */
  readonly purposes: readonly string[];
  /** Distinct agreement ids, sorted; at most MAX_SUMMARY_VALUES. */
  readonly agreementIds: readonly string[];
}

/** How many distinct purposes and agreements a summary lists per consumer. */
export const MAX_SUMMARY_VALUES = 50;
