/**
 * Canonical JSON: object keys sorted by UTF-16 code units, no whitespace, numbers and strings as
 * ECMAScript serialises them — the RFC 8785 (JCS) shape. Audit hashes are computed over it, so the
 * same event hashes identically whichever database stored it and in whatever key order it arrived.
 */
import { InputError } from '@meshwork/core';

export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** Serialises plain JSON canonically; anything else (NaN, Date, undefined in arrays…) is an InputError. */
export function canonicalJson(value: unknown, path = '$'): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw notJson(path, String(value));
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return `[${value.map((item: unknown, index) => canonicalJson(item, `${path}[${index}]`)).join(',')}]`;
  }
  if (isPlainObject(value)) {
    // Undefined properties are dropped, as JSON.stringify does, so optional fields may stay unset.
    const entries = Object.keys(value)
      .sort()
      .filter((key) => value[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key], `${path}.${key}`)}`);
    return `{${entries.join(',')}}`;
  }
  throw notJson(path, describe(value));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function describe(value: unknown): string {
  if (typeof value === 'object' && value !== null) return value.constructor?.name ?? 'object';
  return typeof value;
}

function notJson(path: string, what: string): InputError {
  return new InputError(
    'MW6101',
    `${path} is ${what}, which is not plain JSON; use null, booleans, finite numbers, strings, arrays and plain objects.`,
  );
}
