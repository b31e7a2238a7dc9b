/**
 * The wire server's graceful stop, byte by byte: no new connections; an idle session ends at
 * once with FATAL 57P01; a session in the middle of an extended-protocol batch (a suspended
 * portal) is answered to its Sync first and ended after; one that never finishes is ended when
 * the grace period runs out.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { RawWireClient, errorFieldsOf, frontend } from './test-support/raw-wire-client.js';
import { TEST_ORDER_ROWS } from './test-support/duckdb-test-gateway.js';
import { startTestWireServer, type TestWireServer } from './test-support/wire-test-server.js';

let server: TestWireServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A session with a portal over every order, suspended after `rows` rows: busy until its Sync. */
async function suspendedSession(port: number, rows: number): Promise<RawWireClient> {
  const { client } = await RawWireClient.authenticated(port, 'alice');
  client.send(
    Buffer.concat([
      frontend.parse('', 'SELECT id FROM sales.orders'),
      frontend.bind('p', ''),
      frontend.execute('p', rows),
      frontend.flush(),
    ]),
  );
  await client.until('s');
  return client;
}

const fatalCode = (messages: { type: string; body: Buffer }[]) =>
  messages.filter((m) => m.type === 'E').map((m) => [errorFieldsOf(m.body).S, errorFieldsOf(m.body).C]);

describe('wire server drain', () => {
  it('ends idle sessions now and busy ones once answered, refusing new connections', async () => {
    server = await startTestWireServer();
    const { client: idle } = await RawWireClient.authenticated(server.port, 'alice');
    const busy = await suspendedSession(server.port, 10);
    const drained = server.server.drain(600_000);

    expect(fatalCode(await idle.untilClosed())).toEqual([['FATAL', '57P01']]);
    await expect(RawWireClient.connect(server.port)).rejects.toThrow();
    expect(busy.closed).toBe(false);

    busy.send(Buffer.concat([frontend.execute('p', 0), frontend.sync()]));
    const rest = await busy.until('Z');
    expect(rest.filter((m) => m.type === 'D')).toHaveLength(TEST_ORDER_ROWS - 10);
    expect(rest.filter((m) => m.type === 'C')).toHaveLength(1);
    expect(fatalCode(await busy.untilClosed())).toEqual([['FATAL', '57P01']]);
    await drained;
  });

  it('ends a session still busy when the grace period runs out', async () => {
    server = await startTestWireServer();
    const stuck = await suspendedSession(server.port, 10);
    await server.server.drain(50);
    expect(fatalCode(await stuck.untilClosed())).toEqual([['FATAL', '57P01']]);
  });
});
