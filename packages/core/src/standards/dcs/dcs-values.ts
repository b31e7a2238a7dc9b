/** Type guards and small builders shared by the DCS→ODCS mappers. */
import { escapePointer } from '../schema-validator.js';

export type JsonObject = Record<string, unknown>;

/** An ODCS custom property: where everything without an ODCS field of its own goes. */
export interface CustomProperty {
  readonly property: string;
  readonly value: unknown;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isString(value: unknown): value is string {
  return typeof value === 'string';
}

export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

export function isInteger(value: unknown): value is number {
  return isFiniteNumber(value) && Number.isInteger(value);
}

export function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every(isString);
}

export function isScalar(value: unknown): value is string | number | boolean | null {
  return value === null || isString(value) || isFiniteNumber(value) || typeof value === 'boolean';
}

export function childPointer(pointer: string, key: string | number): string {
  return `${pointer}/${escapePointer(String(key))}`;
}

export function customProperty(property: string, value: unknown): CustomProperty {
  // ODCS requires a value; an absent one is recorded as null rather than lost.
  return { property, value: value === undefined ? null : value };
}

/**
 * Builds an output object without the members that are undefined or empty lists, so that the
 * ODCS document only holds what the source said.
 */
export function compact(members: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(members)) {
    if (value === undefined) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    setMember(out, key, value);
  }
  return out;
}

/**
 * Sets `object[key]` as an own member even for keys such as `__proto__`, which source
 * documents may contain and plain assignment would treat as the prototype.
 */
export function setMember(object: JsonObject, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}
