/**
 * The gateway as one front end sees it, counted under that front end's channel: each query's
 * outcome, duration (submit to last row read) and rows, and the queries running now. The
 * same gateway object serves every channel; each front end gets its own metered view of it.
 */
import type { QueryGateway } from '../../gateway/gateway-types.js';
import { observeStream } from '../../gateway/observed-stream.js';
import type { PlatformMetrics } from './platform-metrics.js';

export const QUERY_CHANNELS = ['http', 'wire', 'cli'] as const;
export type QueryChannel = (typeof QUERY_CHANNELS)[number];

export function meteredGateway<G extends QueryGateway>(
  gateway: G,
  channel: QueryChannel,
  metrics: Pick<PlatformMetrics, 'gateway'>,
): G {
  const { queries, duration, rows, inFlight } = metrics.gateway;
  const running = inFlight.labels(channel);
  const metered: QueryGateway = {
    describe: (principal, query) => gateway.describe(principal, query),
    visibleRelations: (principal) => gateway.visibleRelations(principal),
    close: () => gateway.close(),
    stream: (principal, query, options) => {
      const started = performance.now();
      running.inc();
      // A synchronous throw (a refused slot) still goes through observeStream as a rejection.
      const stream = Promise.resolve().then(() => gateway.stream(principal, query, options));
      return observeStream(stream, (end) => {
        running.dec();
        const labels = { channel, outcome: end.outcome };
        queries.inc(labels);
        duration.observe(labels, (performance.now() - started) / 1000);
        if (end.rows > 0) rows.inc({ channel }, end.rows);
      });
    },
  };
  // Everything else the gateway carries (its limits) stays visible through the view.
  return Object.assign(Object.create(gateway) as G, metered);
}
