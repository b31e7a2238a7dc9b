/**
 * Every metric `mesh serve` exports, in one registry of its own (never prom-client's global
 * one: two platforms in one process — tests, embedding — must not mix their counts), plus the
 * default process metrics. Names follow Prometheus conventions: `meshwork_` prefix, `_total`
 * for counters, base units (seconds). Labels are bounded sets only — a route template, never a
 * URL; a channel, an outcome, a trigger — never a product id, principal or SQL text, which
 * would grow one series per value (docs/operations/monitoring.md lists them all).
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { createDecisionCounter, type DecisionCounter } from './decision-counter.js';

const QUERY_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];
const HTTP_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
const RUN_SECONDS = [0.5, 1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600, 7200];

/** Numbers read at scrape time from the parts that hold them (set once the parts exist). */
export interface QueueSources {
  webhookDeliveriesPending?: () => number;
  runsScheduled?: () => number;
}

export type PlatformMetrics = ReturnType<typeof createPlatformMetrics>;

export function createPlatformMetrics(info: { readonly version: string; readonly store: string }) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const queues: QueueSources = {};
  const registers = [registry];

  new Gauge({
    name: 'meshwork_build_info',
    help: 'Always 1; the labels say which Meshwork runs on which metadata store.',
    labelNames: ['version', 'store'],
    registers,
  }).set({ version: info.version, store: info.store }, 1);

  const metrics = {
    registry,
    queues,
    http: {
      requests: new Counter({
        name: 'meshwork_http_requests_total',
        help: 'HTTP requests answered, by method, route template and status code.',
        labelNames: ['method', 'route', 'status'],
        registers,
      }),
      duration: new Histogram({
        name: 'meshwork_http_request_duration_seconds',
        help: 'Time from receiving an HTTP request to the end of its response.',
        labelNames: ['method', 'route', 'status'],
        buckets: HTTP_SECONDS,
        registers,
      }),
      inFlight: new Gauge({
        name: 'meshwork_http_requests_in_flight',
        help: 'HTTP requests being answered now.',
        registers,
      }),
    },
    wire: {
      connections: new Counter({
        name: 'meshwork_wire_connections_total',
        help: 'PostgreSQL wire protocol connections accepted.',
        registers,
      }),
      open: new Gauge({
        name: 'meshwork_wire_connections',
        help: 'PostgreSQL wire protocol connections open now.',
        registers,
      }),
      queries: new Counter({
        name: 'meshwork_wire_queries_total',
        help: 'Statements run over the PostgreSQL wire protocol, by target (gateway or catalog) and outcome.',
        labelNames: ['target', 'outcome'],
        registers,
      }),
      duration: new Histogram({
        name: 'meshwork_wire_query_duration_seconds',
        help: 'Time from starting a wire protocol statement to its last row sent.',
        labelNames: ['target', 'outcome'],
        buckets: QUERY_SECONDS,
        registers,
      }),
    },
    gateway: {
      queries: new Counter({
        name: 'meshwork_gateway_queries_total',
        help: 'Governed SQL queries, by channel (http, wire, cli) and outcome (ok, failed, cancelled).',
        labelNames: ['channel', 'outcome'],
        registers,
      }),
      duration: new Histogram({
        name: 'meshwork_gateway_query_duration_seconds',
        help: 'Time from submitting a governed query to its last row read.',
        labelNames: ['channel', 'outcome'],
        buckets: QUERY_SECONDS,
        registers,
      }),
      rows: new Counter({
        name: 'meshwork_gateway_rows_total',
        help: 'Rows returned by governed queries, by channel.',
        labelNames: ['channel'],
        registers,
      }),
      inFlight: new Gauge({
        name: 'meshwork_gateway_queries_in_flight',
        help: 'Governed queries running now, by channel.',
        labelNames: ['channel'],
        registers,
      }),
    },
    runs: {
      finished: new Counter({
        name: 'meshwork_runs_total',
        help: 'Product runs finished, by trigger (schedule, manual…) and outcome (succeeded, failed).',
        labelNames: ['trigger', 'outcome'],
        registers,
      }),
      duration: new Histogram({
        name: 'meshwork_run_duration_seconds',
        help: 'Duration of finished product runs.',
        labelNames: ['trigger', 'outcome'],
        buckets: RUN_SECONDS,
        registers,
      }),
      inProgress: new Gauge({
        name: 'meshwork_runs_in_progress',
        help: 'Product runs started and not yet finished.',
        registers,
      }),
    },
    decisions: createDecisionCounter(registers),
  };

  new Gauge({
    name: 'meshwork_runs_scheduled',
    help: 'Products with a schedule (pipeline.yaml `schedule`) that this server runs.',
    registers,
    collect() {
      this.set(queues.runsScheduled?.() ?? 0);
    },
  });
  new Gauge({
    name: 'meshwork_webhook_deliveries_pending',
    help: 'Webhook deliveries queued, in flight or waiting for a retry in this server.',
    registers,
    collect() {
      this.set(queues.webhookDeliveriesPending?.() ?? 0);
    },
  });
  return metrics satisfies { readonly decisions: DecisionCounter };
}
