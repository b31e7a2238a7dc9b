/**
 * Binary result formats (format code 1), which drivers such as pgjdbc and psycopg request for
 * types they decode natively. Each encoder writes the Int32 length and the bytes. Types without
 * a binary encoder here are refused at Bind (MW5416), never sent wrong.
 */
import type { DuckDBIntervalValue, DuckDBTimeTZValue, DuckDBTimeValue, DuckDBUUIDValue } from '@duckdb/node-api';
import {
  DuckDBDateValue,
  DuckDBDecimalValue,
  DuckDBTimeNSValue,
  DuckDBTimestampMillisecondsValue,
  DuckDBTimestampNanosecondsValue,
  DuckDBTimestampSecondsValue,
  DuckDBTimestampTZValue,
  DuckDBTimestampValue,
  type DuckDBValue,
} from '@duckdb/node-api';
import type { BackendWriter } from '../protocol/backend-writer.js';
import { OID } from './pg-types.js';

export type BinaryEncoder = (w: BackendWriter, value: DuckDBValue) => void;

/** PostgreSQL counts dates and timestamps from 2000-01-01; DuckDB from 1970-01-01. */
const PG_EPOCH_DAYS = 10_957;
const PG_EPOCH_MICROS = 946_684_800_000_000n;
const INT64_MAX = 0x7fffffffffffffffn;
const INT64_MIN = -0x8000000000000000n;

function fixed(size: number, write: (w: BackendWriter, value: DuckDBValue) => void): BinaryEncoder {
  return (w, value) => {
    w.int32(size);
    write(w, value);
  };
}

function date(w: BackendWriter, value: DuckDBValue): void {
  const days = (value as DuckDBDateValue).days;
  if (days === DuckDBDateValue.PosInf.days) w.int32(0x7fffffff);
  else if (days === DuckDBDateValue.NegInf.days) w.int32(-0x80000000);
  else w.int32(days - PG_EPOCH_DAYS);
}

/** Microseconds since 1970 of any DuckDB timestamp value, or ±infinity as undefined sentinel. */
function timestampMicros(value: DuckDBValue): bigint | 'infinity' | '-infinity' {
  if (value instanceof DuckDBTimestampValue || value instanceof DuckDBTimestampTZValue) {
    const cls = value instanceof DuckDBTimestampTZValue ? DuckDBTimestampTZValue : DuckDBTimestampValue;
    if (value.micros === cls.PosInf.micros) return 'infinity';
    if (value.micros === cls.NegInf.micros) return '-infinity';
    return value.micros;
  }
  if (value instanceof DuckDBTimestampSecondsValue) return value.seconds * 1_000_000n;
  if (value instanceof DuckDBTimestampMillisecondsValue) return value.millis * 1000n;
  if (value instanceof DuckDBTimestampNanosecondsValue) {
    return value.nanos >= 0n ? value.nanos / 1000n : (value.nanos - 999n) / 1000n;
  }
  throw new Error(`not a timestamp: ${String(value)}`);
}

function timestamp(w: BackendWriter, value: DuckDBValue): void {
  const micros = timestampMicros(value);
  if (micros === 'infinity') w.int64(INT64_MAX);
  else if (micros === '-infinity') w.int64(INT64_MIN);
  else w.int64(micros - PG_EPOCH_MICROS);
}

function time(w: BackendWriter, value: DuckDBValue): void {
  w.int64(value instanceof DuckDBTimeNSValue ? value.nanos / 1000n : (value as DuckDBTimeValue).micros);
}

function timetz(w: BackendWriter, value: DuckDBValue): void {
  const v = value as DuckDBTimeTZValue;
  w.int64(v.micros);
  // PostgreSQL stores the zone as seconds west of UTC.
  w.int32(-v.offset);
}

function interval(w: BackendWriter, value: DuckDBValue): void {
  const v = value as DuckDBIntervalValue;
  w.int64(v.micros);
  w.int32(v.days);
  w.int32(v.months);
}

function uuid(w: BackendWriter, value: DuckDBValue): void {
  w.bytes(Buffer.from((value as DuckDBUUIDValue).toString().replaceAll('-', ''), 'hex'));
}

