/**
 * The operations surface of the HTTP server: a request id on every response (`x-request-id`),
 * request metrics by route template, and the unauthenticated probes `/healthz` (the process
 * lives) and `/readyz` (starting/ready/stopping, and the metadata store answers), plus
 * `/metrics` in the Prometheus text format under the access rule of metrics-access.ts.
 */
import type { FastifyInstance } from 'fastify';
import type { Authorizer } from '../access/access-types.js';
import type { MetadataStore } from '../metadata/metadata-store.js';
import { REQUEST_ID_HEADER } from './logging/request-id.js';
import { assertMayReadMetrics, type MetricsAccess } from './metrics/metrics-access.js';
import type { PlatformMetrics } from './metrics/platform-metrics.js';
import { createReadiness, type Readiness } from './readiness.js';

export interface HttpOperations {
  /** Exported at `/metrics` (absent: no metrics, no route). */
  readonly metrics?: PlatformMetrics;
  /** Who may read `/metrics` (default `auth`). */
  readonly metricsAccess?: MetricsAccess;
  /** The server's phase; absent: ready whenever the store answers. */
  readonly readiness?: Readiness;
}

/** What the hooks need of a Fastify instance, whatever its type provider. */
type OperationsTarget = Pick<FastifyInstance, 'addHook' | 'get'>;

/** Label of requests no route matched (portal pages, 404s): one series, not one per URL. */
export const UNMATCHED_ROUTE = '(none)';

export function installHttpOperations(
  app: OperationsTarget,
  services: { readonly store: Pick<MetadataStore, 'listProducts'>; readonly authorizer: Authorizer },
  operations: HttpOperations = {},
): void {
  const { metrics } = operations;
  const readiness =
    operations.readiness ??
    createReadiness({ phase: 'ready', probeStore: () => services.store.listProducts({ limit: 1 }) });

  app.addHook('onRequest', async (request, reply) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
    if (!metrics) return;
    const started = performance.now();
    metrics.http.inFlight.inc();
    // 'close' follows every response, finished or cut off by the client; onResponse misses the latter.
    reply.raw.once('close', () => {
      metrics.http.inFlight.dec();
      const labels = {
        method: request.method,
        route: request.routeOptions.url ?? UNMATCHED_ROUTE,
        status: String(reply.statusCode),
      };
      metrics.http.requests.inc(labels);
      metrics.http.duration.observe(labels, (performance.now() - started) / 1000);
    });
  });

  app.get('/healthz', { schema: { tags: ['operations'], summary: 'Liveness', security: [] } }, async () => ({
    status: 'ok',
  }));
  app.get(
    '/readyz',
    { schema: { tags: ['operations'], summary: 'Readiness: the metadata store answers', security: [] } },
    async (_request, reply) => {
      const report = await readiness.check();
      if (report.ready) return reply.send({ status: 'ready' });
      return reply.code(503).send({
        status: 'not-ready',
        phase: report.phase,
        error: { code: 'MW8303', message: report.reason ?? 'not ready' },
      });
    },
  );
  if (metrics && operations.metricsAccess !== 'off') {
    app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
      if (operations.metricsAccess !== 'public') assertMayReadMetrics(request.principal, services.authorizer);
      const body = await metrics.registry.metrics();
      return reply.header('cache-control', 'no-store').type(metrics.registry.contentType).send(body);
    });
  }
}
