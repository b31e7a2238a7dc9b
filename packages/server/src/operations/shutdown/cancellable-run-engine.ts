/**
 * The run engine of a server that can stop its runs. `cancelAll()` interrupts the statement
 * each run's connection is executing and makes every later statement on it fail at once
 * (MW8304), so a run stops at its next step wherever it is; the runtime then does what it does
 * with any failure — drops what it staged, records the run failed, keeps the previous
 * snapshots serving, releases the lock. Runs are never stopped between two publishes by this:
 * publishing runs no SQL.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { UnavailableError } from '@meshwork/core';
import type { RunDatabase, RunEngine } from '../../runtime/duckdb-session.js';

export interface CancellableRunEngine extends RunEngine {
  /** Runs holding a connection now. */
  readonly active: number;
  /** Stops every run at its next SQL statement; runs that have not opened a connection yet cannot. */
  cancelAll(): void;
}

/** Methods that end or interrupt a connection stay usable after cancellation. */
const ALWAYS_ALLOWED = new Set<PropertyKey>(['closeSync', 'disconnectSync', 'interrupt']);

export function cancellableRunEngine(engine: RunEngine): CancellableRunEngine {
  const open = new Set<{ readonly connection: DuckDBConnection }>();
  let cancelled = false;
  const cancellation = () =>
    new UnavailableError('MW8304', 'the run was cancelled: the server stopped before it finished');
  return {
    get active() {
      return open.size;
    },
    open: async (): Promise<RunDatabase> => {
      if (cancelled) throw cancellation();
      const database = await engine.open();
      const entry = { connection: database.connection };
      open.add(entry);
      const connection = new Proxy(database.connection, {
        get(target, property) {
          const value: unknown = Reflect.get(target, property, target);
          if (typeof value !== 'function' || ALWAYS_ALLOWED.has(property)) return value;
          return (...args: unknown[]) => {
            if (cancelled) throw cancellation();
            const result: unknown = (value as (...a: unknown[]) => unknown).apply(target, args);
            if (!(result instanceof Promise)) return result;
            // An interrupted statement fails with DuckDB's own words; say why instead.
            return result.catch((error: unknown) => {
              throw cancelled ? cancellation() : error;
            });
          };
        },
      });
      return {
        connection,
        close: () => {
          open.delete(entry);
          database.close();
        },
      };
    },
    close: () => engine.close(),
    cancelAll: () => {
      cancelled = true;
      for (const { connection } of open) connection.interrupt();
    },
  };
}
