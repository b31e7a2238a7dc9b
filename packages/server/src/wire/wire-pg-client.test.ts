/**
 * The wire server through node-postgres, the driver most Meshwork users have: authentication,
 * the simple and extended protocols, every mapped type read back as pg parses it, errors that
 * leave the session usable, session settings answered locally.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestWireServer, type TestWireServer } from './test-support/wire-test-server.js';

let server: TestWireServer;

beforeAll(async () => {
  server = await startTestWireServer();
});

afterAll(async () => {
  await server?.close();
});

async function withClient<T>(user: 'alice' | 'bob', work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(server.client(user));
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function pgError(promise: Promise<unknown>): Promise<{ code: string; message: string; detail?: string }> {
  return promise.then(
    () => {
      throw new Error('expected the query to fail');
    },
    (error: unknown) => error as { code: string; message: string; detail?: string },
  );
}

describe('authentication', () => {
  it('accepts a valid token as the password and reports the session parameters', async () => {
    await withClient('alice', async (client) => {
      const params = (client as unknown as { connection: { parameters?: unknown } }).connection;
      expect(params).toBeDefined();
      const result = await client.query('SELECT 1 AS one');
      expect(result.rows).toEqual([{ one: 1 }]);
      expect(result.command).toBe('SELECT');
      expect(result.rowCount).toBe(1);
    });
  });

  it('refuses unknown and wrong tokens alike with 28P01', async () => {
    const unknown = new pg.Client({ ...server.client('alice'), password: 'not-a-token' });
    const error = await pgError(unknown.connect());
    expect(error.code).toBe('28P01');
    const wrong = new pg.Client({ ...server.client('alice'), password: 'mw_test_alice_tokeX' });
    const second = await pgError(wrong.connect());
    expect(second.code).toBe('28P01');
    expect(second.message).toBe(error.message);
  });

  it("refuses a user name that is not the token's principal", async () => {
    const client = new pg.Client({ ...server.client('alice'), user: 'bob' });
    const error = await pgError(client.connect());
    expect(error.code).toBe('28000');
  });
});

describe('simple query protocol', () => {
  it('maps every DuckDB type to the PostgreSQL type pg parses', async () => {
    await withClient('alice', async (client) => {
      const { rows, fields } = await client.query(`SELECT
        true AS b, 7::TINYINT AS ti, 300::SMALLINT AS si, 70000 AS i, 9007199254740993::BIGINT AS bi,
        170141183460469231731687303715884105727::HUGEINT AS hi, 18446744073709551615::UBIGINT AS ubi,
        1.5::FLOAT AS f, 0.1::DOUBLE AS d, 12.50::DECIMAL(10,2) AS dec, -0.05::DECIMAL(4,2) AS neg,
        'héllo'::VARCHAR AS v, '\\x00\\xFF'::BLOB AS blob, DATE '2024-02-29' AS dt,
        TIME '13:45:06.5' AS t, TIMESTAMP '2024-01-02 03:04:05.123456' AS ts,
        TIMESTAMPTZ '2024-01-02 03:04:05+02' AS tstz, INTERVAL '1 year 2 months 3 days 04:05:06.5' AS iv,
        '0b5e6c4a-4f3e-4a26-9f57-8e5bd4a6a7a0'::UUID AS u, '{"a": [1, 2]}'::JSON AS j,
        [1, 2, NULL] AS l, ['a b', 'c"d', NULL] AS sl, {'x': 1, 'y': 'z'} AS st, MAP {'k': 1} AS m,
        [[1, 2], [3]] AS nested`);
      const row = rows[0] as Record<string, unknown>;
      expect(row.b).toBe(true);
      expect(row.ti).toBe(7);
      expect(row.si).toBe(300);
      expect(row.i).toBe(70000);
      expect(row.bi).toBe('9007199254740993');
      expect(row.hi).toBe('170141183460469231731687303715884105727');
      expect(row.ubi).toBe('18446744073709551615');
      expect(row.f).toBe(1.5);
      expect(row.d).toBe(0.1);
      expect(row.dec).toBe('12.50');
      expect(row.neg).toBe('-0.05');
      expect(row.v).toBe('héllo');
      expect(row.blob).toEqual(Buffer.from([0, 255]));
      expect((row.dt as Date).getFullYear()).toBe(2024);
      expect(row.t).toBe('13:45:06.5');
      expect((row.tstz as Date).toISOString()).toBe('2024-01-02T01:04:05.000Z');
      expect(row.iv).toMatchObject({
        years: 1,
        months: 2,
        days: 3,
        hours: 4,
        minutes: 5,
        seconds: 6,
        milliseconds: 500,
      });
      expect(row.u).toBe('0b5e6c4a-4f3e-4a26-9f57-8e5bd4a6a7a0');
      expect(row.j).toEqual({ a: [1, 2] });
      expect(row.l).toEqual([1, 2, null]);
      expect(row.sl).toEqual(['a b', 'c"d', null]);
      expect(row.st).toEqual({ x: 1, y: 'z' });
      expect(row.m).toEqual({ k: 1 });
      expect(row.nested).toEqual([[1, 2], [3]]);
      const oids = Object.fromEntries(fields.map((f) => [f.name, f.dataTypeID]));
      expect(oids).toMatchObject({
        b: 16,
        ti: 21,
        si: 21,
        i: 23,
        bi: 20,
        hi: 1700,
        ubi: 1700,
        f: 700,
        d: 701,
        dec: 1700,
        v: 25,
        blob: 17,
        dt: 1082,
        t: 1083,
        ts: 1114,
        tstz: 1184,
        iv: 1186,
        u: 2950,
        j: 114,
        l: 1007,
        sl: 1009,
        st: 114,
        m: 114,
      });
    });
  });

  it('sends NULL of every type as NULL', async () => {
    await withClient('alice', async (client) => {
      const { rows } = await client.query(
        'SELECT NULL::INTEGER AS a, NULL::VARCHAR AS b, NULL::DATE AS c, NULL::BLOB AS d, NULL AS e, NULL::INTEGER[] AS f',
      );
      expect(rows).toEqual([{ a: null, b: null, c: null, d: null, e: null, f: null }]);
    });
  });

  it('reads products through the gateway', async () => {
    await withClient('alice', async (client) => {
      const { rows } = await client.query(
        'SELECT id, amount, status, note FROM sales.orders WHERE id IN (10, 11) ORDER BY id',
      );
      expect(rows).toEqual([
        { id: 10, amount: '0.70', status: 'shipped', note: null },
        { id: 11, amount: '0.77', status: 'paid', note: 'note 11' },
      ]);
    });
  });

  it('streams a large result', async () => {
    await withClient('alice', async (client) => {
      const { rows } = await client.query('SELECT id FROM sales.orders ORDER BY id');
      expect(rows).toHaveLength(100_000);
      expect(rows[99_999]).toEqual({ id: 100_000 });
    });
  });

  it('answers an empty query', async () => {
    await withClient('alice', async (client) => {
      const result = await client.query('  ;  -- nothing');
      expect(result.rows ?? []).toEqual([]);
    });
  });

  it('runs several statements in order and returns each result', async () => {
    await withClient('alice', async (client) => {
      const results = (await client.query(
        'SELECT 1 AS a; SELECT 2 AS b; SELECT 3 AS c',
      )) as unknown as pg.QueryResult[];
      expect(results.map((r) => r.rows[0])).toEqual([{ a: 1 }, { b: 2 }, { c: 3 }]);
    });
  });

  it('maps refusals to SQLSTATEs and keeps the session usable', async () => {
    await withClient('bob', async (client) => {
      const hidden = await pgError(client.query('SELECT * FROM customers.people'));
      expect(hidden.code).toBe('42501');
      expect(hidden.detail).toMatch(/MW\d{4}/);
      const syntax = await pgError(client.query('SELEC 1'));
      expect(syntax.code).toBe('42601');
      const write = await pgError(client.query('CREATE TABLE sales.x (a INT)'));
      expect(write.code).toBe('42501');
      const { rows } = await client.query('SELECT 42 AS answer');
      expect(rows).toEqual([{ answer: 42 }]);
    });
  });

  it('stops a multi-statement query at the first error', async () => {
    await withClient('alice', async (client) => {
      const before = server.gateway.received.length;
      await pgError(client.query('SELECT 1; SELEC 2; SELECT 3'));
      expect(server.gateway.received.slice(before)).toEqual(['SELECT 1', 'SELEC 2']);
    });
  });
});

describe('session commands answered locally', () => {
  it('accepts transaction control and harmless settings without reaching the gateway', async () => {
    await withClient('alice', async (client) => {
      const before = server.gateway.received.length;
      expect((await client.query('BEGIN')).command).toBe('BEGIN');
      expect((await client.query('SET extra_float_digits = 3')).command).toBe('SET');
      expect((await client.query("SET application_name = 'reporting'")).command).toBe('SET');
      expect((await client.query('SHOW application_name')).rows).toEqual([{ application_name: 'reporting' }]);
      expect((await client.query('SHOW DateStyle')).rows).toEqual([{ DateStyle: 'ISO, MDY' }]);
      expect((await client.query('COMMIT')).command).toBe('COMMIT');
      expect((await client.query('ROLLBACK')).command).toBe('ROLLBACK');
      expect(server.gateway.received.length).toBe(before);
    });
  });

  it('refuses settings it cannot honour and sends other SET statements to the gateway', async () => {
    await withClient('alice', async (client) => {
      expect((await pgError(client.query("SET client_encoding = 'LATIN1'"))).code).toBe('22023');
      const before = server.gateway.received.length;
      await pgError(client.query('SET threads = 64'));
      expect(server.gateway.received.slice(before)).toEqual(['SET threads = 64']);
    });
  });
});

describe('extended query protocol', () => {
  it('binds parameters of several types', async () => {
    await withClient('alice', async (client) => {
      const { rows } = await client.query({
        text: 'SELECT id, status FROM sales.orders WHERE id = $1 AND status = $2 AND amount > $3',
        values: [12, 'open', 0.5],
      });
      expect(rows).toEqual([{ id: 12, status: 'open' }]);
      const typed = await client.query({
        text: 'SELECT $1::BIGINT + 1 AS n, $2::BOOLEAN AS flag, $3::DATE AS day, $4::BLOB AS bytes, $5::VARCHAR AS nothing',
        values: ['41', true, '2024-05-06', Buffer.from([1, 2, 3]), null],
      });
      expect(typed.rows[0]).toMatchObject({ n: '42', flag: true, bytes: Buffer.from([1, 2, 3]), nothing: null });
    });
  });

  it('reuses a named prepared statement', async () => {
    await withClient('alice', async (client) => {
      for (const id of [1, 2, 3]) {
        const { rows } = await client.query({
          name: 'order-by-id',
          text: 'SELECT id FROM sales.orders WHERE id = $1',
          values: [id],
        });
        expect(rows).toEqual([{ id }]);
      }
    });
  });

  it('reports errors of a parameterised query and stays usable', async () => {
    await withClient('alice', async (client) => {
      const bad = await pgError(client.query({ text: 'SELECT $1::INTEGER AS n', values: ['abc'] }));
      expect(bad.code).toBe('22P02');
      const { rows } = await client.query({ text: 'SELECT $1::INTEGER AS n', values: ['5'] });
      expect(rows).toEqual([{ n: 5 }]);
    });
  });

  it('gives binary results when asked (int, float, bool, bytea, text)', async () => {
    await withClient('alice', async (client) => {
      const { rows } = await client.query({
        text: "SELECT 7::SMALLINT AS a, 8 AS b, 9::BIGINT AS c, 1.5::FLOAT AS d, 2.5 AS e, true AS f, '\\x01\\x02'::BLOB AS g, 'x' AS h, 12.5::DECIMAL(5,2) AS i, DATE '2024-01-02' AS j",
        binary: true,
      } as pg.QueryConfig);
      const row = rows[0] as Record<string, unknown>;
      expect(row.a).toBe(7);
      expect(row.b).toBe(8);
      expect(String(row.c)).toBe('9');
      expect(row.d).toBe(1.5);
      expect(row.f).toBe(true);
      expect(row.g).toEqual(Buffer.from([1, 2]));
      expect(row.h).toBe('x');
    });
  });
});
