import { Writable } from 'node:stream';
import { join } from 'node:path';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import type { QueryGateway, QueryOptions, QueryStream } from '../gateway-types.js';
import { createGatewayFixture, type GatewayFixture } from '../test-support/gateway-fixture.js';
import { grantAuthorizer, testPrincipal } from '../test-support/grant-authorizer.js';
import { OutputClosedError, writableByteWriter } from './byte-writer.js';
import { prefetchFirstChunk } from './chunk-loop.js';
import type { EncodeOptions, EncodeOutcome, ResultFormat } from './encoder-types.js';
import { loadArrow } from './arrow-encoder.js';
import { encoderFor, negotiateFormat } from './result-formats.js';

let fixture: GatewayFixture;
let gateway: QueryGateway;
let scratch: string;
const admin = testPrincipal('admin', { region: 'EU' });
const ana = testPrincipal('ana', { region: 'EU' });
const BIG = 1024 ** 3;

beforeAll(async () => {
  fixture = await createGatewayFixture();
  gateway = await fixture.gateway(
    grantAuthorizer(fixture.model, {
      admin: { query: '*', allRows: true, clear: ['customers.profiles/email', 'customers.profiles/iban'] },
      ana: { query: '*' },
    }),
  );
  scratch = await mkdtemp(join(tmpdir(), 'meshwork-encoders-'));
});
afterAll(async () => {
  await fixture?.dispose();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

interface Encoded extends EncodeOutcome {
  readonly body: Buffer;
}

async function encode(
  format: ResultFormat,
  sql: string,
  options: Partial<EncodeOptions> = {},
  principal = admin,
  queryOptions: QueryOptions = {},
): Promise<Encoded> {
  const stream = await prefetchFirstChunk(await gateway.stream(principal, { sql }, queryOptions));
  const pieces: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      pieces.push(chunk);
      done();
    },
  });
  const outcome = await encoderFor(format, { tempDirectory: join(scratch, 'tmp') }).encode(
    stream,
    writableByteWriter(sink),
    { maxBytes: BIG, ...options },
  );
  const body = Buffer.concat(pieces);
  expect(outcome.bytes).toBe(body.byteLength);
  return { ...outcome, body };
}

