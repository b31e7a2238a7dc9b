/**
 * Operations as the composition root uses them: one object per server holding its metrics,
 * readiness and run tracking, and handing out the hooks each part takes — the authorizer's
 * decision counter, run listeners, a cancellable run engine, a metered view of the gateway
 * per channel, the wire observer, the HTTP options — and the graceful shutdown.
 *
 * @example
 * const operations = createPlatformOperations({ store });
 * const engine = operations.cancellable(createRunEngine({ tempDirectory }));
 * // …assemble the server with operations.http, operations.gatewayFor(gateway, 'wire')…
 * operations.readiness.ready();
 * await operations.shutdown({ closeHttp, cutHttp, wire, stopScheduling }, 20_000);
 */
import type { QueryGateway } from '../gateway/gateway-types.js';
import type { MetadataStore } from '../metadata/metadata-store.js';
import { MESHWORK_VERSION } from '../openlineage/openlineage-facets.js';
import type { RunEngine } from '../runtime/duckdb-session.js';
import type { RunListener } from '../runtime/run-listener.js';
import type { WireObserver } from '../wire/wire-observer.js';
import type { HttpOperations } from './http-operations.js';
import { meteredGateway, type QueryChannel } from './metrics/metered-gateway.js';
import type { MetricsAccess } from './metrics/metrics-access.js';
import { createPlatformMetrics, type PlatformMetrics } from './metrics/platform-metrics.js';
import { runMetricsListener } from './metrics/run-metrics.js';
import { createReadiness, type Readiness } from './readiness.js';
import { cancellableRunEngine, type CancellableRunEngine } from './shutdown/cancellable-run-engine.js';
import { shutDownGracefully, type ShutdownReport, type ShutdownTargets } from './shutdown/graceful-shutdown.js';
import { createRunTracker } from './shutdown/run-tracker.js';
import { wireTelemetry, type OperationsLogger } from './wire-telemetry.js';

export interface PlatformOperationsOptions {
  readonly store: Pick<MetadataStore, 'kind' | 'listProducts'>;
  /** Who may read `/metrics` (default `auth`). */
  readonly metricsAccess?: MetricsAccess;
}

export interface PlatformOperations {
  readonly metrics: PlatformMetrics;
  readonly readiness: Readiness;
  /** For the runtime's listeners: runs in metrics, and tracked for the shutdown. */
  readonly runListeners: readonly RunListener[];
  /** For the authorizer (`onDecision`). */
  readonly onDecision: PlatformMetrics['decisions']['record'];
  readonly http: HttpOperations;
  /** The engine runs must use for the shutdown to be able to cancel them. */
  cancellable(engine: RunEngine): CancellableRunEngine;
  gatewayFor<G extends QueryGateway>(gateway: G, channel: QueryChannel): G;
  wireObserver(log?: OperationsLogger): WireObserver;
  shutdown(targets: Omit<ShutdownTargets, 'readiness' | 'runs' | 'engine'>, graceMs: number): Promise<ShutdownReport>;
}

export function createPlatformOperations(options: PlatformOperationsOptions): PlatformOperations {
  const metrics = createPlatformMetrics({ version: MESHWORK_VERSION, store: options.store.kind });
  const readiness = createReadiness({ probeStore: () => options.store.listProducts({ limit: 1 }) });
  const runs = createRunTracker();
  let engine: CancellableRunEngine | undefined;
  return {
    metrics,
    readiness,
    runListeners: [runs.listener, runMetricsListener(metrics)],
    onDecision: metrics.decisions.record,
    http: { metrics, readiness, ...(options.metricsAccess ? { metricsAccess: options.metricsAccess } : {}) },
    cancellable: (inner) => (engine = cancellableRunEngine(inner)),
    gatewayFor: (gateway, channel) => meteredGateway(gateway, channel, metrics),
    wireObserver: (log) => wireTelemetry({ metrics, ...(log ? { log } : {}) }),
    shutdown: (targets, graceMs) =>
      shutDownGracefully(
        { ...targets, readiness, runs, engine: engine ?? { cancelAll: () => undefined } },
        { graceMs },
      ),
  };
}
