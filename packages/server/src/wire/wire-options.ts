/** Options of `startWireServer`, and the defaults of its limits. */
import type { QueryGateway, QueryLimits } from '../gateway/gateway-types.js';
import type { Principal } from '../identity/principal.js';
import type { WireObserver } from './wire-observer.js';

export interface WireLimits {
  /** Largest frontend message accepted; larger ones close the connection (MW5402). Default 16 MiB. */
  readonly maxMessageBytes: number;
  /** Sessions at once; more are refused with SQLSTATE 53300 (MW5405). Default 256. */
  readonly maxConnections: number;
  /** From connect to ReadyForQuery (TLS, startup, authentication). Default 15 s. */
  readonly startupTimeoutMs: number;
  /** A session waiting this long for its next message is closed (57P05); 0 = never. Default 1 h. */
  readonly idleTimeoutMs: number;
  /** Wall-clock limit of one introspection query. Default 10 s. */
  readonly catalogTimeoutMs: number;
  /** A principal's introspection catalog is dropped after this long unused. Default 5 min. */
  readonly catalogIdleMs: number;
  /** Introspection catalogs kept at once (least recently used dropped first). Default 64. */
  readonly maxCatalogs: number;
}

export const DEFAULT_WIRE_LIMITS: WireLimits = {
  maxMessageBytes: 16 * 1024 * 1024,
  maxConnections: 256,
  startupTimeoutMs: 15_000,
  idleTimeoutMs: 60 * 60 * 1000,
  catalogTimeoutMs: 10_000,
  catalogIdleMs: 5 * 60 * 1000,
  maxCatalogs: 64,
};

export interface WireLog {
  (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>): void;
}

export interface WireServerOptions {
  /** Default 127.0.0.1; `0.0.0.0` or `::` to accept remote clients. */
  readonly host?: string;
  /** Default 5433; 0 picks a free port (see `WireServer.port`). */
  readonly port?: number;
  readonly gateway: QueryGateway;
  /**
   * Verifies the password — a Meshwork API token or a JWT — and returns its principal; rejects
   * (any error) when it is unknown, wrong, expired or revoked.
   */
  readonly authenticate: (user: string, password: string) => Promise<Principal>;
  /** PEM key and certificate: SSLRequest is then answered 'S' and the connection upgraded. */
  readonly tls?: { readonly key: string | Buffer; readonly cert: string | Buffer };
  readonly limits?: Partial<WireLimits>;
  /** Limits passed to the gateway with every wire query (a client's statement_timeout may lower the time). */
  readonly queryLimits?: QueryLimits;
  /** `server_version` reported to clients (psql and drivers adapt their catalog queries to it). */
  readonly serverVersion?: string;
  /** Where the server reports bugs and notable events; errors go to stderr by default. */
  readonly log?: WireLog;
  /** Told of every connection and statement (metrics, logs); see wire-observer.ts. */
  readonly observer?: WireObserver;
}

export const defaultLog: WireLog = (level, message, fields) => {
  if (level === 'error') console.error(`[meshwork wire] ${message}`, fields ?? {});
};
