/**
 * DuckDB columns as Arrow columns, built straight into Arrow's buffers (validity bitmap, values,
 * offsets) so that nothing is lost on the way: 64-bit integers, DECIMAL as Decimal128,
 * timestamps in their own unit (Arrow's builders would take milliseconds), nested lists,
 * structs and maps as Arrow's nested types.
 *
 * DuckDB types without an Arrow counterpart the common readers agree on — HUGEINT/UHUGEINT and
 * BIGNUM (wider than 64 bits), INTERVAL, TIME WITH TIME ZONE, UUID, BIT, UNION, VARIANT — travel
 * as Utf8 with the same text the JSON encoder writes; GEOMETRY as its WKB bytes.
 */
import type * as Arrow from 'apache-arrow';
import {
  DuckDBArrayValue,
  DuckDBBlobValue,
  DuckDBDateValue,
  DuckDBDecimalValue,
  DuckDBGeometryValue,
  DuckDBListValue,
  DuckDBMapValue,
  DuckDBStructValue,
  DuckDBTimestampMillisecondsValue,
  DuckDBTimestampNanosecondsValue,
  DuckDBTimestampSecondsValue,
  DuckDBTimestampTZValue,
  DuckDBTimestampValue,
  DuckDBTimeValue,
  DuckDBTypeId,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api';
import { toJsonValue } from './json-value.js';

export type ArrowModule = typeof Arrow;

/** An Arrow type for a DuckDB type, and how to build a column of it from DuckDB values. */
export interface ArrowColumnPlan {
  readonly type: Arrow.DataType;
  build(values: readonly DuckDBValue[]): Arrow.Data;
}

export function planArrowColumn(arrow: ArrowModule, type: DuckDBType): ArrowColumnPlan {
  const a = arrow;
  switch (type.typeId) {
    case DuckDBTypeId.BOOLEAN:
      return plan(new a.Bool(), (t, v) => a.makeData({ type: t, ...valid(v), data: bits(v) }));
    case DuckDBTypeId.TINYINT:
      return plan(new a.Int8(), (t, v) => a.makeData({ type: t, ...valid(v), data: numbers(Int8Array, v) }));
    case DuckDBTypeId.SMALLINT:
      return plan(new a.Int16(), (t, v) => a.makeData({ type: t, ...valid(v), data: numbers(Int16Array, v) }));
    case DuckDBTypeId.INTEGER:
      return plan(new a.Int32(), (t, v) => a.makeData({ type: t, ...valid(v), data: numbers(Int32Array, v) }));
    case DuckDBTypeId.UTINYINT:
      return plan(new a.Uint8(), (t, v) => a.makeData({ type: t, ...valid(v), data: numbers(Uint8Array, v) }));
    case DuckDBTypeId.USMALLINT:
      return plan(new a.Uint16(), (t, v) => a.makeData({ type: t, ...valid(v), data: numbers(Uint16Array, v) }));
    case DuckDBTypeId.UINTEGER:
      return plan(new a.Uint32(), (t, v) => a.makeData({ type: t, ...valid(v), data: numbers(Uint32Array, v) }));
    case DuckDBTypeId.BIGINT:
      return plan(new a.Int64(), (t, v) => a.makeData({ type: t, ...valid(v), data: bigints(BigInt64Array, v, id) }));
    case DuckDBTypeId.UBIGINT:
      return plan(new a.Uint64(), (t, v) => a.makeData({ type: t, ...valid(v), data: bigints(BigUint64Array, v, id) }));
    case DuckDBTypeId.FLOAT:
      return plan(new a.Float32(), (t, v) => a.makeData({ type: t, ...valid(v), data: numbers(Float32Array, v) }));
    case DuckDBTypeId.DOUBLE:
      return plan(new a.Float64(), (t, v) => a.makeData({ type: t, ...valid(v), data: numbers(Float64Array, v) }));
    case DuckDBTypeId.DECIMAL:
      return plan(new a.Decimal(type.scale, type.width, 128), (t, v) =>
        a.makeData({ type: t, ...valid(v), data: decimals(v) }),
      );
    case DuckDBTypeId.DATE:
      return plan(new a.DateDay(), (t, v) =>
        a.makeData({
          type: t,
          ...valid(v),
          data: numbers(Int32Array, v, (x) => (x instanceof DuckDBDateValue ? x.days : 0)),
        }),
      );
    case DuckDBTypeId.TIME:
      return plan(new a.TimeMicrosecond(), (t, v) =>
        a.makeData({
          type: t,
          ...valid(v),
          data: bigints(BigInt64Array, v, (x) => (x instanceof DuckDBTimeValue ? x.micros : 0n)),
        }),
      );
    case DuckDBTypeId.TIMESTAMP:
      return plan(new a.TimestampMicrosecond(), (t, v) =>
        a.makeData({
          type: t,
          ...valid(v),
          data: bigints(BigInt64Array, v, (x) => (x instanceof DuckDBTimestampValue ? x.micros : 0n)),
        }),
      );
    case DuckDBTypeId.TIMESTAMP_TZ:
      return plan(new a.TimestampMicrosecond('UTC'), (t, v) =>
        a.makeData({
          type: t,
          ...valid(v),
          data: bigints(BigInt64Array, v, (x) => (x instanceof DuckDBTimestampTZValue ? x.micros : 0n)),
        }),
      );
    case DuckDBTypeId.TIMESTAMP_S:
      return plan(new a.TimestampSecond(), (t, v) =>
        a.makeData({
          type: t,
          ...valid(v),
          data: bigints(BigInt64Array, v, (x) => (x instanceof DuckDBTimestampSecondsValue ? x.seconds : 0n)),
        }),
      );
    case DuckDBTypeId.TIMESTAMP_MS:
      return plan(new a.TimestampMillisecond(), (t, v) =>
        a.makeData({
          type: t,
          ...valid(v),
          data: bigints(BigInt64Array, v, (x) => (x instanceof DuckDBTimestampMillisecondsValue ? x.millis : 0n)),
        }),
      );
    case DuckDBTypeId.TIMESTAMP_NS:
      return plan(new a.TimestampNanosecond(), (t, v) =>
        a.makeData({
          type: t,
          ...valid(v),
          data: bigints(BigInt64Array, v, (x) => (x instanceof DuckDBTimestampNanosecondsValue ? x.nanos : 0n)),
        }),
      );
    case DuckDBTypeId.BLOB:
    case DuckDBTypeId.GEOMETRY:
      return plan(new a.Binary(), (t, v) => a.makeData({ type: t, ...valid(v), ...variable(v.map(blobBytes)) }));
    case DuckDBTypeId.SQLNULL:
      return plan(new a.Null(), (t, v) => a.makeData({ type: t, length: v.length }));
    case DuckDBTypeId.LIST:
      return listPlan(arrow, planArrowColumn(arrow, type.valueType));
    case DuckDBTypeId.ARRAY:
      return arrayPlan(arrow, planArrowColumn(arrow, type.valueType), type.length);
    case DuckDBTypeId.STRUCT:
      return structPlan(
        arrow,
        type.entryNames.map((name, i) => [name, planArrowColumn(arrow, type.entryTypes[i]!)] as const),
      );
    case DuckDBTypeId.MAP:
      return mapPlan(arrow, planArrowColumn(arrow, type.keyType), planArrowColumn(arrow, type.valueType));
    default:
      return plan(new a.Utf8(), (t, v) =>
        a.makeData({ type: t, ...valid(v), ...variable(v.map((x) => (x === null ? undefined : text(x, type)))) }),
      );
  }
}

function plan<T extends Arrow.DataType>(
  type: T,
  build: (type: T, values: readonly DuckDBValue[]) => Arrow.Data,
): ArrowColumnPlan {
  return { type, build: (values) => build(type, values) };
}

function listPlan(arrow: ArrowModule, child: ArrowColumnPlan): ArrowColumnPlan {
  const type = new arrow.List(new arrow.Field('item', child.type, true));
  return {
    type,
    build: (values) => {
      const items: DuckDBValue[] = [];
      const valueOffsets = new Int32Array(values.length + 1);
      values.forEach((value, i) => {
        if (value instanceof DuckDBListValue) items.push(...value.items);
        valueOffsets[i + 1] = items.length;
      });
      return arrow.makeData({ type, ...valid(values), valueOffsets, child: child.build(items) });
    },
  };
}

function arrayPlan(arrow: ArrowModule, child: ArrowColumnPlan, size: number): ArrowColumnPlan {
  const type = new arrow.FixedSizeList(size, new arrow.Field('item', child.type, true));
  return {
    type,
    build: (values) => {
      const items: DuckDBValue[] = [];
      for (const value of values) {
        if (value instanceof DuckDBArrayValue && value.items.length === size) items.push(...value.items);
        else for (let i = 0; i < size; i++) items.push(null);
      }
      return arrow.makeData({ type, ...valid(values), child: child.build(items) });
    },
  };
}

function structPlan(arrow: ArrowModule, fields: readonly (readonly [string, ArrowColumnPlan])[]): ArrowColumnPlan {
  const type = new arrow.Struct(fields.map(([name, field]) => new arrow.Field(name, field.type, true)));
  return {
    type,
    build: (values) =>
      arrow.makeData({
        type,
        ...valid(values),
        children: fields.map(([name, field]) =>
          field.build(values.map((v) => (v instanceof DuckDBStructValue ? (v.entries[name] ?? null) : null))),
        ),
      }),
  };
}

function mapPlan(arrow: ArrowModule, key: ArrowColumnPlan, value: ArrowColumnPlan): ArrowColumnPlan {
  const entries = new arrow.Struct([
    new arrow.Field('key', key.type, false),
    new arrow.Field('value', value.type, true),
  ]);
  const type = new arrow.Map_(new arrow.Field('entries', entries, false));
  return {
    type,
    build: (values) => {
      const keys: DuckDBValue[] = [];
      const items: DuckDBValue[] = [];
      const valueOffsets = new Int32Array(values.length + 1);
      values.forEach((map, i) => {
        if (map instanceof DuckDBMapValue) {
          for (const entry of map.entries) {
            keys.push(entry.key);
            items.push(entry.value);
          }
        }
        valueOffsets[i + 1] = keys.length;
      });
      const child = arrow.makeData({
        type: entries,
        length: keys.length,
        nullCount: 0,
        children: [key.build(keys), value.build(items)],
      });
      return arrow.makeData({ type, ...valid(values), valueOffsets, child });
    },
  };
}

/** Length, null count and validity bitmap (bit set = value present), as Arrow wants them. */
function valid(values: readonly DuckDBValue[]): { length: number; nullCount: number; nullBitmap?: Uint8Array } {
  const bitmap = new Uint8Array(Math.ceil(values.length / 8));
  let nullCount = 0;
  values.forEach((value, i) => {
    if (value === null) nullCount++;
    else bitmap[i >> 3]! |= 1 << (i & 7);
  });
  return nullCount === 0
    ? { length: values.length, nullCount }
    : { length: values.length, nullCount, nullBitmap: bitmap };
}

function bits(values: readonly DuckDBValue[]): Uint8Array {
  const data = new Uint8Array(Math.ceil(values.length / 8));
  values.forEach((value, i) => {
    if (value === true) data[i >> 3]! |= 1 << (i & 7);
  });
  return data;
}

type NumberArray =
  Int8Array | Int16Array | Int32Array | Uint8Array | Uint16Array | Uint32Array | Float32Array | Float64Array;

function numbers<A extends NumberArray>(
  ArrayType: new (length: number) => A,
  values: readonly DuckDBValue[],
  get: (value: DuckDBValue) => number = (value) => (typeof value === 'number' ? value : 0),
): A {
  const data = new ArrayType(values.length);
  values.forEach((value, i) => {
    if (value !== null) data[i] = get(value);
  });
  return data;
}

function bigints<A extends BigInt64Array | BigUint64Array>(
  ArrayType: new (length: number) => A,
  values: readonly DuckDBValue[],
  get: (value: DuckDBValue) => bigint,
): A {
  const data = new ArrayType(values.length);
  values.forEach((value, i) => {
    if (value !== null) data[i] = get(value);
  });
  return data;
}

function id(value: DuckDBValue): bigint {
  return typeof value === 'bigint' ? value : 0n;
}

/** Decimal128: each value as four little-endian 32-bit words of its two's complement. */
function decimals(values: readonly DuckDBValue[]): Uint32Array {
  const data = new Uint32Array(values.length * 4);
  values.forEach((value, i) => {
    if (!(value instanceof DuckDBDecimalValue)) return;
    let bits = BigInt.asUintN(128, value.value);
    for (let word = 0; word < 4; word++) {
      data[i * 4 + word] = Number(bits & 0xffff_ffffn);
      bits >>= 32n;
    }
  });
  return data;
}

const encoder = new TextEncoder();

/** Offsets and bytes of a variable-width column (Utf8, Binary); undefined is a null's empty slot. */
function variable(items: readonly (string | Uint8Array | undefined)[]): { valueOffsets: Int32Array; data: Uint8Array } {
  const encoded = items.map((item) => (typeof item === 'string' ? encoder.encode(item) : item));
  const valueOffsets = new Int32Array(items.length + 1);
  let total = 0;
  encoded.forEach((bytes, i) => {
    total += bytes?.byteLength ?? 0;
    valueOffsets[i + 1] = total;
  });
  const data = new Uint8Array(total);
  encoded.forEach((bytes, i) => {
    if (bytes) data.set(bytes, valueOffsets[i]);
  });
  return { valueOffsets, data };
}

function blobBytes(value: DuckDBValue): Uint8Array | undefined {
  return value instanceof DuckDBBlobValue || value instanceof DuckDBGeometryValue ? value.bytes : undefined;
}

function text(value: DuckDBValue, type: DuckDBType): string {
  const json = toJsonValue(value, type);
  return typeof json === 'string' ? json : JSON.stringify(json);
}
