/**
 * The SQL gateway's contract with its front ends (`mesh query`/`mesh sql`, `POST /api/v1/query`,
 * the PostgreSQL wire protocol, the portal console). Every front end authenticates a Principal and
 * hands the gateway the SQL as the user wrote it; the gateway alone parses, authorizes, rewrites
 * (masks, row filters) and runs it in its sandboxed DuckDB. Results stream as DuckDB data chunks
 * so that each front end encodes them its own way without an intermediate copy.
 */
import type { DuckDBDataChunk, DuckDBType } from '@duckdb/node-api';
import type { Principal } from '../identity/principal.js';
import type { DeprecationNotice } from '../lifecycle/relation-deprecations.js';

export interface GatewayQuery {
  /** One read-only statement: SELECT, WITH … SELECT, VALUES, set operations, FROM-first. */
  readonly sql: string;
  /** Values for `$1`, `$2`, … (or `?`), as JS values: string, number, bigint, boolean, null. */
  readonly parameters?: readonly unknown[];
  /** The purpose the consumer states; agreements and clear-text policies may depend on it. */
  readonly purpose?: string;
}

export interface QueryLimits {
  /** Wall-clock limit; the query is interrupted and fails with MW5xxx when it passes. */
  readonly timeoutMs?: number;
  /** Rows returned; the stream ends (truncated = true) or fails, see `onLimit`. */
  readonly maxRows?: number;
  /** Approximate result bytes (DuckDB vector sizes). */
  readonly maxBytes?: number;
  /** `truncate` (default for consoles) stops quietly and sets `truncated`; `fail` raises MW5xxx. */
  readonly onLimit?: 'truncate' | 'fail';
}

export interface ResultColumn {
  readonly name: string;
  readonly type: DuckDBType;
  /** DuckDB's spelling of the type: `BIGINT`, `DECIMAL(18,2)`, `VARCHAR`… */
  readonly typeName: string;
}

export interface QueryDescription {
  readonly columns: readonly ResultColumn[];
  /** Parameter types DuckDB inferred, by position (`$1` is index 0); `typeName` is `UNKNOWN` when it could not. */
  readonly parameters: readonly { readonly typeName: string; readonly type: DuckDBType }[];
}

export interface QueryStats {
  readonly rows: number;
  readonly bytes: number;
  readonly durationMs: number;
  /** `domain.product` of every product port the query read. */
  readonly products: readonly string[];
  readonly truncated: boolean;
}

export interface QueryStream {
  readonly columns: readonly ResultColumn[];
  /** The deprecated port versions the query reads, for the front end to tell its reader (absent: none). */
  readonly deprecations?: readonly DeprecationNotice[];
  /** Chunks in order; ends early (and `stats().truncated`) at a limit with `onLimit: 'truncate'`. */
  chunks(): AsyncIterable<DuckDBDataChunk>;
  /** Interrupts the query; the iterator then ends with a cancellation error (MW5xxx). Idempotent. */
  cancel(): void;
  /** Counted so far; final once `chunks()` has finished. */
  stats(): QueryStats;
}

/** A relation the principal may query, for introspection (psql `\dt`, BI tools, autocompletion). */
export interface VisibleRelation {
  /** The SQL schema: the product's domain. */
  readonly schema: string;
  /** The SQL name: `orders`, `orders_v1`, `order_lines`… */
  readonly name: string;
  readonly productId: string;
  readonly port: string;
  readonly major: number;
  readonly description?: string;
  readonly columns: readonly {
    readonly name: string;
    readonly typeName: string;
    readonly nullable: boolean;
    readonly description?: string;
    readonly masked: boolean;
  }[];
}

export interface QueryOptions extends QueryLimits {
  /** Aborting cancels the query (HTTP disconnect, CancelRequest). */
  readonly signal?: AbortSignal;
}

export interface QueryGateway {
  /** Parses, authorizes and binds without running: result columns and parameter types (extended protocol Describe). */
  describe(principal: Principal, query: GatewayQuery): Promise<QueryDescription>;
  /** Runs the query; rejects with a domain error (InputError/NotAllowedError/…) before any row for a refused query. */
  stream(principal: Principal, query: GatewayQuery, options?: QueryOptions): Promise<QueryStream>;
  /** The relations the principal may query, with their columns. */
  visibleRelations(principal: Principal): Promise<readonly VisibleRelation[]>;
  close(): Promise<void>;
}
