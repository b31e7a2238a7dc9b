import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { DuckDBInstance } from '@duckdb/node-api';
import { loadArrow } from '../../gateway/encoders/arrow-encoder.js';
import type { QueryGateway } from '../../gateway/gateway-types.js';
import type { GatewayLimits } from '../../gateway/query-gateway.js';
import { createGatewayFixture, type GatewayFixture } from '../../gateway/test-support/gateway-fixture.js';
import { grantAuthorizer, testPrincipal } from '../../gateway/test-support/grant-authorizer.js';
import type { Principal } from '../../identity/principal.js';
import { handleHttpError } from '../http-errors.js';
import { queryRoutes } from './query-routes.js';

const principals: Record<string, Principal> = {
  admin: testPrincipal('admin', { region: 'EU' }),
  ana: testPrincipal('ana', { region: 'EU' }),
  nobody: testPrincipal('nobody'),
};

let fixture: GatewayFixture;
let main: TestServer;
let tight: TestServer;
let single: TestServer;

interface TestServer {
  readonly app: FastifyInstance;
  readonly url: string;
}

/**
 * The routes in a bare Fastify app, as create-http-server registers them, with a test-only hook
 * in place of authentication: `X-Test-Principal: <id>` names the principal.
 */
type LimitedGateway = QueryGateway & { readonly limits: GatewayLimits };

async function startServer(gateway: LimitedGateway): Promise<TestServer> {
  const app = Fastify().withTypeProvider<TypeBoxTypeProvider>();
  await app.register(swagger, { openapi: { openapi: '3.1.0', info: { title: 'test', version: '0' } } });
  app.setErrorHandler(handleHttpError);
  app.decorateRequest('principal', undefined);
  app.addHook('onRequest', async (request) => {
    const id = request.headers['x-test-principal'];
    if (typeof id === 'string' && principals[id]) request.principal = principals[id];
  });
  await app.register(queryRoutes({ root: fixture.workspace.root, gateway }));
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url };
}

beforeAll(async () => {
  fixture = await createGatewayFixture();
  const authorizer = grantAuthorizer(fixture.model, {
    admin: { query: '*', allRows: true, clear: ['customers.profiles/email', 'customers.profiles/iban'] },
    ana: { query: '*' },
    nobody: { query: [] },
  });
  // The fixture's gateways come from createQueryGateway, which adds `limits` to the interface.
  main = await startServer((await fixture.gateway(authorizer)) as LimitedGateway);
  tight = await startServer((await fixture.gateway(authorizer, { maxBytes: 40_000 })) as LimitedGateway);
  single = await startServer((await fixture.gateway(authorizer, { maxConcurrentPerPrincipal: 1 })) as LimitedGateway);
});
afterAll(async () => {
  await main?.app.close();
  await tight?.app.close();
  await single?.app.close();
  await fixture?.dispose();
});

function query(
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
  server = main,
  signal?: AbortSignal,
) {
  return fetch(`${server.url}/api/v1/query`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-test-principal': 'admin', ...headers },
    body: JSON.stringify(body),
    ...(signal ? { signal } : {}),
  });
}

interface RawResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly trailers: NodeJS.Dict<string>;
  readonly body: Buffer;
}

/** node:http, because fetch does not expose trailers. */
function rawQuery(body: Record<string, unknown>, principal = 'admin', server = main): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      `${server.url}/api/v1/query`,
      { method: 'POST', headers: { 'content-type': 'application/json', 'x-test-principal': principal } },
      (response) => {
        const pieces: Buffer[] = [];
        response.on('data', (piece: Buffer) => pieces.push(piece));
        response.on('error', reject);
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            trailers: response.trailers,
            body: Buffer.concat(pieces),
          }),
        );
      },
    );
    request.on('error', reject);
    request.end(JSON.stringify(body));
  });
}

