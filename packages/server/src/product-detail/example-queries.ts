/**
 * Example queries: a generated `SELECT * FROM <domain>.<relation> LIMIT 10` per output port
 * (named as the gateway names relations, gateway/relation-name.ts), then any the descriptor
 * lists in its `customProperties` under `exampleQueries` (a string, a list of strings, or a list
 * of `{ title?, sql }`).
 */
import type { DataProduct } from '@meshwork/core';
import { sqlIdentifier } from '../gateway/relation-name.js';

export interface ExampleQuery {
  readonly title: string;
  readonly sql: string;
  readonly source: 'generated' | 'descriptor';
}

/** The SQL name of a port's current major version. */
export function portRelation(product: DataProduct, port: string): string {
  const productName = sqlIdentifier(product.name);
  const first = product.outputPorts[0]?.name;
  const table =
    port === first || sqlIdentifier(port) === productName ? productName : `${productName}_${sqlIdentifier(port)}`;
  return `${sqlIdentifier(product.domain)}.${table}`;
}

export function exampleQueries(product: DataProduct): ExampleQuery[] {
  const ports = [...new Set(product.outputPorts.map((p) => p.name))];
  const generated = ports.map((port) => ({
    title: `First rows of ${port}`,
    sql: `SELECT * FROM ${portRelation(product, port)} LIMIT 10`,
    source: 'generated' as const,
  }));
  return [...generated, ...declared(product)];
}

function declared(product: DataProduct): ExampleQuery[] {
  const custom = (product.descriptor as unknown as { customProperties?: unknown }).customProperties;
  if (!Array.isArray(custom)) return [];
  const entry = custom.find(
    (p): p is { property: string; value: unknown } =>
      typeof p === 'object' && p !== null && (p as { property?: unknown }).property === 'exampleQueries',
  );
  if (!entry) return [];
  const values = Array.isArray(entry.value) ? entry.value : [entry.value];
  return values.flatMap((v, i): ExampleQuery[] => {
    if (typeof v === 'string' && v.trim() !== '') return [{ title: `Example ${i + 1}`, sql: v, source: 'descriptor' }];
    if (typeof v === 'object' && v !== null && typeof (v as { sql?: unknown }).sql === 'string') {
      const { sql, title } = v as { sql: string; title?: unknown };
      return [{ title: typeof title === 'string' ? title : `Example ${i + 1}`, sql, source: 'descriptor' }];
    }
    return [];
  });
}
