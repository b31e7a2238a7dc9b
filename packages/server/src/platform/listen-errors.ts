/**
 * A port another process holds, in words: two servers on one machine (allowed with PostgreSQL)
 * collide on the default ports 8080 and 5433 unless each is given its own.
 */
import { ConflictError } from '@meshwork/core';

export type Listener = 'http' | 'wire';

/** Runs `listen`; EADDRINUSE becomes MW8350 (HTTP) or MW8351 (wire protocol) naming the address. */
export async function listenOrExplain<T>(
  listener: Listener,
  address: { readonly host: string; readonly port: number },
  listen: () => Promise<T>,
): Promise<T> {
  try {
    return await listen();
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'EADDRINUSE') throw error;
    const where = `${address.host}:${address.port}`;
    throw listener === 'http'
      ? new ConflictError(
          'MW8350',
          `HTTP port ${where} is in use (another \`mesh serve\`?); give each server on this machine its own: --port <n> --wire-port <m>`,
        )
      : new ConflictError(
          'MW8351',
          `PostgreSQL wire port ${where} is in use (another \`mesh serve\`?); give each server on this machine its own --wire-port, or --no-wire`,
        );
  }
}
