/**
 * Answers catalog queries (psql's `\dt`/`\d`, JDBC metadata, BI tools' schema browsers) from the
 * principal's own introspection database: what it lists is exactly `gateway.visibleRelations`,
 * asked again for every query so that a revoked agreement disappears at once. Only reads run
 * there, with a time limit, on a fresh connection each time.
 */
import {
  DuckDBTypeId,
  StatementType,
  blobValue,
  type DuckDBPreparedStatement,
  type DuckDBValue,
} from '@duckdb/node-api';
import type { QueryDescription, QueryGateway, QueryStats, QueryStream } from '../../gateway/gateway-types.js';
import type { Principal } from '../../identity/principal.js';
import type { QuerySource } from '../session/query-source.js';
import { WireError } from '../wire-error.js';
import type { WireLimits } from '../wire-options.js';
import { CatalogCache } from './catalog-cache.js';
import { rewriteCatalogQuery } from './catalog-rewriter.js';

export interface Introspection {
  sourceFor(principal: Principal): QuerySource;
  close(): Promise<void>;
}

/** DuckDB's error text → the SQLSTATE a PostgreSQL client expects. */
function catalogError(error: unknown, timedOut: boolean): WireError {
  if (timedOut) return new WireError('MW5413', '57014', 'canceling statement due to statement timeout');
  const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  const sqlState = message.startsWith('Parser Error')
    ? '42601'
    : /^Catalog Error: (Table|Schema)/.test(message)
      ? '42P01'
      : /^Catalog Error: .*Function/.test(message)
        ? '42883'
        : message.startsWith('Binder Error')
          ? '42703'
          : message.startsWith('Conversion Error')
            ? '22P02'
            : 'XX000';
  return new WireError('MW5413', sqlState, `catalog query failed: ${message}`);
}

function columnsOf(prepared: DuckDBPreparedStatement): QueryDescription['columns'] {
  return Array.from({ length: prepared.columnCount }, (_, i) => {
    const type = prepared.columnType(i);
    let name = '?column?';
    try {
      name = prepared.columnName(i);
    } catch {
      // DuckDB cannot name columns that depend on untyped parameters before binding.
    }
    return { name, type, typeName: String(type) };
  });
}

function toDuckDBValue(value: unknown): DuckDBValue {
  if (value instanceof Uint8Array) return blobValue(value);
  return value as DuckDBValue;
}

export function createIntrospection(gateway: QueryGateway, limits: WireLimits): Introspection {
  const cache = new CatalogCache({ idleMs: limits.catalogIdleMs, maxEntries: limits.maxCatalogs });

  async function prepare(principal: Principal, sql: string) {
    const lease = await cache.acquire(principal.id, await gateway.visibleRelations(principal));
    let connection;
    try {
      connection = await lease.database.connect();
      const prepared = await connection.prepare(rewriteCatalogQuery(sql)).catch((error: unknown) => {
        throw catalogError(error, false);
      });
      if (prepared.statementType !== StatementType.SELECT) {
        prepared.destroySync();
        throw new WireError('MW5412', '42501', 'catalog queries may only read (SELECT)');
      }
      return { lease, connection, prepared };
    } catch (error) {
      connection?.closeSync();
      lease.release();
      throw error;
    }
  }

  const sourceFor = (principal: Principal): QuerySource => ({
    describe: async (sql) => {
      const { lease, connection, prepared } = await prepare(principal, sql);
      try {
        const parameters = Array.from({ length: prepared.parameterCount }, (_, i) => {
          const type = prepared.parameterType(i + 1);
          const typeId = prepared.parameterTypeId(i + 1);
          const known = typeId !== DuckDBTypeId.INVALID && typeId !== DuckDBTypeId.ANY;
          return { type, typeName: known ? String(type) : 'UNKNOWN' };
        });
        return { columns: columnsOf(prepared), parameters };
      } finally {
        prepared.destroySync();
        connection.closeSync();
        lease.release();
      }
    },
    stream: async (sql, parameters, signal) => {
      const started = Date.now();
      const { lease, connection, prepared } = await prepare(principal, sql);
      let timedOut = false;
      let iterating = false;
      let finished = false;
      let rows = 0;
      const interrupt = (): void => connection.interrupt();
      const timer = setTimeout(() => {
        timedOut = true;
        interrupt();
      }, limits.catalogTimeoutMs);
      const cleanup = (): void => {
        if (finished) return;
        finished = true;
        clearTimeout(timer);
        signal.removeEventListener('abort', interrupt);
        prepared.destroySync();
        connection.closeSync();
        lease.release();
      };
      signal.addEventListener('abort', interrupt);
      try {
        parameters.forEach((value, i) => prepared.bindValue(i + 1, toDuckDBValue(value)));
        const result = await prepared.stream();
        const columns = result.columnNames().map((name, i) => {
          const type = result.columnType(i);
          return { name, type, typeName: String(type) };
        });
        const stats = (): QueryStats => ({
          rows,
          bytes: 0,
          durationMs: Date.now() - started,
          products: [],
          truncated: false,
        });
        const stream: QueryStream = {
          columns,
          chunks: async function* () {
            iterating = true;
            try {
              for (;;) {
                const chunk = await result.fetchChunk();
                if (!chunk || chunk.rowCount === 0) return;
                rows += chunk.rowCount;
                yield chunk;
              }
            } catch (error) {
              throw catalogError(error, timedOut);
            } finally {
              cleanup();
            }
          },
          cancel: () => {
            interrupt();
            if (!iterating) cleanup();
          },
          stats,
        };
        return stream;
      } catch (error) {
        cleanup();
        throw error instanceof WireError ? error : catalogError(error, timedOut);
      }
    },
  });

  return { sourceFor, close: () => cache.close() };
}
