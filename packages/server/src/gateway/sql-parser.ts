/**
 * Parsing with DuckDB's own parser (`json_serialize_sql`), so the gateway checks exactly the tree
 * DuckDB will execute — no second SQL grammar that could disagree with it. Parsing binds nothing
 * and reads nothing: the user's text is a string parameter of the call.
 */
import { InputError, NotAllowedError } from '@meshwork/core';
import type { DuckDBPreparedStatement } from '@duckdb/node-api';
import { parseAstJson, stringifyAstJson, type AstObject } from './ast-json.js';

export const MAX_SQL_LENGTH = 1_000_000;

const SERIALIZE = 'SELECT json_serialize_sql($1::VARCHAR)';
const DESERIALIZE = 'SELECT json_deserialize_sql($1::JSON)';

/**
 * Where the parser's two statements come from: a pooled connection keeps them prepared
 * (`ConnectionLease.ownStatement`), so a parse is one call into DuckDB instead of five (extract,
 * prepare, execute, two fetches) — it happens twice for every query whose text is new.
 */
export interface ParserStatements {
  ownStatement(sql: string): Promise<DuckDBPreparedStatement>;
}

/** Runs one of the parser's statements on `text`; its single value. */
async function callParser(connection: ParserStatements, sql: string, text: string): Promise<string> {
  const statement = await connection.ownStatement(sql);
  statement.bindVarchar(1, text);
  const result = await statement.run();
  // One row, so one chunk, already in memory.
  return String(result.getChunk(0).getColumnVector(0).getItem(0));
}

/** The one statement of `sql`, or a domain error saying why not. */
export async function parseStatement(connection: ParserStatements, sql: string): Promise<AstObject> {
  if (sql.length > MAX_SQL_LENGTH) {
    throw new InputError('MW5017', `the query text is longer than ${MAX_SQL_LENGTH} characters`);
  }
  if (sql.trim() === '' || /^[\s;]*$/.test(sql)) throw new InputError('MW5002', 'the query is empty');
  const tree = parseAstJson(await callParser(connection, SERIALIZE, sql));
  if (tree.error === true) throw parseFailure(sql, tree);
  const statements = Array.isArray(tree.statements) ? tree.statements : [];
  if (statements.length === 0) throw new InputError('MW5002', 'the query is empty');
  if (statements.length > 1) {
    throw new InputError('MW5003', `send one statement at a time (this text has ${statements.length})`);
  }
  return statements[0] as AstObject;
}

/** SQL text of a (rewritten) statement tree. */
export async function renderStatement(connection: ParserStatements, statement: AstObject): Promise<string> {
  return callParser(connection, DESERIALIZE, stringifyAstJson({ error: false, statements: [statement] }));
}

function parseFailure(sql: string, tree: AstObject): Error {
  const type = String(tree.error_type ?? '');
  const message = String(tree.error_message ?? 'cannot parse the query');
  if (type === 'not implemented' || /only select statements/i.test(message)) {
    const keyword = /^\s*([a-z]+)/i.exec(sql.replace(/^(\s|--[^\n]*\n|\/\*[\s\S]*?\*\/)*/, ''))?.[1]?.toUpperCase();
    return new NotAllowedError(
      'MW5002',
      `only read queries are allowed through the gateway${keyword ? ` (not ${keyword})` : ''}`,
    );
  }
  // DuckDB's own nesting limit: the gateway's "too large" code, without DuckDB's advice to SET a
  // setting the gateway refuses.
  if (/max expression depth/i.test(message)) {
    return new InputError('MW5017', 'the query is nested too deeply or is too large for the gateway');
  }
  const position = Number(tree.position);
  return new InputError('MW5001', `${message}${Number.isFinite(position) ? ` ${locate(sql, position)}` : ''}`);
}

/** "at line L, column C" for a 0-based character offset. */
export function locate(sql: string, offset: number): string {
  const before = sql.slice(0, Math.max(0, offset));
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `at line ${line}, column ${column}`;
}
