/** Defensive readers of parsed YAML that may not match its schema (already reported). */
export type Loose = Record<string, unknown>;

export function isObject(value: unknown): value is Loose {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** The objects of an array-valued field with their indices (for pointers). */
export function list(value: unknown): [Loose, number][] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((v, i): [Loose, number][] => (isObject(v) ? [[v, i]] : []));
}
