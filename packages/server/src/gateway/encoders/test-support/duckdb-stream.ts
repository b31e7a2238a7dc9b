/** A QueryStream over a plain DuckDB result, for encoder tests that need no gateway. */
import type { DuckDBConnection, DuckDBDataChunk } from '@duckdb/node-api';
import type { QueryStream } from '../../gateway-types.js';

export async function duckdbStream(connection: DuckDBConnection, sql: string): Promise<QueryStream> {
  const result = await connection.stream(sql);
  const columns = result.columnNames().map((name, i) => {
    const type = result.columnType(i);
    return { name, type, typeName: type.toString() };
  });
  let rows = 0;
  return {
    columns,
    async *chunks(): AsyncGenerator<DuckDBDataChunk> {
      for (;;) {
        const chunk = await result.fetchChunk();
        if (!chunk || chunk.rowCount === 0) return;
        rows += chunk.rowCount;
        yield chunk;
      }
    },
    cancel: () => undefined,
    stats: () => ({ rows, bytes: 0, durationMs: 0, products: [], truncated: false }),
  };
}
