/**
 * `/metrics` of a real server after real activity — HTTP requests, governed queries over HTTP
 * and over the wire protocol (node-postgres), a scheduled product's run, allowed and denied
 * policy decisions — scraped over HTTP, parsed strictly as the Prometheus text format, and
 * checked for the counters that moved; and who may read it.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePrometheusText, sampleValue, type MetricFamily } from '../test-support/prometheus-text.js';
import { serveMesh, type ServedMesh } from '../test-support/served-mesh.js';
import { waitUntil } from '../test-support/wait-until.js';

let mesh: ServedMesh;
let families: Map<string, MetricFamily>;

const http = (path: string, token: string | undefined, init: RequestInit = {}) =>
  fetch(`${mesh.platform.url}${path}`, {
    ...init,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.headers as Record<string, string>) },
  });

async function scrape(): Promise<Map<string, MetricFamily>> {
  const response = await http('/metrics', mesh.tokens.adam);
  expect(response.status).toBe(200);
  return parsePrometheusText(await response.text());
}

beforeAll(async () => {
  mesh = await serveMesh();
  const { adam, ana } = mesh.tokens;
  expect((await http('/api/v1/products', adam)).status).toBe(200);
  expect((await http('/api/v1/products/sales.orders', adam)).status).toBe(200);
  expect((await http('/api/v1/products/sales.returns', adam)).status).toBe(200);
  expect((await http('/api/v1/products/nothing.here', adam)).status).toBe(404);
  expect((await http('/api/v1/products', undefined)).status).toBe(401);
  const query = await http('/api/v1/query', adam, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sql: 'SELECT id, amount FROM sales.orders ORDER BY id', format: 'json' }),
  });
  expect(query.status).toBe(200);
  await query.text();
  // A consumer may not read metrics: a denied `administer` decision.
  expect((await http('/metrics', ana)).status).toBe(403);

  const client = new pg.Client({
    host: '127.0.0.1',
    port: mesh.platform.wirePort!,
    user: 'adam',
    password: adam,
    database: 'mesh',
  });
  await client.connect();
  expect((await client.query('SELECT count(*)::INTEGER AS n FROM sales.orders')).rows).toEqual([{ n: 2 }]);
  await expect(client.query('SELECT * FROM nothing.here')).rejects.toThrow(/does not exist/);
  await client.end();

  await mesh.platform.schedule.runNow('sales.returns');
  // The wire session ends on the server shortly after the client left.
  await waitUntil(
    async () => sampleValue(await scrape(), 'meshwork_wire_connections') === 0,
    'the wire session to end on the server',
  );
  families = await scrape();
});

afterAll(async () => {
  await mesh?.platform.close();
  await mesh?.workspace.dispose();
});

describe('GET /metrics', () => {
  it('counts HTTP requests by method, route template and status, never by raw URL', () => {
    const byRoute = { method: 'GET', route: '/api/v1/products/:id', status: '200' };
    expect(sampleValue(families, 'meshwork_http_requests_total', byRoute)).toBe(2);
    expect(sampleValue(families, 'meshwork_http_request_duration_seconds_count', byRoute)).toBe(2);
    expect(sampleValue(families, 'meshwork_http_request_duration_seconds_bucket', { ...byRoute, le: '+Inf' })).toBe(2);
    expect(
      sampleValue(families, 'meshwork_http_requests_total', { route: '/api/v1/products/:id', status: '404' }),
    ).toBe(1);
    expect(sampleValue(families, 'meshwork_http_requests_total', { route: '/api/v1/products', status: '401' })).toBe(1);
    expect(sampleValue(families, 'meshwork_http_requests_total', { route: '/api/v1/query', status: '200' })).toBe(1);
    const routes = families.get('meshwork_http_requests_total')!.samples.map((s) => s.labels.route!);
    expect(routes.filter((route) => /sales\.|nothing\./.test(route))).toEqual([]);
  });

  it('counts wire connections and statements with their latencies', () => {
    expect(sampleValue(families, 'meshwork_wire_connections_total')).toBe(1);
    expect(sampleValue(families, 'meshwork_wire_queries_total', { target: 'gateway', outcome: 'ok' })).toBe(1);
    expect(sampleValue(families, 'meshwork_wire_queries_total', { target: 'gateway', outcome: 'error' })).toBe(1);
    expect(sampleValue(families, 'meshwork_wire_query_duration_seconds_count', { target: 'gateway' })).toBe(2);
  });

  it('counts governed queries by channel and outcome, with rows and durations', () => {
    expect(sampleValue(families, 'meshwork_gateway_queries_total', { channel: 'http', outcome: 'ok' })).toBe(1);
    expect(sampleValue(families, 'meshwork_gateway_queries_total', { channel: 'wire', outcome: 'ok' })).toBe(1);
    expect(sampleValue(families, 'meshwork_gateway_queries_total', { channel: 'wire', outcome: 'failed' })).toBe(1);
    expect(sampleValue(families, 'meshwork_gateway_rows_total', { channel: 'http' })).toBe(2);
    expect(sampleValue(families, 'meshwork_gateway_query_duration_seconds_count', { channel: 'wire' })).toBe(2);
    expect(sampleValue(families, 'meshwork_gateway_queries_in_flight')).toBe(0);
  });

  it('counts runs by trigger and outcome, and what is queued', () => {
    const labels = { trigger: 'schedule', outcome: 'succeeded' };
    expect(sampleValue(families, 'meshwork_runs_total', labels)).toBe(1);
    expect(sampleValue(families, 'meshwork_run_duration_seconds_count', labels)).toBe(1);
    expect(sampleValue(families, 'meshwork_runs_in_progress')).toBe(0);
    expect(sampleValue(families, 'meshwork_runs_scheduled')).toBe(3);
    expect(families.get('meshwork_webhook_deliveries_pending')?.samples).toEqual([
      { name: 'meshwork_webhook_deliveries_pending', labels: {}, value: 0 },
    ]);
  });

  it('counts policy decisions by action and result', () => {
    expect(
      sampleValue(families, 'meshwork_policy_decisions_total', { action: 'query', decision: 'allow' }),
    ).toBeGreaterThan(0);
    expect(
      sampleValue(families, 'meshwork_policy_decisions_total', { action: 'administer', decision: 'deny' }),
    ).toBeGreaterThanOrEqual(1);
  });

  it('exports process metrics and what runs where, with help and types', () => {
    expect(families.get('process_cpu_user_seconds_total')?.type).toBe('counter');
    expect(families.get('nodejs_eventloop_lag_seconds')?.type).toBe('gauge');
    expect(families.get('meshwork_build_info')?.samples[0]).toMatchObject({ labels: { store: 'sqlite' }, value: 1 });
    for (const [name, family] of families) {
      if (!name.startsWith('meshwork_')) continue;
      expect(family.help, name).not.toBe('');
      expect(family.type, name).not.toBe('untyped');
    }
  });

  it('answers service accounts and administrators only, in the text format', async () => {
    const anonymous = await http('/metrics', undefined);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { code: 'MW8301' } });
    const consumer = await http('/metrics', mesh.tokens.ana);
    expect(await consumer.json()).toMatchObject({ error: { code: 'MW8302' } });
    const service = await http('/metrics', mesh.tokens.churnBot);
    expect(service.status).toBe(200);
    expect(service.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(parsePrometheusText(await service.text()).has('meshwork_http_requests_total')).toBe(true);
  });
});
