/**
 * The log of a real server, captured line by line: one JSON object per line, a request id on
 * every line of an HTTP request (an incoming sane `x-request-id` kept, anything else replaced,
 * echoed in the response), wire connections and statements with their ids — and no secret:
 * the tokens used in Authorization headers, query strings and wire passwords never appear.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveMesh, type ServedMesh } from '../test-support/served-mesh.js';
import { waitUntil } from '../test-support/wait-until.js';

const lines: string[] = [];
let mesh: ServedMesh;
let entries: Record<string, unknown>[];
const responses: Record<string, Response> = {};

beforeAll(async () => {
  mesh = await serveMesh({ logger: { stream: { write: (line: string) => lines.push(line) } } });
  const { adam, ana } = mesh.tokens;
  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${mesh.platform.url}${path}`, { headers: { authorization: `Bearer ${adam}`, ...headers } });
  responses.plain = await get('/api/v1/products');
  responses.traced = await get('/api/v1/products/sales.orders', { 'x-request-id': 'trace-4711.a' });
  responses.hostile = await get('/api/v1/products', { 'x-request-id': 'evil id {"level":"fatal"}' });
  responses.long = await get('/api/v1/products', { 'x-request-id': 'a'.repeat(300) });
  responses.tokenAsId = await get('/api/v1/products', { 'x-request-id': ana });
  // A token where it must never be: a query parameter, and a bad Authorization header.
  responses.leaky = await get(`/api/v1/products?limit=1&token=${ana}&api_key=${ana}`);
  responses.malformed = await fetch(`${mesh.platform.url}/api/v1/products`, { headers: { authorization: ana } });
  await Promise.all(Object.values(responses).map((r) => r.text()));

  const client = new pg.Client({
    host: '127.0.0.1',
    port: mesh.platform.wirePort!,
    user: 'ana',
    password: ana,
    database: 'mesh',
  });
  await client.connect();
  await client.query('SELECT count(*) FROM sales.orders');
  await client.end();
  const failing = new pg.Client({
    host: '127.0.0.1',
    port: mesh.platform.wirePort!,
    user: 'ana',
    password: `${ana}x`,
    database: 'mesh',
  });
  await expect(failing.connect()).rejects.toThrow();
  await waitUntil(() => lines.filter((l) => l.includes('wire connection closed')).length === 2, 'wire sessions to end');
  entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
});

afterAll(async () => {
  await mesh?.platform.close();
  await mesh?.workspace.dispose();
});

describe('structured logs', () => {
  it('writes one JSON object per line with time, level and message', () => {
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) {
      expect(line.endsWith('\n') && !line.slice(0, -1).includes('\n'), line).toBe(true);
      expect(JSON.parse(line)).toMatchObject({
        time: expect.stringMatching(/^\d{4}-.*Z$/),
        level: expect.any(String),
        msg: expect.any(String),
      });
    }
  });

  it('gives every HTTP request an id, keeps a sane incoming one and echoes it', () => {
    expect(responses.traced!.headers.get('x-request-id')).toBe('trace-4711.a');
    const generated = responses.plain!.headers.get('x-request-id')!;
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    const replaced = ['hostile', 'long', 'tokenAsId'].map((name) => responses[name]!.headers.get('x-request-id')!);
    for (const id of replaced) expect(id).toMatch(/^[0-9a-f-]{36}$/);
    for (const id of ['trace-4711.a', generated, ...replaced]) {
      const own = entries.filter((e) => e.reqId === id).map((e) => e.msg);
      expect(own, id).toEqual(['incoming request', 'request completed']);
    }
    expect(lines.some((line) => line.includes('"level":"fatal"'))).toBe(false);
  });

  it('logs routes and redacted URLs, never headers', () => {
    const traced = entries.find((e) => e.reqId === 'trace-4711.a' && e.msg === 'incoming request');
    expect(traced?.req).toMatchObject({
      method: 'GET',
      url: '/api/v1/products/sales.orders',
      route: '/api/v1/products/:id',
    });
    const leaky = entries.find(
      (e) => e.msg === 'incoming request' && String((e.req as { url: string }).url).includes('limit=1'),
    );
    expect((leaky?.req as { url: string }).url).toBe('/api/v1/products?limit=1&token=[redacted]&api_key=[redacted]');
    expect(lines.some((line) => /authorization/i.test(line))).toBe(false);
  });

  it('follows wire connections and statements by id', () => {
    const opened = entries.filter((e) => e.msg === 'wire connection opened');
    expect(opened).toHaveLength(2);
    const connectionId = entries.find(
      (e) => e.msg === 'wire connection authenticated' && e.principal === 'ana',
    )?.connectionId;
    expect(connectionId).toMatch(/^wc-[0-9a-f]{12}$/);
    expect(entries.find((e) => e.msg === 'wire query')).toMatchObject({
      connectionId,
      queryId: `${connectionId as string}.1`,
      target: 'gateway',
      outcome: 'ok',
      rows: 1,
    });
    expect(entries.find((e) => e.msg === 'wire connection closed' && e.connectionId === connectionId)).toMatchObject({
      queries: 1,
    });
  });

  it('never writes a token', () => {
    const text = lines.join('');
    for (const token of Object.values(mesh.tokens)) {
      const secret = token.split('_').slice(2).join('_');
      expect(secret.length).toBeGreaterThan(20);
      expect(text.includes(secret), 'a token secret is in the log').toBe(false);
    }
  });
});
