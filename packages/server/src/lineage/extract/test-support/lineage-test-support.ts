/**
 * Test support for the lineage extractor: parse trees from a real DuckDB (the shapes the
 * extractor meets in runs), and sources written compactly as `relation.column:transform`.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import {
  extractStatementLineage,
  type ColumnSource,
  type RelationColumns,
  type StatementLineage,
} from '@meshwork/core';
import { parseStepSql } from '../parse-step-sql.js';

let shared: Promise<DuckDBConnection> | undefined;

/** One in-memory DuckDB for a test file: parsing binds and reads nothing. */
export function parserConnection(): Promise<DuckDBConnection> {
  shared ??= DuckDBInstance.create(':memory:').then((db) => db.connect());
  return shared;
}

export async function parseTree(sql: string): Promise<unknown> {
  const parsed = await parseStepSql(await parserConnection(), sql);
  if ('reason' in parsed) throw new Error(`test SQL does not parse: ${parsed.reason}\n${sql}`);
  return parsed.statement;
}

export async function lineageOf(
  sql: string,
  relations: RelationColumns,
  outputColumns?: readonly string[],
): Promise<StatementLineage> {
  return extractStatementLineage(await parseTree(sql), relations, outputColumns ? { outputColumns } : {});
}

/** `orders.amount:aggregate` → a ColumnSource. */
export function source(text: string): ColumnSource {
  const match = /^([^.]+)\.(.+):(\w+)$/.exec(text);
  if (!match) throw new Error(`bad source "${text}"`);
  return { relation: match[1]!, column: match[2]!, transform: match[3] as ColumnSource['transform'] };
}

/** Sources as compact text, in the extractor's order. */
export function compact(sources: readonly ColumnSource[]): string[] {
  return sources.map((s) => `${s.relation}.${s.column}:${s.transform}`);
}
