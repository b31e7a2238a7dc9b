/**
 * Reading request bodies (parsed with parseIcebergJson) field by field, so that every refusal
 * names the field as a JSON pointer (`/updates/2/snapshot/snapshot-id`) and says what it must be.
 * Longs come back as `bigint` whatever their size; ints must be safe JS integers.
 *
 * @example
 *   const body = jsonObject(parsed, '');
 *   const name = requiredString(body, 'name', '');   // InputError "/name: required, a string"
 */
import { InputError } from '@meshwork/core';
import { toLong } from '../iceberg-json.js';

export type JsonObject = Readonly<Record<string, unknown>>;

/** `base/key` with the key escaped as RFC 6901 says. */
export function pointer(base: string, key: string | number): string {
  return `${base}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

export function invalid(at: string, message: string): InputError {
  return new InputError('MW8250', `${at === '' ? 'the request body' : at}: ${message}`);
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function jsonObject(value: unknown, at: string): JsonObject {
  if (!isObject(value)) throw invalid(at, 'must be a JSON object');
  return value;
}

export function jsonArray(value: unknown, at: string): readonly unknown[] {
  if (!Array.isArray(value)) throw invalid(at, 'must be a JSON array');
  return value;
}

function present(object: JsonObject, key: string): boolean {
  return Object.hasOwn(object, key) && object[key] !== undefined;
}

export function requiredString(object: JsonObject, key: string, at: string): string {
  const value = object[key];
  if (typeof value !== 'string')
    throw invalid(pointer(at, key), present(object, key) ? 'must be a string' : 'is required (a string)');
  return value;
}

export function optionalString(object: JsonObject, key: string, at: string): string | undefined {
  return present(object, key) && object[key] !== null ? requiredString(object, key, at) : undefined;
}

export function requiredInt(object: JsonObject, key: string, at: string): number {
  const value = object[key];
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw invalid(pointer(at, key), present(object, key) ? 'must be an integer' : 'is required (an integer)');
  }
  return value;
}

export function optionalInt(object: JsonObject, key: string, at: string): number | undefined {
  return present(object, key) && object[key] !== null ? requiredInt(object, key, at) : undefined;
}

/** A 64-bit long, exactly: parseIcebergJson keeps those beyond 2^53 as bigint. */
export function requiredLong(object: JsonObject, key: string, at: string): bigint {
  if (!present(object, key)) throw invalid(pointer(at, key), 'is required (a 64-bit integer)');
  return longValue(object[key], pointer(at, key));
}

export function longValue(value: unknown, at: string): bigint {
  const long = typeof value === 'string' ? undefined : toLong(value);
  if (long === undefined || long < -(2n ** 63n) || long >= 2n ** 63n) throw invalid(at, 'must be a 64-bit integer');
  return long;
}

export function optionalLong(object: JsonObject, key: string, at: string): bigint | undefined {
  return present(object, key) && object[key] !== null ? requiredLong(object, key, at) : undefined;
}

export function requiredBoolean(object: JsonObject, key: string, at: string): boolean {
  const value = object[key];
  if (typeof value !== 'boolean')
    throw invalid(pointer(at, key), present(object, key) ? 'must be true or false' : 'is required (true or false)');
  return value;
}

export function optionalBoolean(object: JsonObject, key: string, at: string): boolean | undefined {
  return present(object, key) && object[key] !== null ? requiredBoolean(object, key, at) : undefined;
}

export function requiredObject(object: JsonObject, key: string, at: string): JsonObject {
  if (!present(object, key)) throw invalid(pointer(at, key), 'is required (an object)');
  return jsonObject(object[key], pointer(at, key));
}

export function requiredArray(object: JsonObject, key: string, at: string): readonly unknown[] {
  if (!present(object, key)) throw invalid(pointer(at, key), 'is required (an array)');
  return jsonArray(object[key], pointer(at, key));
}

/** A string → string map (properties); absent gives `{}`. */
export function stringMap(object: JsonObject, key: string, at: string): Record<string, string> {
  if (!present(object, key) || object[key] === null) return {};
  const map = jsonObject(object[key], pointer(at, key));
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(map)) {
    if (typeof value !== 'string') throw invalid(pointer(pointer(at, key), name), 'must be a string');
    out[name] = value;
  }
  return out;
}

/** A list of strings; absent gives `[]`. */
export function stringList(object: JsonObject, key: string, at: string): string[] {
  if (!present(object, key) || object[key] === null) return [];
  return jsonArray(object[key], pointer(at, key)).map((value, index) => {
    if (typeof value !== 'string') throw invalid(pointer(pointer(at, key), index), 'must be a string');
    return value;
  });
}