/** Starts a query with node:http and resolves at its first bytes; `destroy()` disconnects. */
async function readParquet(body: Buffer): Promise<Record<string, unknown>[]> {
  const path = join(fixture.workspace.root, `result-${Date.now()}.parquet`);
  await writeFile(path, body);
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(`SELECT * FROM read_parquet('${path}')`);
    return reader.getRowObjectsJson() as Record<string, unknown>[];
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

async function waitFor<T>(probe: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const ORDERS = 'SELECT order_id, amount, region FROM sales.orders ORDER BY order_id';

describe('POST /api/v1/query: formats', () => {
  it('JSON by default, with the products read in a header', async () => {
    const response = await query({ sql: ORDERS });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('x-meshwork-products')).toBe('sales.orders');
    const document = (await response.json()) as { columns: unknown; rows: unknown[][]; stats: unknown };
    expect(document.columns).toEqual([
      { name: 'order_id', type: 'VARCHAR' },
      { name: 'amount', type: 'DECIMAL(12,2)' },
      { name: 'region', type: 'VARCHAR' },
    ]);
    expect(document.rows).toHaveLength(6);
    expect(document.rows[0]).toEqual(['o1', '100.00', 'EU']);
    expect(document.stats).toMatchObject({ rows: 6, truncated: false });
  });

  it('NDJSON through the Accept header', async () => {
    const response = await query({ sql: ORDERS }, { accept: 'application/x-ndjson' });
    expect(response.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const lines = (await response.text()).trimEnd().split('\n');
    expect(lines.map((line) => JSON.parse(line) as unknown)[5]).toEqual({
      order_id: 'o6',
      amount: '10.00',
      region: 'EU',
    });
  });

  it('CSV through `format`, with parameters', async () => {
    const response = await query({
      sql: 'SELECT order_id, amount FROM sales.orders WHERE amount > $1 ORDER BY 1',
      parameters: [60],
      format: 'csv',
    });
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(await response.text()).toBe('order_id,amount\r\no1,100.00\r\no3,75.50\r\no5,999.99\r\n');
  });

  it('Arrow IPC stream, read back with apache-arrow', async () => {
    const arrow = await loadArrow();
    const response = await query({ sql: ORDERS }, { accept: 'application/vnd.apache.arrow.stream' });
    expect(response.headers.get('content-type')).toBe('application/vnd.apache.arrow.stream');
    const table = arrow.tableFromIPC(new Uint8Array(await response.arrayBuffer()));
    expect(table.numRows).toBe(6);
    expect(table.getChild('order_id')!.toArray()).toEqual(['o1', 'o2', 'o3', 'o4', 'o5', 'o6']);
  });

  it('Parquet with Content-Length and the truncation flag as a header, read back with DuckDB', async () => {
    const response = await rawQuery({ sql: ORDERS, format: 'parquet' });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.apache.parquet');
    expect(Number(response.headers['content-length'])).toBe(response.body.byteLength);
    expect(response.headers['x-meshwork-truncated']).toBe('false');
    const rows = await readParquet(response.body);
    expect(rows).toHaveLength(6);
    expect(rows[0]).toEqual({ order_id: 'o1', amount: '100.00', region: 'EU' });
  });

  it('masked values stay masked and filtered rows stay out, in every format', async () => {
    const sql = 'SELECT customer_id, email, iban, full_name FROM customers.profiles ORDER BY customer_id';
    for (const format of ['json', 'ndjson', 'csv', 'arrow'] as const) {
      const response = await query({ sql, format }, { 'x-test-principal': 'ana' });
      const text = Buffer.from(await response.arrayBuffer()).toString('utf8');
      expect(text).toContain('j***@example.com');
      expect(text).not.toMatch(/jane\.doe|GB82WEST|Jane Doe|john\.roe/);
    }
    const parquet = await rawQuery({ sql, format: 'parquet' }, 'ana');
    const rows = await readParquet(parquet.body);
    expect(rows.map((r) => r.customer_id)).toEqual(['c1', 'c5']);
    expect(JSON.stringify(rows)).not.toMatch(/jane\.doe|GB82WEST|Jane Doe/);
  });
});

describe('POST /api/v1/query: limits, failures, cancellation', () => {
  it('maxRows truncation: JSON says so in stats, the streamed formats in the X-Meshwork-Truncated trailer', async () => {
    const json = (await (await query({ sql: ORDERS, maxRows: 2 })).json()) as { rows: unknown[]; stats: unknown };
    expect(json.rows).toHaveLength(2);
    expect(json.stats).toMatchObject({ rows: 2, truncated: true });
    const csv = await rawQuery({ sql: ORDERS, maxRows: 2, format: 'csv' });
    expect(csv.headers.trailer).toBe('x-meshwork-truncated');
    expect(csv.trailers['x-meshwork-truncated']).toBe('true');
    expect(csv.body.toString('utf8').trimEnd().split('\r\n')).toHaveLength(3);
    const whole = await rawQuery({ sql: ORDERS, format: 'ndjson' });
    expect(whole.trailers['x-meshwork-truncated']).toBe('false');
  });

  it("the server's byte limit holds exactly", async () => {
    const sql = 'SELECT range AS n, md5(range::VARCHAR) AS h FROM range(100000)';
    for (const format of ['json', 'csv', 'ndjson', 'arrow', 'parquet'] as const) {
      const response = await rawQuery({ sql, format }, 'admin', tight);
      expect(response.status).toBe(200);
      expect(response.body.byteLength).toBeLessThanOrEqual(40_000);
      const truncated = response.trailers['x-meshwork-truncated'] ?? response.headers['x-meshwork-truncated'];
      expect(truncated).toBe('true');
    }
  });

  it.each([
    ['a syntax error', 'SELECT FROM WHERE', 400, 'MW5001'],
    ['a write', 'DELETE FROM sales.orders', 403, 'MW5002'],
    ['a failure at the first row', "SELECT CAST(order_id || 'x' AS INTEGER) FROM sales.orders", 400, 'MW5009'],
    ['an unknown relation', 'SELECT * FROM sales.nothing', 404, 'MW5004'],
  ])('%s is an error response with the gateway code', async (_name, sql, status, code) => {
    const response = await query({ sql, format: 'csv' });
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toMatchObject({ error: { code } });
  });

  it('a product the principal may not query is a 403 naming it', async () => {
    const response = await query({ sql: ORDERS }, { 'x-test-principal': 'nobody' });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({
      error: { code: 'MW5016', message: expect.stringContaining('sales.orders') },
    });
  });

  it('too many concurrent queries is a 503', async () => {
    // The first query runs (results are computed before the first byte) and keeps the
    // principal's only slot until its time limit stops it.
    const first = query({ sql: 'SELECT count(*) FROM range(1000000000000)', timeoutMs: 3000 }, {}, single);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const second = await query({ sql: 'SELECT 1' }, {}, single);
    expect(second.status).toBe(503);
    expect(await second.json()).toMatchObject({ error: { code: 'MW5013' } });
    expect((await first).status).toBe(400);
  });

  it('a query that fails before its first row answers with the error and its code, in every format', async () => {
    // Results are materialized before the first byte, so a failure during execution is a
    // proper error response — never a 200 with a silently short body.
    const sql = 'SELECT count(*) FROM range(1000000000000)';
    for (const format of ['json', 'csv', 'arrow'] as const) {
      const response = await query({ sql, timeoutMs: 300, format });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: 'MW5010' } });
    }
  });

  it('a client that disconnects cancels its query', async () => {
    fixture.usage.length = 0;
    // The query is still running (no header sent yet) when the client goes away.
    const request = httpRequest(`${main.url}/api/v1/query`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-test-principal': 'admin' },
    });
    request.on('error', () => undefined);
    request.end(JSON.stringify({ sql: 'SELECT count(*) FROM range(1000000000000)', format: 'ndjson' }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    request.destroy();
    const usage = await waitFor(() => fixture.usage.find((u) => u.principalId === 'admin'));
    expect(usage).toMatchObject({ status: 'cancelled', errorCode: 'MW5011' });
  });
});

