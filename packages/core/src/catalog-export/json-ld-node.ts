/** Builds JSON-LD nodes in a fixed key order, leaving out absent values and empty lists. */
import type { JsonLdNode, JsonLdValue } from './dcat-types.js';

export function jsonLdNode(entries: readonly (readonly [string, JsonLdValue | undefined])[]): JsonLdNode {
  const node: Record<string, JsonLdValue> = {};
  for (const [key, value] of entries) {
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    node[key] = value;
  }
  return Object.freeze(node);
}

/** A reference to another node by IRI. */
export function ref(id: string): JsonLdNode {
  return { '@id': id };
}

/** Sorted, without repeats: arrays in the export never depend on input order. */
export function sortedUnique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}