/** NUMERIC's binary form: base-10000 digits with a weight, a sign and the display scale. */
export function numericBinary(w: BackendWriter, text: string): void {
  const negative = text.startsWith('-');
  const [intPart = '0', fracPart = ''] = (negative ? text.slice(1) : text).split('.');
  const intPadded = intPart.padStart(Math.ceil(intPart.length / 4) * 4, '0');
  const fracPadded = fracPart.padEnd(Math.ceil(fracPart.length / 4) * 4, '0');
  const groups: number[] = [];
  for (let i = 0; i < intPadded.length; i += 4) groups.push(Number(intPadded.slice(i, i + 4)));
  for (let i = 0; i < fracPadded.length; i += 4) groups.push(Number(fracPadded.slice(i, i + 4)));
  let weight = intPadded.length / 4 - 1;
  let first = 0;
  while (first < groups.length && groups[first] === 0) {
    first++;
    weight--;
  }
  let last = groups.length;
  while (last > first && groups[last - 1] === 0) last--;
  const digits = groups.slice(first, last);
  const finish = w.lengthPrefix();
  w.int16(digits.length);
  w.int16(digits.length === 0 ? 0 : weight);
  w.int16(negative && digits.length > 0 ? 0x4000 : 0);
  w.int16(fracPart.length);
  for (const digit of digits) w.int16(digit);
  finish();
}

function numeric(w: BackendWriter, value: DuckDBValue): void {
  if (value instanceof DuckDBDecimalValue) {
    const negative = value.value < 0n;
    const digits = (negative ? -value.value : value.value).toString().padStart(value.scale + 1, '0');
    const text = value.scale === 0 ? digits : `${digits.slice(0, -value.scale)}.${digits.slice(-value.scale)}`;
    numericBinary(w, `${negative ? '-' : ''}${text}`);
  } else {
    numericBinary(w, String(value));
  }
}

const SCALAR: ReadonlyMap<number, BinaryEncoder> = new Map<number, BinaryEncoder>([
  [OID.bool, fixed(1, (w, v) => w.byte(v ? 1 : 0))],
  [OID.int2, fixed(2, (w, v) => w.int16(v as number))],
  [OID.int4, fixed(4, (w, v) => w.int32(v as number))],
  [OID.int8, fixed(8, (w, v) => w.int64(BigInt(v as number | bigint)))],
  [OID.float4, fixed(4, (w, v) => w.float32(v as number))],
  [OID.float8, fixed(8, (w, v) => w.float64(v as number))],
  [OID.date, fixed(4, date)],
  [OID.timestamp, fixed(8, timestamp)],
  [OID.timestamptz, fixed(8, timestamp)],
  [OID.time, fixed(8, time)],
  [OID.timetz, fixed(12, timetz)],
  [OID.interval, fixed(16, interval)],
  [OID.uuid, fixed(16, uuid)],
  [OID.numeric, numeric],
  [
    OID.bytea,
    (w, v) => {
      const bytes = (v as { bytes: Uint8Array }).bytes;
      w.int32(bytes.length);
      w.bytes(bytes);
    },
  ],
]);

/** Types whose binary form is their UTF-8 text. */
const TEXTUAL = new Set<number>([OID.text, OID.varchar, OID.json]);

/**
 * The binary encoder of a scalar PostgreSQL type, or undefined when Meshwork has none.
 * `text` renders the value for the types whose binary form is their text.
 */
export function scalarBinaryEncoder(oid: number, text: (value: DuckDBValue) => string): BinaryEncoder | undefined {
  if (TEXTUAL.has(oid)) return (w, value) => w.lengthPrefixedText(text(value));
  return SCALAR.get(oid);
}

/** A one-dimensional array of `elementOid` (lower bound 1). */
export function arrayBinaryEncoder(elementOid: number, element: BinaryEncoder): BinaryEncoder {
  return (w, value) => {
    const items = (value as { items: readonly DuckDBValue[] }).items;
    const finish = w.lengthPrefix();
    w.int32(items.length === 0 ? 0 : 1);
    w.int32(items.some((item) => item === null) ? 1 : 0);
    w.uint32(elementOid);
    if (items.length > 0) {
      w.int32(items.length);
      w.int32(1);
    }
    for (const item of items) {
      if (item === null) w.int32(-1);
      else element(w, item);
    }
    finish();
  };
}
