/**
 * Column bounds in Iceberg's binary single-value serialization (spec, "Binary single-value
 * serialization"), the form `lower_bounds` and `upper_bounds` take in a manifest:
 *
 * - boolean: one byte, 0x00 false and 0x01 true;
 * - int and date (days since 1970-01-01): 4 bytes little-endian;
 * - long, time, timestamp and timestamptz (microseconds): 8 bytes little-endian;
 * - float and double: IEEE 754, little-endian;
 * - string: the UTF-8 bytes; binary: the bytes (both truncated, see bound-truncation.ts);
 * - decimal(P,S): the unscaled value, two's complement big-endian in the fewest bytes that hold it.
 *
 * Values arrive as the text `parquet-stats-query.ts` makes of a Parquet statistic, which is exact
 * for every type listed here. Any text that does not parse is no bound at all: a missing bound
 * only costs pruning, a wrong one loses rows.
 *
 * uuid gets no bounds: engines disagree on how uuids order (Iceberg's Java reader long compared
 * them as signed numbers, Parquet and DuckDB as unsigned bytes), and a bound read in the other
 * order would skip files that hold matching rows.
 */
import {
  truncateBinaryLower,
  truncateBinaryUpper,
  truncateStringLower,
  truncateStringUpper,
} from './bound-truncation.js';

export type BoundValue = bigint | number | boolean | string | Uint8Array;

/** How a primitive's bounds are parsed, ordered and written. */
export type BoundKind =
  | { readonly kind: 'boolean' }
  | { readonly kind: 'int32' }
  | { readonly kind: 'int64' }
  | { readonly kind: 'float' }
  | { readonly kind: 'double' }
  | { readonly kind: 'string' }
  | { readonly kind: 'binary' }
  | { readonly kind: 'decimal'; readonly scale: number };

/** The bound kind of an Iceberg primitive type; undefined for types that get no bounds. */
export function boundKind(icebergType: string): BoundKind | undefined {
  switch (icebergType) {
    case 'boolean':
      return { kind: 'boolean' };
    case 'int':
    case 'date':
      return { kind: 'int32' };
    case 'long':
    case 'time':
    case 'timestamp':
    case 'timestamptz':
      return { kind: 'int64' };
    case 'float':
    case 'double':
    case 'string':
    case 'binary':
      return { kind: icebergType };
  }
  const decimal = /^decimal\(\s*\d+\s*,\s*(\d+)\s*\)$/.exec(icebergType);
  return decimal ? { kind: 'decimal', scale: Number(decimal[1]) } : undefined;
}

const INT32_MIN = -(2n ** 31n);
const INT32_MAX = 2n ** 31n - 1n;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** The value a statistic's text stands for; undefined when it is not one exactly. */
export function parseBound(kind: BoundKind, text: string): BoundValue | undefined {
  switch (kind.kind) {
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : undefined;
    case 'int32':
      return integer(text, INT32_MIN, INT32_MAX);
    case 'int64':
      return integer(text, INT64_MIN, INT64_MAX);
    case 'float':
    case 'double': {
      // NaN is never a bound, and DuckDB writes no statistic for infinities: keep to finite values.
      const value = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(text) ? Number(text) : Number.NaN;
      return Number.isFinite(value) ? value : undefined;
    }
    case 'string':
      return text;
    case 'binary':
      return /^([0-9a-f]{2})*$/i.test(text) ? Uint8Array.from(Buffer.from(text, 'hex')) : undefined;
    case 'decimal':
      return unscaled(text, kind.scale);
  }
}

/** Iceberg's order: numbers by value, strings by their UTF-8 bytes, binary bytes unsigned. */
export function compareBounds(a: BoundValue, b: BoundValue): number {
  if (typeof a === 'string' && typeof b === 'string') return Buffer.compare(Buffer.from(a), Buffer.from(b));
  if (a instanceof Uint8Array && b instanceof Uint8Array) return Buffer.compare(a, b);
  if (Object.is(a, -0) && Object.is(b, 0)) return -1;
  if (Object.is(a, 0) && Object.is(b, -0)) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The lower bound of a column whose smallest value is `value`, serialized; undefined: none. */
export function encodeLowerBound(kind: BoundKind, value: BoundValue): Buffer | undefined {
  // -0.0 orders before +0.0 in Iceberg; a minimum of 0 may stand for either (Parquet writers
  // leave the sign of zero unspecified), so the lower bound says -0.0.
  if ((kind.kind === 'float' || kind.kind === 'double') && value === 0) return encodeBound(kind, -0);
  if (kind.kind === 'string') return encodeBound(kind, truncateStringLower(value as string));
  if (kind.kind === 'binary') return encodeBound(kind, truncateBinaryLower(value as Uint8Array));
  return encodeBound(kind, value);
}

/** The upper bound of a column whose largest value is `value`, serialized; undefined: none. */
export function encodeUpperBound(kind: BoundKind, value: BoundValue): Buffer | undefined {
  // DuckDB reports -0.0 as the maximum of a column holding both zeros: the upper bound says +0.0.
  if ((kind.kind === 'float' || kind.kind === 'double') && value === 0) return encodeBound(kind, 0);
  if (kind.kind === 'string') {
    const upper = truncateStringUpper(value as string);
    return upper === undefined ? undefined : encodeBound(kind, upper);
  }
  if (kind.kind === 'binary') {
    const upper = truncateBinaryUpper(value as Uint8Array);
    return upper === undefined ? undefined : encodeBound(kind, upper);
  }
  return encodeBound(kind, value);
}

function encodeBound(kind: BoundKind, value: BoundValue): Buffer {
  switch (kind.kind) {
    case 'boolean':
      return Buffer.from([value ? 1 : 0]);
    case 'int32': {
      const buffer = Buffer.alloc(4);
      buffer.writeInt32LE(Number(value));
      return buffer;
    }
    case 'int64': {
      const buffer = Buffer.alloc(8);
      buffer.writeBigInt64LE(value as bigint);
      return buffer;
    }
    case 'float': {
      const buffer = Buffer.alloc(4);
      buffer.writeFloatLE(value as number);
      return buffer;
    }
    case 'double': {
      const buffer = Buffer.alloc(8);
      buffer.writeDoubleLE(value as number);
      return buffer;
    }
    case 'string':
      return Buffer.from(value as string, 'utf8');
    case 'binary':
      return Buffer.from(value as Uint8Array);
    case 'decimal':
      return twosComplementBigEndian(value as bigint);
  }
}

function integer(text: string, min: bigint, max: bigint): bigint | undefined {
  if (!/^-?\d+$/.test(text)) return undefined;
  const value = BigInt(text);
  return value >= min && value <= max ? value : undefined;
}

/** `-12.30` at scale 2 → -1230n; text with more fraction digits than the scale is refused. */
function unscaled(text: string, scale: number): bigint | undefined {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return undefined;
  const fraction = match[3] ?? '';
  if (fraction.length > scale) return undefined;
  const digits = BigInt(`${match[2]}${fraction.padEnd(scale, '0')}`);
  return match[1] === '-' ? -digits : digits;
}

/** The fewest bytes whose two's complement, big-endian, is `value`. */
function twosComplementBigEndian(value: bigint): Buffer {
  let length = 1;
  while (value < -(2n ** BigInt(8 * length - 1)) || value >= 2n ** BigInt(8 * length - 1)) length += 1;
  const bytes = Buffer.alloc(length);
  let rest = BigInt.asUintN(8 * length, value);
  for (let at = length - 1; at >= 0; at -= 1) {
    bytes[at] = Number(rest & 0xffn);
    rest >>= 8n;
  }
  return bytes;
}
