/**
 * How a DuckDB result column travels over the wire: its PostgreSQL type (OID, size, modifier) and
 * the text and binary encoders of its values. Decided once per column, so encoding a row is a
 * loop over prepared functions.
 *
 * | DuckDB | PostgreSQL |
 * |---|---|
 * | BOOLEAN | bool |
 * | TINYINT, SMALLINT, UTINYINT | int2 |
 * | INTEGER, USMALLINT | int4 |
 * | BIGINT, UINTEGER | int8 |
 * | UBIGINT, HUGEINT, UHUGEINT, BIGNUM, DECIMAL | numeric |
 * | FLOAT / DOUBLE | float4 / float8 |
 * | VARCHAR, ENUM / JSON | text / json |
 * | BLOB | bytea (hex) |
 * | DATE, TIME, TIME WITH TIME ZONE | date, time, timetz |
 * | TIMESTAMP (any precision) / WITH TIME ZONE | timestamp / timestamptz (UTC, `+00`) |
 * | INTERVAL, UUID, BIT | interval, uuid, varbit |
 * | LIST/ARRAY of scalars | the PostgreSQL array type (`{1,2}`) |
 * | STRUCT, MAP, nested LIST | json |
 * | anything else | text |
 */
import {
  DuckDBTypeId,
  type DuckDBDateValue,
  type DuckDBDecimalValue,
  type DuckDBIntervalValue,
  type DuckDBTimeNSValue,
  type DuckDBTimeTZValue,
  type DuckDBTimeValue,
  type DuckDBTimestampMillisecondsValue,
  type DuckDBTimestampNanosecondsValue,
  type DuckDBTimestampSecondsValue,
  type DuckDBTimestampValue,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api';
import { arrayBinaryEncoder, scalarBinaryEncoder, type BinaryEncoder } from './binary-encoding.js';
import { decimalText, float4Text, float8Text } from './number-text.js';
import { OID, numericTypeModifier, pgType } from './pg-types.js';
import { intervalText, timeText } from './temporal-text.js';
import {
  arrayLiteral,
  blobText,
  dateValueText,
  timeTZText,
  timestampMillisText,
  timestampNanosText,
  timestampSecondsText,
  timestampValueText,
  valueJson,
  valueText,
} from './value-text.js';

export type TextEncoder = (value: DuckDBValue) => string;

export interface PgColumnType {
  readonly oid: number;
  readonly size: number;
  readonly typeModifier: number;
  readonly text: TextEncoder;
  /** Undefined when Meshwork cannot send this type in binary. */
  readonly binary: BinaryEncoder | undefined;
}

interface Scalar {
  readonly oid: number;
  readonly text: TextEncoder;
  readonly typeModifier?: number;
}

const string: TextEncoder = (v) => v as string;
const integer: TextEncoder = (v) => String(v);

/** The scalar mapping of a type, or undefined for nested types (LIST, STRUCT, MAP, UNION…). */
function scalar(type: DuckDBType): Scalar | undefined {
  switch (type.typeId) {
    case DuckDBTypeId.BOOLEAN:
      return { oid: OID.bool, text: (v) => (v ? 't' : 'f') };
    case DuckDBTypeId.TINYINT:
    case DuckDBTypeId.SMALLINT:
    case DuckDBTypeId.UTINYINT:
      return { oid: OID.int2, text: integer };
    case DuckDBTypeId.INTEGER:
    case DuckDBTypeId.USMALLINT:
      return { oid: OID.int4, text: integer };
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.UINTEGER:
      return { oid: OID.int8, text: integer };
    case DuckDBTypeId.UBIGINT:
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UHUGEINT:
    case DuckDBTypeId.BIGNUM:
      return { oid: OID.numeric, text: integer };
    case DuckDBTypeId.DECIMAL:
      return {
        oid: OID.numeric,
        typeModifier: numericTypeModifier(type.width, type.scale),
        text: (v) => decimalText((v as DuckDBDecimalValue).value, (v as DuckDBDecimalValue).scale),
      };
    case DuckDBTypeId.FLOAT:
      return { oid: OID.float4, text: (v) => float4Text(v as number) };
    case DuckDBTypeId.DOUBLE:
      return { oid: OID.float8, text: (v) => float8Text(v as number) };
    case DuckDBTypeId.VARCHAR:
      return { oid: type.alias?.toUpperCase() === 'JSON' ? OID.json : OID.text, text: string };
    case DuckDBTypeId.ENUM:
      return { oid: OID.text, text: string };
    case DuckDBTypeId.BLOB:
      return { oid: OID.bytea, text: (v) => blobText((v as { bytes: Uint8Array }).bytes) };
    case DuckDBTypeId.DATE:
      return { oid: OID.date, text: (v) => dateValueText(v as DuckDBDateValue) };
    case DuckDBTypeId.TIME:
      return { oid: OID.time, text: (v) => timeText((v as DuckDBTimeValue).micros) };
    case DuckDBTypeId.TIME_NS:
      return { oid: OID.time, text: (v) => timeText((v as DuckDBTimeNSValue).nanos / 1000n) };
    case DuckDBTypeId.TIME_TZ:
      return { oid: OID.timetz, text: (v) => timeTZText(v as DuckDBTimeTZValue) };
    case DuckDBTypeId.TIMESTAMP:
      return { oid: OID.timestamp, text: (v) => timestampValueText(v as DuckDBTimestampValue) };
    case DuckDBTypeId.TIMESTAMP_S:
      return { oid: OID.timestamp, text: (v) => timestampSecondsText(v as DuckDBTimestampSecondsValue) };
    case DuckDBTypeId.TIMESTAMP_MS:
      return { oid: OID.timestamp, text: (v) => timestampMillisText(v as DuckDBTimestampMillisecondsValue) };
    case DuckDBTypeId.TIMESTAMP_NS:
      return { oid: OID.timestamp, text: (v) => timestampNanosText(v as DuckDBTimestampNanosecondsValue) };
    case DuckDBTypeId.TIMESTAMP_TZ:
      return { oid: OID.timestamptz, text: (v) => timestampValueText(v as DuckDBTimestampValue) };
    case DuckDBTypeId.INTERVAL:
      return {
        oid: OID.interval,
        text: (v) => {
          const i = v as DuckDBIntervalValue;
          return intervalText(i.months, i.days, i.micros);
        },
      };
    case DuckDBTypeId.UUID:
      return { oid: OID.uuid, text: (v) => String(v) };
    case DuckDBTypeId.BIT:
      return { oid: OID.varbit, text: (v) => String(v) };
    case DuckDBTypeId.LIST:
    case DuckDBTypeId.ARRAY:
    case DuckDBTypeId.STRUCT:
    case DuckDBTypeId.MAP:
    case DuckDBTypeId.UNION:
      return undefined;
    default:
      // SQLNULL, VARIANT, GEOMETRY and literal types: their text is all clients can use.
      return { oid: OID.text, text: valueText };
  }
}

function column(oid: number, text: TextEncoder, typeModifier = -1): PgColumnType {
  return { oid, size: pgType(oid).size, typeModifier, text, binary: scalarBinaryEncoder(oid, text) };
}

export function pgColumnType(type: DuckDBType): PgColumnType {
  const mapped = scalar(type);
  if (mapped) return column(mapped.oid, mapped.text, mapped.typeModifier);
  if (type.typeId === DuckDBTypeId.LIST || type.typeId === DuckDBTypeId.ARRAY) {
    const element = scalar(type.valueType);
    const arrayOid = element ? pgType(element.oid).arrayOid : 0;
    if (element && arrayOid !== 0) {
      const elementText = element.text;
      const elementBinary = scalarBinaryEncoder(element.oid, elementText);
      return {
        oid: arrayOid,
        size: -1,
        typeModifier: -1,
        text: (v) => arrayLiteral((v as { items: readonly DuckDBValue[] }).items, elementText),
        binary: elementBinary && arrayBinaryEncoder(element.oid, elementBinary),
      };
    }
    return column(OID.json, valueJson);
  }
  if (type.typeId === DuckDBTypeId.UNION) return column(OID.text, valueText);
  return column(OID.json, valueJson);
}
