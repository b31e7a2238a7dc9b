/**
 * DuckDB's serialized parse trees (`json_serialize_sql`) read loosely. Core never imports DuckDB
 * and never trusts the tree's shape: a field of the wrong type reads as absent, so an unexpected
 * tree gives a lineage gap, never an exception.
 */

/** One object of the tree: a query node, a table reference, an expression, a modifier… */
export interface SqlNode {
  readonly [key: string]: unknown;
}

export function asNode(value: unknown): SqlNode | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as SqlNode) : undefined;
}

/** The objects of an array field (anything else in it is skipped). */
export function asNodes(value: unknown): SqlNode[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const n = asNode(item);
    return n ? [n] : [];
  });
}

export function asText(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function asTexts(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** The value of an integer constant (`GROUP BY 1`, `ORDER BY 2`), else undefined. */
export function integerConstant(expression: SqlNode | undefined): number | undefined {
  if (expression?.class !== 'CONSTANT') return undefined;
  const value = asNode(expression.value);
  const type = asText(asNode(value?.type)?.id);
  if (!/INT/.test(type)) return undefined;
  const n = value?.value;
  return typeof n === 'number' && Number.isSafeInteger(n) ? n : undefined;
}

/** Names compare as DuckDB compares identifiers: case-insensitively. */
export function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
