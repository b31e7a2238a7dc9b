/**
 * How SQL names address product ports. Schemas are domains; a table name is the product's name
 * with `-` spelled `_` (`sales.order_lines`), or the original spelling quoted (`sales."order-lines"`).
 *
 *   sales.orders                 the default port (the first declared), current major version
 *   sales.orders_v1              major version 1 of the default port
 *   sales.orders_items           the port `items` (current major); `sales.orders_items_v2`
 *   sales."orders@v1"            the same as orders_v1, in the quoted form
 *   sales."orders@7253…"         one snapshot (its decimal id) of the current major
 *   sales.orders AT (VERSION => 7253…)   the same, in DuckDB's time-travel syntax
 *
 * Parsing a name only splits it; whether it exists is the relation catalog's business.
 */
export interface RelationName {
  readonly schema: string;
  /** Table name without any `@…` suffix, lowercased. */
  readonly table: string;
  readonly major?: number;
  readonly snapshotId?: string;
}

const SUFFIX = /^(.*)@(?:v(\d{1,6})|(\d{1,19}))$/;

export function parseRelationName(schema: string, table: string): RelationName {
  const match = SUFFIX.exec(table);
  if (!match) return { schema: schema.toLowerCase(), table: table.toLowerCase() };
  return {
    schema: schema.toLowerCase(),
    table: match[1]!.toLowerCase(),
    ...(match[2] !== undefined ? { major: Number(match[2]) } : {}),
    ...(match[3] !== undefined ? { snapshotId: match[3] } : {}),
  };
}

/** The SQL spelling of a product or port name: lowercase, `-` as `_`. */
export function sqlIdentifier(name: string): string {
  return name.toLowerCase().replace(/-/g, '_');
}

/** Double-quotes an identifier for generated SQL. */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Single-quotes a string literal for generated SQL. */
export function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
