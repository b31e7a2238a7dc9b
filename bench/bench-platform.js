// What the gateway benchmarks need from a running platform: the gateway, a token, the wire port.
// Each lookup says plainly what is missing, so a bench run on a build that predates a piece still
// measures everything else.
import * as server from '@meshwork/server';
import { ADMIN } from './tpch/generate-tpch-workspace.js';

/** The gateway sandbox's defaults (gateway/sandbox.ts); BENCH_THREADS/BENCH_MEMORY set both sides. */
export const DUCKDB_SETTINGS = {
  threads: process.env.BENCH_THREADS ?? '2',
  memory_limit: process.env.BENCH_MEMORY ?? '2GB',
};

/** `mesh serve` in-process: HTTP and the wire protocol on free ports, the workspace's own store. */
export async function startBenchPlatform(root) {
  const env = { ...process.env, MESHWORK_DATABASE_URL: undefined };
  return server.startPlatform({ root, env, port: 0, wirePort: 0, logger: false });
}

/** The platform's QueryGateway, or undefined (with the reason printed). */
export function gatewayOf(platform) {
  const gateway = platform.services.gateway;
  if (gateway && typeof gateway.stream === 'function') return gateway;
  console.log('  services.gateway is not there yet (packages/server/dist predates the gateway):');
  console.log('  only the raw DuckDB side is measured. Rebuild (`npm run build`) once the gateway lands.');
  return undefined;
}

/**
 * A bearer token for the admin scoped to what querying products needs, or undefined when no token
 * service is exported yet. `discover` is part of it: the gateway reports a product the principal
 * may not discover as a relation that does not exist (MW5004), and a token's scopes narrow that.
 */
export async function adminToken(platform) {
  const tokens =
    platform.services.tokens ??
    (typeof server.createTokenService === 'function'
      ? server.createTokenService({ store: platform.services.store, model: platform.services.model })
      : undefined);
  if (!tokens) {
    console.log(
      '  no token service on platform.services.tokens nor createTokenService exported by @meshwork/server yet.',
    );
    return undefined;
  }
  const { token } = await tokens.create(ADMIN.id, {
    scopes: ['discover', 'query'],
    expiresIn: '1d',
    createdBy: 'bench',
  });
  return token;
}

/** The port the PostgreSQL wire protocol listens on, wherever the platform reports it. */
export function wirePortOf(platform) {
  const wire = platform.wire ?? platform.services.wire;
  const port =
    wire?.port ??
    wire?.address?.port ??
    platform.wirePort ??
    (process.env.BENCH_WIRE_PORT && Number(process.env.BENCH_WIRE_PORT));
  if (port) return port;
  console.log(
    '  the platform reports no wire-protocol port (platform.wire.port); set BENCH_WIRE_PORT to point at one.',
  );
  return undefined;
}
