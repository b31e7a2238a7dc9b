/**
 * The checks every part of a received OpenLineage event is made of — an object, a name, a URI,
 * an RFC 3339 date-time, a bounded nesting depth — each failing with InputError MW8851 that names
 * the JSON pointer of the value at fault, and the limits that keep one event cheap to accept.
 */
import { InputError } from '@meshwork/core';
import type { JsonValue } from '../metadata/canonical-json.js';

export const LINEAGE_LIMITS = {
  /** Bytes of one event (10 times that for a batch). */
  maxEventBytes: 1024 * 1024,
  maxBatchEvents: 1000,
  /** Inputs and outputs together. */
  maxDatasets: 1000,
  /** Facets in one `facets` (or `inputFacets`, `outputFacets`) object. */
  maxFacets: 100,
  /** Fields of a `schema` facet (nested ones included) or columns of a `columnLineage` facet. */
  maxFields: 10_000,
  /** Input fields of one `columnLineage` facet. */
  maxInputFields: 100_000,
  maxDepth: 64,
  /** Namespaces, names, producer and schema URLs (the metadata store keeps up to 2000). */
  maxNameLength: 2000,
} as const;

export type Json = { readonly [key: string]: JsonValue };

export const UUID = /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;
/** An absolute URI (RFC 3986): a scheme, then no whitespace or characters a URI never holds. */
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:(?:[^\s<>"{}|\\^`%]|%[0-9A-Fa-f]{2})*$/;

export function object(value: JsonValue | undefined, pointer: string): Json {
  if (value === undefined) throw invalid(pointer, 'is required');
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid(pointer, 'must be an object');
  return value as Json;
}

export function name(value: JsonValue | undefined, pointer: string): string {
  if (value === undefined) throw invalid(pointer, 'is required');
  if (typeof value !== 'string') throw invalid(pointer, 'must be a string');
  if (value.trim() === '') throw invalid(pointer, 'must not be empty');
  if (value.length > LINEAGE_LIMITS.maxNameLength) {
    throw invalid(pointer, `is ${value.length} characters long; at most ${LINEAGE_LIMITS.maxNameLength} are accepted`);
  }
  return value;
}

export function uri(value: JsonValue | undefined, pointer: string): string {
  const text = name(value, pointer);
  if (!URI.test(text)) throw invalid(pointer, 'must be a URI (with a scheme, e.g. https://…)');
  return text;
}

/** RFC 3339, as the spec's `format: date-time`: a real calendar date and time, with a zone. */
export function dateTime(value: JsonValue | undefined, pointer: string): string {
  if (value === undefined) throw invalid(pointer, 'is required');
  if (typeof value !== 'string') throw invalid(pointer, 'must be a string');
  const match = DATE_TIME.exec(value);
  const parts = match ? match.slice(1, 7).map(Number) : [];
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = parts;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const zone = match?.[7] === undefined ? [0, 0] : [Number(match[8]), Number(match[9])];
  const valid =
    match !== null &&
    year >= 1 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth &&
    hour <= 23 &&
    minute <= 59 &&
    // A leap second (…:60) is valid RFC 3339; Date cannot hold it, so it is read as the next second.
    second <= 60 &&
    zone[0]! <= 23 &&
    zone[1]! <= 59 &&
    Number.isFinite(Date.parse(value.replace(/:60(?=[.Zz+-])/, ':59')));
  if (!valid) throw invalid(pointer, 'must be an RFC 3339 date-time with a time zone, e.g. 2026-03-01T02:00:00.000Z');
  return value;
}

/** Depth first, without recursion: a hostile body must not overflow the stack here or when stored. */
export function checkDepth(value: unknown): void {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (depth > LINEAGE_LIMITS.maxDepth) {
      throw invalid('', `is nested more than ${LINEAGE_LIMITS.maxDepth} levels deep`);
    }
    for (const child of Array.isArray(node) ? node : Object.values(node)) stack.push([child, depth + 1]);
  }
}

/** A key as a JSON pointer token (RFC 6901). */
export function escape(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function invalid(pointer: string, problem: string): InputError {
  return new InputError('MW8851', `${pointer || '/'}: ${problem}`);
}
