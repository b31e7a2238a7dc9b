/**
 * The PostgreSQL wire protocol server of the SQL gateway: psql, node-postgres, JDBC, psycopg and
 * BI tools connect with a Meshwork token as the password and query products through the gateway.
 *
 * @example
 * const wire = await startWireServer({ port: 5433, gateway, authenticate: (user, token) => identity.verify(token) });
 * // psql "host=127.0.0.1 port=5433 user=alice password=<token>" -c 'select * from sales.orders limit 5'
 * await wire.close();
 */
import { createServer, type Socket } from 'node:net';
import { once } from 'node:events';
import { createSecureContext } from 'node:tls';
import { createIntrospection } from './introspection/introspection.js';
import { CancelRegistry } from './session/cancel-registry.js';
import { WireSession } from './session/wire-session.js';
import { DEFAULT_WIRE_LIMITS, defaultLog, type WireServerOptions } from './wire-options.js';
import { NO_CONNECTION_OBSERVER } from './wire-observer.js';

export interface WireServer {
  /** The port listened on (useful with `port: 0`). */
  readonly port: number;
  /**
   * Graceful stop: no new connections; idle sessions end now (FATAL 57P01), busy ones once their
   * statement is answered; whatever still runs after `graceMs` is cancelled as by `close()`.
   */
  drain(graceMs: number): Promise<void>;
  /** Stops accepting, ends every session (FATAL 57P01, running queries cancelled), frees the catalogs. */
  close(): Promise<void>;
}

export const DEFAULT_WIRE_PORT = 5433;

export async function startWireServer(options: WireServerOptions): Promise<WireServer> {
  const limits = { ...DEFAULT_WIRE_LIMITS, ...options.limits };
  const log = options.log ?? defaultLog;
  const registry = new CancelRegistry();
  const introspection = createIntrospection(options.gateway, limits);
  const secureContext = options.tls ? createSecureContext({ key: options.tls.key, cert: options.tls.cert }) : undefined;
  const sessions = new Map<WireSession, Promise<void>>();
  const sockets = new Set<Socket>();
  let admitted = 0;

  const services = {
    gateway: options.gateway,
    authenticate: options.authenticate,
    catalogFor: introspection.sourceFor,
    registry,
    limits,
    queryLimits: options.queryLimits,
    secureContext,
    serverVersion: options.serverVersion ?? '16.0 (Meshwork)',
    log,
    admit: () => {
      if (admitted >= limits.maxConnections) return false;
      admitted++;
      return true;
    },
    release: () => {
      admitted--;
    },
  };

  const server = createServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    const observer =
      options.observer?.connectionOpened({ remoteAddress: socket.remoteAddress }) ?? NO_CONNECTION_OBSERVER;
    const session = new WireSession(socket, services, observer);
    const running = session
      .run()
      .catch((error: unknown) => log('error', 'session crashed', { error: String(error) }))
      .finally(() => {
        sessions.delete(session);
        observer.closed();
      });
    sessions.set(session, running);
  });
  // Sockets still in their startup phase are not sessions yet; bound them too (CancelRequests
  // and authentication attempts), with headroom so a full server can still answer 53300.
  server.maxConnections = limits.maxConnections + 64;
  server.listen(options.port ?? DEFAULT_WIRE_PORT, options.host ?? '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? DEFAULT_WIRE_PORT);

  // 'close' comes once, when the listener is closed and the last connection has ended.
  const closed = new Promise<void>((resolve) => server.once('close', () => resolve()));
  const stopListening = () => {
    if (server.listening) server.close();
  };
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      stopListening();
      await Promise.all([...sessions.keys()].map((session) => session.terminate()));
      for (const socket of sockets) socket.destroy();
      await closed;
      await introspection.close();
    })());
  return {
    port,
    drain: async (graceMs) => {
      stopListening();
      await Promise.all([...sessions.keys()].map((session) => session.drain()));
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
      await Promise.race([Promise.all(sessions.values()), grace]);
      clearTimeout(timer);
      await close();
    },
    close,
  };
}