async function readParquet(body: Buffer): Promise<Record<string, unknown>[]> {
  const path = join(scratch, `${Math.random().toString(36).slice(2)}.parquet`);
  await writeFile(path, body);
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    return (await connection.runAndReadAll(`SELECT * FROM read_parquet('${path}')`)).getRowObjectsJson() as Record<
      string,
      unknown
    >[];
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

const ORDERS = 'SELECT order_id, amount, ordered_on, 1::BIGINT AS one FROM sales.orders ORDER BY order_id';

describe('round trips', () => {
  it('JSON: columns with DuckDB types, rows as arrays, stats', async () => {
    const { body, rows, truncated } = await encode('json', ORDERS);
    const document = JSON.parse(body.toString('utf8')) as {
      columns: unknown[];
      rows: unknown[][];
      stats: { rows: number; truncated: boolean; durationMs: number };
    };
    expect(document.columns).toEqual([
      { name: 'order_id', type: 'VARCHAR' },
      { name: 'amount', type: 'DECIMAL(12,2)' },
      { name: 'ordered_on', type: 'DATE' },
      { name: 'one', type: 'BIGINT' },
    ]);
    expect(document.rows[0]).toEqual(['o1', '100.00', '2026-01-03', '1']);
    expect(document.rows).toHaveLength(6);
    expect(document.stats).toMatchObject({ rows: 6, truncated: false });
    expect(document.stats.durationMs).toBeGreaterThanOrEqual(0);
    expect([rows, truncated]).toEqual([6, false]);
  });

  it('JSON: an empty result is a complete document', async () => {
    const { body } = await encode('json', 'SELECT order_id FROM sales.orders WHERE false');
    expect(JSON.parse(body.toString('utf8'))).toMatchObject({ rows: [], stats: { rows: 0, truncated: false } });
  });

  it('NDJSON: one object per line, duplicate names made unique', async () => {
    const { body } = await encode('ndjson', `SELECT order_id AS x, amount AS x FROM sales.orders ORDER BY 1 LIMIT 2`);
    const lines = body.toString('utf8').trimEnd().split('\n');
    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual([
      { x: 'o1', x_1: '100.00' },
      { x: 'o2', x_1: '50.00' },
    ]);
  });

  it('CSV: RFC 4180 header, CRLF, quoting; NULL empty and the empty string quoted', async () => {
    const { body } = await encode(
      'csv',
      `SELECT 'a,b' AS "x,y", 'say "hi"' AS q, 'two\nlines' AS nl, NULL::VARCHAR AS n, '' AS e, list_value(1, 2) AS l, 1.5::DOUBLE AS d`,
    );
    expect(body.toString('utf8')).toBe('"x,y",q,nl,n,e,l,d\r\n"a,b","say ""hi""","two\nlines",,"","[1,2]",1.5\r\n');
  });

  it('Arrow: an IPC stream apache-arrow reads back with exact types', async () => {
    const arrow = await loadArrow();
    const { body } = await encode(
      'arrow',
      `SELECT order_id, amount, ordered_on, 9007199254740993::BIGINT AS big, TIMESTAMP '2026-01-03 10:00:00.000001' AS at,
              list_value(1, 2) AS list, struct_pack(k := 'v') AS s, NULL::INTEGER AS n
       FROM sales.orders ORDER BY order_id`,
    );
    const table = arrow.tableFromIPC(body);
    expect(table.numRows).toBe(6);
    expect(table.schema.fields.map((f) => [f.name, String(f.type)])).toEqual([
      ['order_id', 'Utf8'],
      ['amount', 'Decimal[12e+2]'],
      ['ordered_on', 'Date32<DAY>'],
      ['big', 'Int64'],
      ['at', 'Timestamp<MICROSECOND>'],
      ['list', 'List<Int32>'],
      ['s', 'Struct<{k:Utf8}>'],
      ['n', 'Int32'],
    ]);
    expect(table.getChild('big')!.get(0)).toBe(9007199254740993n);
    expect(table.getChild('order_id')!.toArray()).toEqual(['o1', 'o2', 'o3', 'o4', 'o5', 'o6']);
    expect(String(table.getChild('amount')!.get(0))).toBe('10000');
    expect(table.getChild('at')!.data[0]!.values[0]).toBe(1767434400000001n);
    expect([...table.getChild('list')!.get(0)!]).toEqual([1, 2]);
    expect(table.getChild('s')!.get(0)!.toJSON()).toEqual({ k: 'v' });
    expect(table.getChild('n')!.get(0)).toBeNull();
    expect(new Date(table.getChild('ordered_on')!.get(0) as number).toISOString()).toBe('2026-01-03T00:00:00.000Z');
  });

  it('Parquet: a file DuckDB reads back, temporary files removed', async () => {
    const { body, rows } = await encode('parquet', ORDERS);
    expect(body.subarray(0, 4).toString()).toBe('PAR1');
    expect(rows).toBe(6);
    const read = await readParquet(body);
    expect(read[0]).toEqual({ order_id: 'o1', amount: '100.00', ordered_on: '2026-01-03', one: '1' });
    expect(existsSync(join(scratch, 'tmp')) ? readdirSync(join(scratch, 'tmp')) : []).toEqual([]);
  });

  it('masked values stay masked in every format', async () => {
    const sql = 'SELECT email, iban, full_name FROM customers.profiles ORDER BY customer_id';
    for (const format of ['json', 'ndjson', 'csv', 'arrow'] as const) {
      const { body } = await encode(format, sql, {}, ana);
      const text = body.toString('utf8');
      expect(text).toContain('j***@example.com');
      expect(text).not.toMatch(/jane\.doe|GB82WEST|Jane Doe/);
    }
    const rows = await readParquet((await encode('parquet', sql, {}, ana)).body);
    expect(JSON.stringify(rows)).not.toMatch(/jane\.doe|GB82WEST|Jane Doe/);
  });
});

describe('limits', () => {
  const MANY = "SELECT range AS n, repeat('x', 50) AS pad FROM range(20000)";

  it.each(['json', 'ndjson', 'csv', 'arrow', 'parquet'] as const)(
    '%s never passes maxBytes, stays readable and says it was truncated',
    async (format) => {
      for (const maxBytes of [20_000, 40_000, 60_000]) {
        const { body, truncated, rows } = await encode(format, MANY, { maxBytes });
        expect(body.byteLength).toBeLessThanOrEqual(maxBytes);
        expect(truncated).toBe(true);
        expect(rows).toBeGreaterThan(0);
        expect(rows).toBeLessThan(20_000);
        if (format === 'json') {
          const document = JSON.parse(body.toString('utf8')) as { rows: unknown[]; stats: unknown };
          expect(document.rows).toHaveLength(rows);
          expect(document.stats).toMatchObject({ rows, truncated: true });
        }
        if (format === 'ndjson') expect(body.toString('utf8').trimEnd().split('\n')).toHaveLength(rows);
        if (format === 'csv') expect(body.toString('utf8').trimEnd().split('\r\n')).toHaveLength(rows + 1);
        if (format === 'arrow') expect((await loadArrow()).tableFromIPC(body).numRows).toBe(rows);
        if (format === 'parquet') expect(await readParquet(body)).toHaveLength(rows);
      }
    },
  );

  it('JSON flags the gateway’s own row limit in its stats', async () => {
    const stream = await gateway.stream(admin, { sql: MANY }, { maxRows: 10 });
    const pieces: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _e, done) {
        pieces.push(chunk);
        done();
      },
    });
    await encoderFor('json', { tempDirectory: scratch }).encode(stream, writableByteWriter(sink), { maxBytes: BIG });
    expect(JSON.parse(Buffer.concat(pieces).toString('utf8'))).toMatchObject({ stats: { rows: 10, truncated: true } });
  });

  it('onLimit: fail raises MW5012 before a byte when nothing fits, and in the JSON body after', async () => {
    await expect(encode('csv', MANY, { maxBytes: 5, onLimit: 'fail' })).rejects.toMatchObject({ code: 'MW5012' });
    const { body, error } = await encode('json', MANY, { maxBytes: 50_000, onLimit: 'fail' });
    expect(body.byteLength).toBeLessThanOrEqual(50_000);
    expect(error).toMatchObject({ code: 'MW5012' });
    expect(JSON.parse(body.toString('utf8'))).toMatchObject({ error: { code: 'MW5012' } });
  });
});

