/**
 * A step's SQL as DuckDB's own parse tree (`json_serialize_sql`). Parsing binds and reads
 * nothing: the text is a parameter of the call. Integers beyond 2^53 are kept exact
 * (ast-json.ts), as for the gateway.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { parseAstJson, type AstObject } from '../../gateway/ast-json.js';

export type ParsedStep = { readonly statement: AstObject } | { readonly reason: string };

export async function parseStepSql(connection: DuckDBConnection, sql: string): Promise<ParsedStep> {
  const reader = await connection.runAndReadAll('SELECT json_serialize_sql($1::VARCHAR)', [sql]);
  const tree = parseAstJson(String(reader.getRows()[0]?.[0] ?? '{}'));
  if (tree.error === true) {
    return { reason: `DuckDB cannot parse it: ${String(tree.error_message ?? 'unknown error')}` };
  }
  const statements = Array.isArray(tree.statements) ? tree.statements : [];
  const [statement] = statements;
  if (statements.length !== 1 || statement === null || typeof statement !== 'object' || Array.isArray(statement)) {
    return { reason: `it has ${statements.length} statements where one SELECT is expected` };
  }
  return { statement };
}
