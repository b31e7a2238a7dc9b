/**
 * Quoting for the few places where contract text must become SQL text rather than a bound
 * parameter (identifiers, struct field names). Values from the contract are otherwise bound.
 */

/** A DuckDB identifier: `my "col"` → `"my ""col"""`. */
export function quoteIdentifier(name: string): string {
  assertNoNul(name);
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * A DuckDB string literal. DuckDB literals have no backslash escapes, so doubling the single
 * quote is the whole escaping.
 */
export function quoteLiteral(text: string): string {
  assertNoNul(text);
  return `'${text.replaceAll("'", "''")}'`;
}

/** DuckDB reads SQL as a C string: a NUL would end the statement early, so none may pass. */
function assertNoNul(text: string): void {
  if (text.includes('\u0000')) throw new Error('SQL text must not contain NUL characters');
}
