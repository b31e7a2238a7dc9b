/**
 * Names in Trino's rules and SQL. Rule fields are Java regular expressions that must match the
 * whole name, so every name is written with its metacharacters escaped: `ana.s` must not also
 * match `anaXs`, and `orders` must not match the metadata table `orders$files` (whose min/max
 * statistics would show masked values).
 */

/** A Java (and JavaScript) regular expression matching exactly `name`. */
export function exactPattern(name: string): string {
  return name.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&');
}

/** A Trino SQL identifier, double-quoted; Trino folds identifiers to lower case. */
export function trinoIdentifier(name: string): string {
  return `"${name.toLowerCase().replace(/"/g, '""')}"`;
}

/** A Trino SQL string literal. */
export function trinoString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
