/**
 * The wire protocol's connections and statements into metrics and log lines. Each connection
 * gets an id (`connectionId`), each statement `<connectionId>.<n>` (`queryId`), so the lines of
 * one psql session or one BI tool query can be found together. Lines never hold SQL text or
 * parameters: they may carry personal data or secrets typed into a WHERE clause.
 */
import { randomBytes } from 'node:crypto';
import type { WireConnectionObserver, WireObserver } from '../wire/wire-observer.js';
import type { PlatformMetrics } from './metrics/platform-metrics.js';

/** The part of a pino/Fastify logger used here. */
export interface OperationsLogger {
  info(fields: Record<string, unknown>, message: string): void;
}

export interface WireTelemetryOptions {
  readonly metrics?: Pick<PlatformMetrics, 'wire'>;
  readonly log?: OperationsLogger;
}

export function wireTelemetry(options: WireTelemetryOptions): WireObserver {
  const { metrics, log } = options;
  return {
    connectionOpened: ({ remoteAddress }): WireConnectionObserver => {
      const connectionId = `wc-${randomBytes(6).toString('hex')}`;
      const opened = performance.now();
      let queries = 0;
      metrics?.wire.connections.inc();
      metrics?.wire.open.inc();
      log?.info({ connectionId, remoteAddress }, 'wire connection opened');
      return {
        authenticated: (principal) => log?.info({ connectionId, principal }, 'wire connection authenticated'),
        queryFinished: (query) => {
          queries += 1;
          const outcome = query.outcome === 'failed' ? 'error' : query.outcome;
          metrics?.wire.queries.inc({ target: query.target, outcome });
          metrics?.wire.duration.observe({ target: query.target, outcome }, query.durationMs / 1000);
          log?.info(
            {
              connectionId,
              queryId: `${connectionId}.${queries}`,
              target: query.target,
              outcome,
              rows: query.rows,
              durationMs: Math.round(query.durationMs),
              ...(query.code ? { code: query.code } : {}),
            },
            'wire query',
          );
        },
        closed: () => {
          metrics?.wire.open.dec();
          log?.info(
            { connectionId, queries, durationMs: Math.round(performance.now() - opened) },
            'wire connection closed',
          );
        },
      };
    },
  };
}
