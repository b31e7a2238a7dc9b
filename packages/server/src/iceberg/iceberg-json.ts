/**
 * JSON for Iceberg: 64-bit longs survive the trip. `JSON.parse` rounds 8656952484400131532 to
 * 8656952484400131000, so metadata files and REST bodies are parsed with lossless-json: every
 * integer that is not a safe JS integer becomes a `bigint`, and `bigint`s are written back as bare
 * JSON numbers. Readers then turn the fields that are longs by the spec (snapshot ids) into
 * `bigint` with `toLong`, whatever size they had.
 */
import { isSafeNumber, parse, stringify } from 'lossless-json';

/** Parses JSON text; integers beyond ±2^53 come back as `bigint`, everything else as JSON.parse would. */
export function parseIcebergJson(text: string): unknown {
  return parse(text, null, (value: string) => {
    if (/^-?\d+$/.test(value) && !isSafeNumber(value)) return BigInt(value);
    return Number(value);
  });
}

/** Writes JSON with `bigint`s as bare numbers; `space` as for JSON.stringify. */
export function stringifyIcebergJson(value: unknown, space?: number): string {
  const text = stringify(value, null, space);
  if (text === undefined) throw new TypeError('value cannot be written as JSON');
  return text;
}

/** A long field read from parsed JSON as a `bigint`; undefined when it is not an integer. */
export function toLong(value: unknown): bigint | undefined {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  if (typeof value === 'string' && /^-?\d{1,19}$/.test(value)) return BigInt(value);
  return undefined;
}
