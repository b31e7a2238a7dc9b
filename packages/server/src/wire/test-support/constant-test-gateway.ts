/**
 * A QueryGateway double that answers every query with the same one-row, one-column chunk and
 * runs nothing: with it, pgbench measures the wire protocol alone (framing, sessions, encoding),
 * apart from what any gateway costs.
 */
import { DuckDBDataChunk, INTEGER } from '@duckdb/node-api';
import type { QueryGateway } from '../../gateway/gateway-types.js';

export function createConstantTestGateway(): QueryGateway {
  const chunk = DuckDBDataChunk.create([INTEGER], 1);
  chunk.setColumnValues(0, [1]);
  const columns = [{ name: 'value', type: INTEGER, typeName: 'INTEGER' }];
  return {
    describe: async () => ({ columns, parameters: [] }),
    stream: async () => ({
      columns,
      chunks: async function* () {
        yield chunk;
      },
      cancel: () => undefined,
      stats: () => ({ rows: 1, bytes: 4, durationMs: 0, products: [], truncated: false }),
    }),
    visibleRelations: async () => [],
    close: async () => undefined,
  };
}
