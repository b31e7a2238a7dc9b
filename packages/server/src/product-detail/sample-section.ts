/**
 * Sample rows (at most 10) of the product's first output port, queried through the governed
 * gateway as the caller, so their masks and row filters apply. A refused query is not an error
 * of the page: the section says the sample is not allowed and why.
 */
import { MeshworkError, type DataProduct } from '@meshwork/core';
import { jsonColumn, type ResultJsonValue } from '../gateway/encoders/index.js';
import type { QueryGateway } from '../gateway/gateway-types.js';
import type { Principal } from '../identity/principal.js';
import { portRelation } from './example-queries.js';

export const SAMPLE_ROWS = 10;

export type SampleSection =
  | {
      readonly allowed: true;
      readonly sql: string;
      readonly columns: readonly { readonly name: string; readonly type: string }[];
      readonly rows: readonly Readonly<Record<string, ResultJsonValue>>[];
    }
  | { readonly allowed: false; readonly reason: string; readonly code?: string };

export async function sampleSection(
  gateway: QueryGateway,
  principal: Principal,
  product: DataProduct,
): Promise<SampleSection> {
  const port = product.outputPorts[0];
  if (!port) return { allowed: false, reason: `${product.id} has no output port` };
  const sql = `SELECT * FROM ${portRelation(product, port.name)} LIMIT ${SAMPLE_ROWS}`;
  try {
    const stream = await gateway.stream(
      principal,
      { sql, purpose: 'product detail sample' },
      { maxRows: SAMPLE_ROWS, onLimit: 'truncate', timeoutMs: 10_000 },
    );
    const rows: Record<string, ResultJsonValue>[] = [];
    for await (const chunk of stream.chunks()) {
      const columns = stream.columns.map((c, i) => jsonColumn(chunk, i, c.type));
      for (let r = 0; r < chunk.rowCount && rows.length < SAMPLE_ROWS; r++) {
        rows.push(Object.fromEntries(stream.columns.map((c, i) => [c.name, columns[i]![r] ?? null])));
      }
    }
    return { allowed: true, sql, columns: stream.columns.map((c) => ({ name: c.name, type: c.typeName })), rows };
  } catch (error) {
    if (error instanceof MeshworkError) return { allowed: false, reason: error.message, code: error.code };
    throw error;
  }
}
