/** Drains a gateway query into JSON-friendly row objects, for assertions. */
import { JsonDuckDBValueConverter } from '@duckdb/node-api';
import type { Principal } from '../../identity/principal.js';
import type { GatewayQuery, QueryGateway, QueryOptions } from '../gateway-types.js';

export type Row = Record<string, unknown>;

export async function collectRows(
  gateway: QueryGateway,
  principal: Principal,
  query: string | GatewayQuery,
  options?: QueryOptions,
): Promise<Row[]> {
  const stream = await gateway.stream(principal, typeof query === 'string' ? { sql: query } : query, options);
  const names = stream.columns.map((c) => c.name);
  const rows: Row[] = [];
  for await (const chunk of stream.chunks()) {
    for (const values of chunk.convertRows(JsonDuckDBValueConverter)) {
      rows.push(Object.fromEntries(names.map((name, i) => [name, values[i]])));
    }
  }
  return rows;
}
