/**
 * The protocol at the byte level, for what drivers do not expose: row-limited Execute and
 * PortalSuspended, CancelRequest, SSL/GSSAPI negotiation, protocol versions, Describe, error
 * recovery up to Sync, and hostile input (malformed, oversized, random bytes) that must close
 * the connection without hurting the server.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  RawWireClient,
  dataRowValues,
  errorFieldsOf,
  frontend,
  message,
  startupPacket,
} from './test-support/raw-wire-client.js';
import { startTestWireServer, type TestWireServer } from './test-support/wire-test-server.js';

let server: TestWireServer;

beforeAll(async () => {
  server = await startTestWireServer({ limits: { maxMessageBytes: 64 * 1024 } });
});

afterAll(async () => {
  await server?.close();
});

async function serverStillAnswers(): Promise<void> {
  const client = new pg.Client(server.client('alice'));
  await client.connect();
  expect((await client.query('SELECT 1 AS ok')).rows).toEqual([{ ok: 1 }]);
  await client.end();
}

describe('startup', () => {
  it('answers SSLRequest and GSSENCRequest with N and then accepts the startup', async () => {
    const client = await RawWireClient.connect(server.port);
    client.send(frontend.gssencRequest());
    expect(await client.byte()).toBe('N');
    client.send(frontend.sslRequest());
    expect(await client.byte()).toBe('N');
    client.send(startupPacket({ user: 'alice' }));
    await client.until('R');
    client.send(frontend.password('mw_test_alice_token'));
    const messages = await client.until('Z');
    const status = messages.filter((m) => m.type === 'S').map((m) => m.body.toString('utf8').split('\0').slice(0, 2));
    expect(Object.fromEntries(status)).toMatchObject({
      server_version: '16.0 (Meshwork)',
      server_encoding: 'UTF8',
      client_encoding: 'UTF8',
      DateStyle: 'ISO, MDY',
      TimeZone: 'UTC',
      integer_datetimes: 'on',
      standard_conforming_strings: 'on',
      is_superuser: 'off',
      session_authorization: 'alice',
    });
    expect(messages.some((m) => m.type === 'K')).toBe(true);
    expect(messages.at(-1)!.body.toString()).toBe('I');
    client.close();
  });

  it('refuses protocol version 2 with an error', async () => {
    const client = await RawWireClient.connect(server.port);
    client.send(startupPacket({ user: 'alice' }, 2 << 16));
    const messages = await client.untilClosed();
    expect(errorFieldsOf(messages[0]!.body)).toMatchObject({ S: 'FATAL', C: '0A000' });
  });

  it('negotiates a newer 3.x minor version down to 3.0', async () => {
    const client = await RawWireClient.connect(server.port);
    client.send(startupPacket({ user: 'alice', _pq_test: 'x' }, (3 << 16) | 2));
    const messages = await client.until('R');
    expect(messages[0]!.type).toBe('v');
    expect(messages[0]!.body.readInt32BE(0)).toBe(0);
    client.close();
  });

  it('sets the purpose from the startup options', async () => {
    const client = new pg.Client({ ...server.client('alice'), options: '-c meshwork.purpose=fraud\\ analysis' });
    await client.connect();
    expect((await client.query('SHOW meshwork.purpose')).rows).toEqual([{ 'meshwork.purpose': 'fraud analysis' }]);
    // As over HTTP, a purpose is at most 200 characters (MW5411); the session keeps the one it had.
    await expect(client.query(`SET meshwork.purpose = '${'x'.repeat(201)}'`)).rejects.toMatchObject({ code: '22023' });
    expect((await client.query('SHOW meshwork.purpose')).rows).toEqual([{ 'meshwork.purpose': 'fraud analysis' }]);
    await client.end();
  });

  it('upgrades to TLS when a certificate is configured', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'meshwork-wire-tls-'));
    try {
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-days',
          '1',
          '-subj',
          '/CN=localhost',
          '-keyout',
          join(dir, 'key.pem'),
          '-out',
          join(dir, 'cert.pem'),
        ],
        { stdio: 'ignore' },
      );
      const tls = await startTestWireServer({
        tls: { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) },
      });
      try {
        const client = new pg.Client({ ...tls.client('alice'), ssl: { rejectUnauthorized: false } });
        await client.connect();
        expect((await client.query('SELECT 1 AS ok')).rows).toEqual([{ ok: 1 }]);
        await client.end();
      } finally {
        await tls.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('extended protocol details', () => {
  it('suspends a portal at the row limit and resumes it', async () => {
    const { client } = await RawWireClient.authenticated(server.port, 'alice');
    client.send(
      Buffer.concat([
        frontend.parse('', 'SELECT id FROM sales.orders WHERE id <= 5 ORDER BY id'),
        frontend.bind('cursor', ''),
        frontend.execute('cursor', 2),
        frontend.flush(),
      ]),
    );
    const first = await client.until('s');
    expect(first.filter((m) => m.type === 'D').map((m) => dataRowValues(m.body))).toEqual([['1'], ['2']]);
    client.send(Buffer.concat([frontend.execute('cursor', 2), frontend.flush()]));
    const second = await client.until('s');
    expect(second.filter((m) => m.type === 'D').map((m) => dataRowValues(m.body))).toEqual([['3'], ['4']]);
    client.send(Buffer.concat([frontend.execute('cursor', 2), frontend.sync()]));
    const last = await client.until('Z');
    expect(last.filter((m) => m.type === 'D').map((m) => dataRowValues(m.body))).toEqual([['5']]);
    const complete = last.find((m) => m.type === 'C')!;
    expect(complete.body.toString('utf8')).toBe('SELECT 5\0');
    client.close();
  });

  it('describes a statement: parameter types and columns', async () => {
    const { client } = await RawWireClient.authenticated(server.port, 'alice');
    client.send(
      Buffer.concat([
        frontend.parse('s1', 'SELECT id, amount FROM sales.orders WHERE id = $1'),
        frontend.describe('S', 's1'),
        frontend.sync(),
      ]),
    );
    const messages = await client.until('Z');
    expect(messages.map((m) => m.type).join('')).toBe('1tTZ');
    const parameters = messages[1]!.body;
    expect(parameters.readInt16BE(0)).toBe(1);
    expect(parameters.readInt32BE(2)).toBe(23);
    client.close();
  });

  it('skips to Sync after an error and reports the unknown statement', async () => {
    const { client } = await RawWireClient.authenticated(server.port, 'alice');
    client.send(
      Buffer.concat([
        frontend.bind('', 'missing'),
        frontend.execute(''),
        frontend.parse('', 'SELECT 1'),
        frontend.sync(),
        frontend.query('SELECT 2 AS two'),
      ]),
    );
    const messages = await client.until('Z');
    expect(messages.map((m) => m.type).join('')).toBe('EZ');
    expect(errorFieldsOf(messages[0]!.body).C).toBe('26000');
    const next = await client.until('Z');
    expect(next.filter((m) => m.type === 'D').map((m) => dataRowValues(m.body))).toEqual([['2']]);
    client.close();
  });

  it('refuses two statements in one Parse', async () => {
    const { client } = await RawWireClient.authenticated(server.port, 'alice');
    client.send(Buffer.concat([frontend.parse('', 'SELECT 1; SELECT 2'), frontend.sync()]));
    const messages = await client.until('Z');
    expect(errorFieldsOf(messages[0]!.body).C).toBe('42601');
    client.close();
  });
});

describe('cancellation', () => {
  it('cancels the running query of a session with its process id and secret key', async () => {
    const { client, processId, secretKey } = await RawWireClient.authenticated(server.port, 'alice');
    client.send(frontend.query('SELECT sum(range) FROM range(1000000000000)'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const wrongKey = await RawWireClient.connect(server.port);
    wrongKey.send(frontend.cancelRequest(processId, Buffer.from(secretKey.map((b) => b ^ 0xff))));
    await wrongKey.untilClosed();
    const canceller = await RawWireClient.connect(server.port);
    canceller.send(frontend.cancelRequest(processId, secretKey));
    expect(await canceller.untilClosed()).toEqual([]);
    const messages = await client.until('Z', 20_000);
    const error = messages.find((m) => m.type === 'E')!;
    expect(errorFieldsOf(error.body).C).toBe('57014');
    client.send(frontend.query('SELECT 1 AS still_alive'));
    const after = await client.until('Z');
    expect(after.some((m) => m.type === 'D')).toBe(true);
    client.close();
  });
});

describe('hostile input', () => {
  it('closes the connection on an oversized message', async () => {
    const { client } = await RawWireClient.authenticated(server.port, 'alice');
    client.send(frontend.query(`SELECT '${'x'.repeat(100 * 1024)}'`));
    const messages = await client.untilClosed();
    expect(errorFieldsOf(messages[0]!.body)).toMatchObject({ S: 'FATAL', C: '08P01' });
    await serverStillAnswers();
  });

  it('closes the connection on an unknown message type', async () => {
    const { client } = await RawWireClient.authenticated(server.port, 'alice');
    client.send(message('!', Buffer.from('junk')));
    const messages = await client.untilClosed();
    expect(errorFieldsOf(messages[0]!.body)).toMatchObject({ S: 'FATAL', C: '08P01' });
  });

  it('survives random bytes before and after authentication', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 300 }), fc.boolean(), async (bytes, authenticated) => {
        const client = authenticated
          ? (await RawWireClient.authenticated(server.port, 'alice')).client
          : await RawWireClient.connect(server.port);
        client.send(Buffer.from(bytes));
        client.socket.end();
        await client.untilClosed(5000);
        client.close();
      }),
      { numRuns: 60 },
    );
    await serverStillAnswers();
  });
});

describe('limits', () => {
  it('refuses sessions past maxConnections with 53300 and closes idle sessions', async () => {
    const limited = await startTestWireServer({ limits: { maxConnections: 1, idleTimeoutMs: 500 } });
    try {
      const first = await RawWireClient.authenticated(limited.port, 'alice');
      const second = await RawWireClient.connect(limited.port);
      second.send(startupPacket({ user: 'alice' }));
      const refused = await second.untilClosed();
      expect(errorFieldsOf(refused[0]!.body)).toMatchObject({ S: 'FATAL', C: '53300' });
      const idle = await first.client.untilClosed(5000);
      expect(errorFieldsOf(idle[0]!.body)).toMatchObject({ S: 'FATAL', C: '57P05' });
      const third = await RawWireClient.authenticated(limited.port, 'bob');
      third.client.close();
    } finally {
      await limited.close();
    }
  });

  it('ends sessions with 57P01 when the server closes', async () => {
    const closing = await startTestWireServer();
    const { client } = await RawWireClient.authenticated(closing.port, 'alice');
    await closing.close();
    const messages = await client.untilClosed();
    expect(errorFieldsOf(messages[0]!.body)).toMatchObject({ S: 'FATAL', C: '57P01' });
  });
});
