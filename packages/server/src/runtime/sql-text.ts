/** Quoting for the SQL the runtime writes itself (names and literals from workspace files). */

/** A DuckDB identifier: always quoted, embedded quotes doubled. */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A DuckDB string literal: single quotes doubled; NUL bytes refused (DuckDB rejects them). */
export function quoteLiteral(value: string): string {
  if (value.includes('\u0000')) throw new Error('NUL byte in SQL literal');
  return `'${value.replace(/'/g, "''")}'`;
}

/** A list of string literals: `['a', 'b']`. */
export function quoteLiteralList(values: readonly string[]): string {
  return `[${values.map(quoteLiteral).join(', ')}]`;
}