describe('failures and backpressure', () => {
  // A result that streams until its time limit stops it: the first chunks are out by then.
  const ENDLESS = 'SELECT range AS n FROM range(1000000000000)';
  const timeLimit: QueryOptions = { timeoutMs: 300 };

  it('JSON closes the document with an error member when the query fails mid-stream', async () => {
    // A row limit with onLimit 'fail' raises after the first chunk has been written.
    const failAfterFirstChunk: QueryOptions = { maxRows: 3000, onLimit: 'fail' };
    const { body, error, rows } = await encode(
      'json',
      'SELECT range AS n FROM range(10000)',
      {},
      admin,
      failAfterFirstChunk,
    );
    const document = JSON.parse(body.toString('utf8')) as { rows: unknown[]; error: unknown; stats: unknown };
    expect(rows).toBeGreaterThan(0);
    expect(document.rows).toHaveLength(rows);
    expect(document.error).toMatchObject({ code: 'MW5012' });
    expect(document.stats).toMatchObject({ rows, truncated: false });
    expect(error).toMatchObject({ code: 'MW5012' });
  });

  it('the other formats raise, for the transport to abort (Parquet before its first byte)', async () => {
    for (const format of ['ndjson', 'csv', 'arrow', 'parquet'] as const) {
      await expect(encode(format, ENDLESS, {}, admin, timeLimit)).rejects.toMatchObject({ code: 'MW5010' });
    }
  });

  it('awaits drain: a slow reader keeps the buffered bytes bounded', async () => {
    let most = 0;
    let total = 0;
    const slow = new Writable({
      highWaterMark: 16 * 1024,
      write(chunk: Buffer, _e, done) {
        total += chunk.byteLength;
        setTimeout(done, 1);
      },
    });
    const stream = await gateway.stream(admin, { sql: "SELECT range AS n, repeat('y', 100) FROM range(100000)" });
    const writer = writableByteWriter(slow);
    const watched = {
      ...writer,
      write: async (data: string | Uint8Array) => {
        await writer.write(data);
        most = Math.max(most, slow.writableLength);
      },
      get bytes() {
        return writer.bytes;
      },
    };
    await encoderFor('ndjson', { tempDirectory: scratch }).encode(stream, watched, { maxBytes: BIG });
    await new Promise<void>((resolve) => slow.end(resolve));
    expect(total).toBeGreaterThan(10 * 1024 * 1024);
    expect(most).toBeLessThan(256 * 1024);
  });

  it('an output closed mid-stream stops the query, recorded as cancelled', async () => {
    fixture.usage.length = 0;
    let written = 0;
    const sink: Writable = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _e, done) {
        written += chunk.byteLength;
        if (written > 100_000) sink.destroy();
        setImmediate(done);
      },
    });
    const stream: QueryStream = await gateway.stream(admin, { sql: 'SELECT range FROM range(3000000)' });
    await expect(
      encoderFor('csv', { tempDirectory: scratch }).encode(stream, writableByteWriter(sink), { maxBytes: BIG }),
    ).rejects.toBeInstanceOf(OutputClosedError);
    expect(fixture.usage.at(-1)).toMatchObject({ principalId: 'admin', status: 'cancelled' });
  });
});

describe('content negotiation', () => {
  it('prefers the format named in the request, then Accept by q, then JSON', () => {
    expect(negotiateFormat('csv', 'application/json')).toBe('csv');
    expect(negotiateFormat(undefined, undefined)).toBe('json');
    expect(negotiateFormat(undefined, '*/*')).toBe('json');
    expect(negotiateFormat(undefined, 'text/csv;q=0.5, application/vnd.apache.arrow.stream')).toBe('arrow');
    expect(negotiateFormat(undefined, 'application/x-ndjson, text/csv')).toBe('ndjson');
    expect(negotiateFormat(undefined, 'application/vnd.apache.parquet;q=0.9, text/html')).toBe('parquet');
    expect(negotiateFormat(undefined, 'text/html')).toBeUndefined();
    expect(negotiateFormat(undefined, 'application/json;q=0')).toBeUndefined();
  });
});
