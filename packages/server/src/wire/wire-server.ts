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

export interface WireServer {
  /** The port listened on (useful with `port: 0`). */
  readonly port: number;
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
  const sessions = new Set<WireSession>();
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
    const session = new WireSession(socket, services);
    sessions.add(session);
    session
      .run()
      .catch((error: unknown) => log('error', 'session crashed', { error: String(error) }))
      .finally(() => sessions.delete(session));
  });
  // Sockets still in their startup phase are not sessions yet; bound them too (CancelRequests
  // and authentication attempts), with headroom so a full server can still answer 53300.
  server.maxConnections = limits.maxConnections + 64;
  server.listen(options.port ?? DEFAULT_WIRE_PORT, options.host ?? '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? DEFAULT_WIRE_PORT);

  return {
    port,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all([...sessions].map((session) => session.terminate()));
      for (const socket of sockets) socket.destroy();
      await closed;
      await introspection.close();
    },
  };
}
