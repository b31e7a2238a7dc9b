/**
 * DuckDB values as JSON values: the one conversion that the JSON, NDJSON and CSV encoders and
 * the CLI's table share, so that a value reads the same in every format.
 *
 * - numbers stay numbers when a JS number holds them exactly (TINYINT…INTEGER, UTINYINT…UINTEGER,
 *   FLOAT, DOUBLE); NaN and ±Infinity, which JSON cannot spell, become "NaN"/"Infinity"/"-Infinity";
 * - BIGINT, UBIGINT, HUGEINT, UHUGEINT, BIGNUM and DECIMAL are strings (exact digits);
 * - DATE, TIMESTAMP* and TIME* are ISO 8601 strings (TIMESTAMPTZ in UTC with `Z`), INTERVAL an
 *   ISO 8601 duration, infinite dates and timestamps "infinity"/"-infinity";
 * - BLOB and GEOMETRY (WKB) are base64; UUID, ENUM, BIT are their text;
 * - LIST and ARRAY are arrays, STRUCT an object, MAP an object when its keys are text (else an
 *   array of {key, value}), UNION its member's value, VARIANT its value.
 */
import {
  DuckDBArrayValue,
  DuckDBBitValue,
  DuckDBBlobValue,
  DuckDBDateValue,
  DuckDBDecimalValue,
  DuckDBGeometryValue,
  DuckDBIntervalValue,
  DuckDBListValue,
  DuckDBMapValue,
  DuckDBStructValue,
  DuckDBTimeNSValue,
  DuckDBTimestampMillisecondsValue,
  DuckDBTimestampNanosecondsValue,
  DuckDBTimestampSecondsValue,
  DuckDBTimestampTZValue,
  DuckDBTimestampValue,
  DuckDBTimeTZValue,
  DuckDBTimeValue,
  DuckDBTypeId,
  DuckDBUnionValue,
  DuckDBUUIDValue,
  DuckDBVariantValue,
  type DuckDBDataChunk,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api';
import {
  isoDate,
  isoInterval,
  isoTimeTz,
  isoTimestampMicros,
  isoTimestampNanos,
  timeOfDayMicros,
} from './temporal-text.js';

export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** One value; `type` is the column's (or the enclosing nested type's) DuckDB type. */
export function toJsonValue(value: DuckDBValue, type: DuckDBType | undefined): JsonValue {
  if (value === null) return null;
  if (typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return number(value, type?.typeId === DuckDBTypeId.FLOAT);
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof DuckDBDecimalValue) return value.toString();
  if (value instanceof DuckDBDateValue) return value.isFinite ? isoDate(value.days) : infinity(value.days > 0);
  if (value instanceof DuckDBTimestampValue) return timestamp(value.isFinite, value.micros, false);
  if (value instanceof DuckDBTimestampTZValue) return timestamp(value.isFinite, value.micros, true);
  if (value instanceof DuckDBTimestampSecondsValue) return timestamp(value.isFinite, value.seconds * 1_000_000n, false);
  if (value instanceof DuckDBTimestampMillisecondsValue) return timestamp(value.isFinite, value.millis * 1000n, false);
  if (value instanceof DuckDBTimestampNanosecondsValue)
    return value.isFinite ? isoTimestampNanos(value.nanos) : infinity(value.nanos > 0n);
  if (value instanceof DuckDBTimeValue) return timeOfDayMicros(value.micros);
  if (value instanceof DuckDBTimeNSValue) return value.toString();
  if (value instanceof DuckDBTimeTZValue) return isoTimeTz(value.micros, value.offset);
  if (value instanceof DuckDBIntervalValue) return isoInterval(value.months, value.days, value.micros);
  if (value instanceof DuckDBBlobValue || value instanceof DuckDBGeometryValue)
    return Buffer.from(value.bytes).toString('base64');
  if (value instanceof DuckDBUUIDValue || value instanceof DuckDBBitValue) return value.toString();
  if (value instanceof DuckDBListValue)
    return list(value.items, type?.typeId === DuckDBTypeId.LIST ? type.valueType : undefined);
  if (value instanceof DuckDBArrayValue)
    return list(value.items, type?.typeId === DuckDBTypeId.ARRAY ? type.valueType : undefined);
  if (value instanceof DuckDBStructValue) return struct(value, type);
  if (value instanceof DuckDBMapValue) return map(value, type);
  if (value instanceof DuckDBUnionValue) {
    const member =
      type?.typeId === DuckDBTypeId.UNION ? type.memberTypes[type.memberTags.indexOf(value.tag)] : undefined;
    return toJsonValue(value.value, member);
  }
  if (value instanceof DuckDBVariantValue) return toJsonValue(value.value, value.type);
  return String(value);
}

/** A column of a chunk, converted. */
export function jsonColumn(chunk: DuckDBDataChunk, index: number, type: DuckDBType): JsonValue[] {
  return chunk.getColumnValues(index).map((value) => toJsonValue(value, type));
}

function number(value: number, float32: boolean): number | string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity';
  return float32 ? shortestFloat32(value) : value;
}

/**
 * A FLOAT arrives widened to a double (0.1 becomes 0.10000000149011612): the shortest decimal
 * that rounds to the same 32-bit float is what DuckDB itself prints.
 */
function shortestFloat32(value: number): number {
  for (let digits = 1; digits <= 9; digits++) {
    const candidate = Number(value.toPrecision(digits));
    if (Math.fround(candidate) === value) return candidate;
  }
  return value;
}

function timestamp(finite: boolean, micros: bigint, utc: boolean): string {
  return finite ? isoTimestampMicros(micros, utc) : infinity(micros > 0n);
}

function infinity(positive: boolean): string {
  return positive ? 'infinity' : '-infinity';
}

function list(items: readonly DuckDBValue[], itemType: DuckDBType | undefined): JsonValue[] {
  return items.map((item) => toJsonValue(item, itemType));
}

function struct(value: DuckDBStructValue, type: DuckDBType | undefined): Record<string, JsonValue> {
  const types = type?.typeId === DuckDBTypeId.STRUCT ? type : undefined;
  const result = record();
  for (const [name, entry] of Object.entries(value.entries)) {
    const index = types ? types.entryNames.indexOf(name) : -1;
    result[name] = toJsonValue(entry, index >= 0 ? types!.entryTypes[index] : undefined);
  }
  return result;
}

/** Without a prototype: a field named `__proto__` is data, not a way to change the object. */
function record(): Record<string, JsonValue> {
  return Object.create(null) as Record<string, JsonValue>;
}

function map(value: DuckDBMapValue, type: DuckDBType | undefined): JsonValue {
  const keyType = type?.typeId === DuckDBTypeId.MAP ? type.keyType : undefined;
  const valueType = type?.typeId === DuckDBTypeId.MAP ? type.valueType : undefined;
  if (keyType?.typeId === DuckDBTypeId.VARCHAR) {
    // Map keys are unique, so text keys make a faithful object.
    const result = record();
    for (const entry of value.entries) result[String(entry.key)] = toJsonValue(entry.value, valueType);
    return result;
  }
  return value.entries.map((entry) => ({
    key: toJsonValue(entry.key, keyType),
    value: toJsonValue(entry.value, valueType),
  }));
}
