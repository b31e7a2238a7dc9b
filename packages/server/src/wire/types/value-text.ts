/**
 * Text of any DuckDB value, chosen by the value's class: used where the column type does not fix
 * one encoder (UNION members, values nested in a STRUCT/MAP rendered as JSON, arrays' elements).
 * Column encoders (column-types.ts) call the specific functions directly for speed.
 */
import {
  DuckDBArrayValue,
  DuckDBBitValue,
  DuckDBBlobValue,
  DuckDBDateValue,
  DuckDBDecimalValue,
  DuckDBIntervalValue,
  DuckDBListValue,
  DuckDBMapValue,
  DuckDBStructValue,
  DuckDBTimeNSValue,
  DuckDBTimeTZValue,
  DuckDBTimeValue,
  DuckDBTimestampMillisecondsValue,
  DuckDBTimestampNanosecondsValue,
  DuckDBTimestampSecondsValue,
  DuckDBTimestampTZValue,
  DuckDBTimestampValue,
  DuckDBUnionValue,
  type DuckDBValue,
} from '@duckdb/node-api';
import { decimalText, float8Text } from './number-text.js';
import { dateText, intervalText, offsetText, timeText, timestampText } from './temporal-text.js';

export function blobText(bytes: Uint8Array): string {
  return `\\x${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex')}`;
}

export function dateValueText(value: DuckDBDateValue): string {
  if (value.days === DuckDBDateValue.PosInf.days) return 'infinity';
  if (value.days === DuckDBDateValue.NegInf.days) return '-infinity';
  return dateText(value.days);
}

function infinite(micros: bigint, posInf: bigint, negInf: bigint): string | undefined {
  if (micros === posInf) return 'infinity';
  if (micros === negInf) return '-infinity';
  return undefined;
}

export function timestampValueText(value: DuckDBTimestampValue | DuckDBTimestampTZValue): string {
  const withZone = value instanceof DuckDBTimestampTZValue;
  const cls = withZone ? DuckDBTimestampTZValue : DuckDBTimestampValue;
  return infinite(value.micros, cls.PosInf.micros, cls.NegInf.micros) ?? timestampText(value.micros, withZone);
}

export function timestampSecondsText(value: DuckDBTimestampSecondsValue): string {
  const { PosInf, NegInf } = DuckDBTimestampSecondsValue;
  return infinite(value.seconds, PosInf.seconds, NegInf.seconds) ?? timestampText(value.seconds * 1_000_000n, false);
}

export function timestampMillisText(value: DuckDBTimestampMillisecondsValue): string {
  const { PosInf, NegInf } = DuckDBTimestampMillisecondsValue;
  return infinite(value.millis, PosInf.millis, NegInf.millis) ?? timestampText(value.millis * 1000n, false);
}

export function timestampNanosText(value: DuckDBTimestampNanosecondsValue): string {
  const { PosInf, NegInf } = DuckDBTimestampNanosecondsValue;
  // PostgreSQL keeps microseconds; nanoseconds are truncated toward the past.
  const micros = value.nanos >= 0n ? value.nanos / 1000n : (value.nanos - 999n) / 1000n;
  return infinite(value.nanos, PosInf.nanos, NegInf.nanos) ?? timestampText(micros, false);
}

export function timeTZText(value: DuckDBTimeTZValue): string {
  return `${timeText(value.micros)}${offsetText(value.offset)}`;
}

/** An element of a PostgreSQL array literal: quoted when it would otherwise be misread. */
function arrayElement(text: string): string {
  if (text === '' || /[{}",\\\s]/.test(text) || text.toUpperCase() === 'NULL') {
    return `"${text.replace(/[\\"]/g, '\\$&')}"`;
  }
  return text;
}

/** `{1,2,NULL}`; elements are rendered with `element`. */
export function arrayLiteral(items: readonly DuckDBValue[], element: (value: DuckDBValue) => string): string {
  return `{${items.map((item) => (item === null ? 'NULL' : arrayElement(element(item)))).join(',')}}`;
}

export function valueText(value: DuckDBValue): string {
  switch (typeof value) {
    case 'boolean':
      return value ? 't' : 'f';
    case 'number':
      return Number.isInteger(value) ? String(value) : float8Text(value);
    case 'bigint':
      return String(value);
    case 'string':
      return value;
    default:
  }
  if (value === null) return '';
  if (value instanceof DuckDBDateValue) return dateValueText(value);
  if (value instanceof DuckDBTimestampValue || value instanceof DuckDBTimestampTZValue) {
    return timestampValueText(value);
  }
  if (value instanceof DuckDBTimestampSecondsValue) return timestampSecondsText(value);
  if (value instanceof DuckDBTimestampMillisecondsValue) return timestampMillisText(value);
  if (value instanceof DuckDBTimestampNanosecondsValue) return timestampNanosText(value);
  if (value instanceof DuckDBTimeValue) return timeText(value.micros);
  if (value instanceof DuckDBTimeNSValue) return timeText(value.nanos / 1000n);
  if (value instanceof DuckDBTimeTZValue) return timeTZText(value);
  if (value instanceof DuckDBIntervalValue) return intervalText(value.months, value.days, value.micros);
  if (value instanceof DuckDBDecimalValue) return decimalText(value.value, value.scale);
  if (value instanceof DuckDBBlobValue) return blobText(value.bytes);
  if (value instanceof DuckDBUnionValue) return value.value === null ? '' : valueText(value.value);
  if (value instanceof DuckDBListValue || value instanceof DuckDBArrayValue) {
    const nested = value.items.some(
      (item) =>
        item instanceof DuckDBListValue ||
        item instanceof DuckDBArrayValue ||
        item instanceof DuckDBStructValue ||
        item instanceof DuckDBMapValue,
    );
    return nested ? valueJson(value) : arrayLiteral(value.items, valueText);
  }
  if (value instanceof DuckDBStructValue || value instanceof DuckDBMapValue) return valueJson(value);
  if (value instanceof DuckDBBitValue) return value.toString();
  return String(value);
}

/** JSON text of a value, for STRUCT and MAP columns and nested lists. */
export function valueJson(value: DuckDBValue): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      return Number.isFinite(value) ? String(value) : JSON.stringify(float8Text(value));
    case 'bigint':
      return String(value);
    case 'string':
      return JSON.stringify(value);
    default:
  }
  if (value instanceof DuckDBListValue || value instanceof DuckDBArrayValue) {
    return `[${value.items.map(valueJson).join(',')}]`;
  }
  if (value instanceof DuckDBStructValue) {
    const entries = Object.entries(value.entries).map(([key, item]) => `${JSON.stringify(key)}:${valueJson(item)}`);
    return `{${entries.join(',')}}`;
  }
  if (value instanceof DuckDBMapValue) {
    const entries = value.entries.map(({ key, value: item }) => `${JSON.stringify(valueText(key))}:${valueJson(item)}`);
    return `{${entries.join(',')}}`;
  }
  if (value instanceof DuckDBUnionValue) return valueJson(value.value);
  if (value instanceof DuckDBDecimalValue) return decimalText(value.value, value.scale);
  return JSON.stringify(valueText(value));
}
