/** Starts the wire server on a free port over the DuckDB test double, for protocol tests. */
import type { ClientConfig } from 'pg';
import { startWireServer, type WireServer } from '../wire-server.js';
import type { WireServerOptions } from '../wire-options.js';
import { createDuckDBTestGateway, testAuthenticate, type DuckDBTestGateway } from './duckdb-test-gateway.js';

export interface TestWireServer {
  readonly server: WireServer;
  readonly gateway: DuckDBTestGateway;
  readonly port: number;
  /** node-postgres settings for a test principal. */
  client(user: 'alice' | 'bob'): ClientConfig;
  close(): Promise<void>;
}

export async function startTestWireServer(options: Partial<WireServerOptions> = {}): Promise<TestWireServer> {
  const gateway = await createDuckDBTestGateway();
  const server = await startWireServer({ port: 0, gateway, authenticate: testAuthenticate, ...options });
  return {
    server,
    gateway,
    port: server.port,
    client: (user) => ({
      host: '127.0.0.1',
      port: server.port,
      user,
      password: `mw_test_${user}_token`,
      database: 'meshwork',
    }),
    close: async () => {
      await server.close();
      await gateway.close();
    },
  };
}