describe('POST /api/v1/query: the request', () => {
  it('refuses a request without a principal (401) and an invalid body (400)', async () => {
    const anonymous = await fetch(`${main.url}/api/v1/query`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sql: 'SELECT 1' }),
    });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { code: 'MW5201' } });
    const invalid = await query({ sql: 'SELECT 1', format: 'xml' });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ error: { code: 'MW9001' } });
  });

  it('answers 406 when the client accepts no format the API produces', async () => {
    const response = await query({ sql: 'SELECT 1' }, { accept: 'text/html' });
    expect(response.status).toBe(406);
    expect(await response.json()).toMatchObject({ error: { code: 'MW9002' } });
  });

  it('is documented in OpenAPI under the query tag, with every media type', async () => {
    const document = main.app.swagger() as unknown as {
      paths: Record<string, Record<string, { tags: string[]; responses: Record<string, { content: object }> }>>;
    };
    const post = document.paths['/api/v1/query']!.post!;
    expect(post.tags).toEqual(['query']);
    expect(Object.keys(post.responses['200']!.content)).toEqual([
      'application/json',
      'application/x-ndjson',
      'text/csv',
      'application/vnd.apache.arrow.stream',
      'application/vnd.apache.parquet',
    ]);
    expect(document.paths['/api/v1/query/relations']!.get!.tags).toEqual(['query']);
  });
});

describe('GET /api/v1/query/relations', () => {
  it('lists what the principal may query, with masked columns marked', async () => {
    const response = await fetch(`${main.url}/api/v1/query/relations`, { headers: { 'x-test-principal': 'ana' } });
    const { items } = (await response.json()) as {
      items: { schema: string; name: string; columns: { name: string; masked: boolean }[] }[];
    };
    const profiles = items.find((r) => r.schema === 'customers' && r.name === 'profiles')!;
    expect(profiles.columns.find((c) => c.name === 'email')).toMatchObject({ masked: true });
    expect(profiles.columns.find((c) => c.name === 'region')).toMatchObject({ masked: false });
    const none = await fetch(`${main.url}/api/v1/query/relations`, { headers: { 'x-test-principal': 'nobody' } });
    expect(await none.json()).toEqual({ items: [] });
  });
});
