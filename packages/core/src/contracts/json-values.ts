/**
 * Safe reads of untrusted JSON-like values. Contracts reach the classifier as parsed YAML that
 * may not be valid ODCS, so every read checks its type instead of trusting a schema, and own
 * keys only are read: `node.constructor` of a plain object must not look like a field.
 */
export type JsonRecord = Readonly<Record<string, unknown>>;

export function asRecord(value: unknown): JsonRecord | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonRecord) : undefined;
}

export function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

export function fieldOf(node: JsonRecord | undefined, key: string): unknown {
  return node !== undefined && Object.hasOwn(node, key) ? node[key] : undefined;
}

export function stringOf(node: JsonRecord | undefined, key: string): string | undefined {
  const value = fieldOf(node, key);
  return typeof value === 'string' ? value : undefined;
}

/** A string that says something: trimmed, empty counts as absent. */
export function textOf(node: JsonRecord | undefined, key: string): string | undefined {
  const value = stringOf(node, key)?.trim();
  return value === '' ? undefined : value;
}

export function numberOf(node: JsonRecord | undefined, key: string): number | undefined {
  const value = fieldOf(node, key);
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function booleanOf(node: JsonRecord | undefined, key: string): boolean | undefined {
  const value = fieldOf(node, key);
  return typeof value === 'boolean' ? value : undefined;
}

/**
 * A canonical text of a value: object keys sorted, absent and `undefined` alike, safe on
 * cycles and absurd depth. Two values with the same text are the same for the classifier.
 */
export function canonicalText(value: unknown): string {
  const seen = new Set<object>();
  const walk = (item: unknown, depth: number): string => {
    if (item === undefined) return 'undefined';
    if (typeof item === 'bigint') return `${item}n`;
    if (typeof item !== 'object' || item === null) {
      return typeof item === 'number' && !Number.isFinite(item) ? String(item) : (JSON.stringify(item) ?? String(item));
    }
    if (seen.has(item) || depth > 64) return '"…"';
    seen.add(item);
    const text = Array.isArray(item)
      ? `[${item.map((entry) => walk(entry, depth + 1)).join(',')}]`
      : `{${Object.keys(item)
          .filter((key) => (item as JsonRecord)[key] !== undefined)
          .sort()
          .map((key) => `${JSON.stringify(key)}:${walk((item as JsonRecord)[key], depth + 1)}`)
          .join(',')}}`;
    seen.delete(item);
    return text;
  };
  return walk(value, 0);
}

export function sameValue(a: unknown, b: unknown): boolean {
  return canonicalText(a) === canonicalText(b);
}

/** A JSON pointer (RFC 6901) from path segments. */
export function pointerOf(...segments: readonly (string | number)[]): string {
  return segments.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** Extends a pointer by segments. */
export function under(pointer: string, ...segments: readonly (string | number)[]): string {
  return pointer + pointerOf(...segments);
}
