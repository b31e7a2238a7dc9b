/**
 * Where a statement's rows come from: the gateway (every query on products) or the introspection
 * catalog (pg_catalog, information_schema). Both describe and stream the same way, so the simple
 * and extended protocols treat them alike.
 */
import type { Principal } from '../../identity/principal.js';
import type { QueryDescription, QueryGateway, QueryLimits, QueryStream } from '../../gateway/gateway-types.js';

export interface QuerySource {
  describe(sql: string): Promise<QueryDescription>;
  stream(sql: string, parameters: readonly unknown[], signal: AbortSignal): Promise<QueryStream>;
}

export interface GatewaySourceOptions {
  readonly gateway: QueryGateway;
  readonly principal: Principal;
  /** Read at each query: SET meshwork.purpose changes it mid-session. */
  readonly purpose: () => string | undefined;
  /** The session's statement_timeout in ms (0 = none). */
  readonly statementTimeoutMs: () => number;
  /** Server-wide limits for wire queries; the gateway applies its own on top. */
  readonly limits?: QueryLimits;
}

export function gatewaySource(options: GatewaySourceOptions): QuerySource {
  const { gateway, principal, limits } = options;
  const query = (sql: string, parameters?: readonly unknown[]) => {
    const purpose = options.purpose();
    return { sql, ...(parameters && parameters.length > 0 ? { parameters } : {}), ...(purpose ? { purpose } : {}) };
  };
  return {
    describe: (sql) => gateway.describe(principal, query(sql)),
    stream: (sql, parameters, signal) => {
      const clientTimeout = options.statementTimeoutMs();
      const serverTimeout = limits?.timeoutMs;
      const timeoutMs =
        clientTimeout > 0 && serverTimeout !== undefined
          ? Math.min(clientTimeout, serverTimeout)
          : clientTimeout > 0
            ? clientTimeout
            : serverTimeout;
      return gateway.stream(principal, query(sql, parameters), {
        ...limits,
        ...(timeoutMs !== undefined ? { timeoutMs } : {}),
        signal,
      });
    },
  };
}
