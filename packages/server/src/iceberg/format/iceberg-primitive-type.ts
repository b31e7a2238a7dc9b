/**
 * Which Iceberg v2 primitive type holds a DuckDB primitive column — as DuckDB writes it to
 * Parquet, because the Iceberg schema must describe the data files:
 *
 * - TINYINT, SMALLINT, INTEGER, UTINYINT, USMALLINT → int; BIGINT, UINTEGER → long.
 * - HUGEINT and UHUGEINT → double: DuckDB's Parquet writer stores them as DOUBLE (and DuckDB
 *   reads the snapshot back as DOUBLE). `SUM()` of integers is a HUGEINT, so refusing them would
 *   refuse most aggregates; cast to DECIMAL(38,0) in the SQL to keep them exact.
 * - TIMESTAMP, TIMESTAMP_S (written as microseconds) and TIMESTAMP_MS (written as milliseconds,
 *   which Iceberg readers convert) → timestamp. TIMESTAMP_NS is refused: v2 has no nanosecond
 *   timestamps (v3 does), and a `timestamp` column holding nanoseconds would be misread.
 * - VARCHAR, ENUM and JSON (all written as UTF-8 strings) → string.
 * - UBIGINT, INTERVAL, TIME WITH TIME ZONE, BIT, BIGNUM, VARIANT, GEOMETRY… → MW8201, with a cast
 *   that fixes it.
 */
import { InputError } from '@meshwork/core';

const BY_NAME: Readonly<Record<string, string>> = {
  BOOLEAN: 'boolean',
  BOOL: 'boolean',
  LOGICAL: 'boolean',
  TINYINT: 'int',
  INT1: 'int',
  SMALLINT: 'int',
  INT2: 'int',
  SHORT: 'int',
  INTEGER: 'int',
  INT: 'int',
  INT4: 'int',
  SIGNED: 'int',
  UTINYINT: 'int',
  USMALLINT: 'int',
  BIGINT: 'long',
  INT8: 'long',
  LONG: 'long',
  UINTEGER: 'long',
  HUGEINT: 'double',
  UHUGEINT: 'double',
  FLOAT: 'float',
  FLOAT4: 'float',
  REAL: 'float',
  DOUBLE: 'double',
  FLOAT8: 'double',
  'DOUBLE PRECISION': 'double',
  DATE: 'date',
  TIME: 'time',
  TIMESTAMP: 'timestamp',
  DATETIME: 'timestamp',
  TIMESTAMP_S: 'timestamp',
  TIMESTAMP_MS: 'timestamp',
  'TIMESTAMP WITH TIME ZONE': 'timestamptz',
  TIMESTAMPTZ: 'timestamptz',
  VARCHAR: 'string',
  CHAR: 'string',
  BPCHAR: 'string',
  TEXT: 'string',
  STRING: 'string',
  'CHARACTER VARYING': 'string',
  ENUM: 'string',
  JSON: 'string',
  UUID: 'uuid',
  BLOB: 'binary',
  BYTEA: 'binary',
  BINARY: 'binary',
  VARBINARY: 'binary',
};

/** The cast that turns a refused type into one Iceberg v2 holds. */
const CASTS: Readonly<Record<string, string>> = {
  UBIGINT: 'DECIMAL(20,0) (or BIGINT when values stay below 2^63)',
  TIMESTAMP_NS: 'TIMESTAMP (microseconds)',
  INTERVAL: 'VARCHAR, or a number of seconds with epoch(col)',
  'TIME WITH TIME ZONE': 'TIME, or VARCHAR',
  TIMETZ: 'TIME, or VARCHAR',
  BIT: 'VARCHAR',
  BITSTRING: 'VARCHAR',
  BIGNUM: 'DECIMAL(38,0), or VARCHAR',
  VARINT: 'DECIMAL(38,0), or VARCHAR',
  VARIANT: 'VARCHAR (JSON text)',
  UNION: 'one of its members, or VARCHAR',
  NULL: 'the type the column should have, e.g. VARCHAR',
};

/** Iceberg's text for a primitive; `column` (a dotted path) and `typeText` name it in errors. */
export function icebergPrimitiveType(name: string, args: readonly string[], column: string, typeText: string): string {
  if (name === 'DECIMAL' || name === 'NUMERIC') {
    const [precision, scale] = args.length === 0 ? [18, 3] : args.map(Number);
    if (precision !== undefined && precision >= 1 && precision <= 38 && (scale ?? 0) <= precision) {
      return `decimal(${precision},${scale ?? 0})`;
    }
  } else {
    const mapped = BY_NAME[name];
    if (mapped !== undefined) return mapped;
  }
  throw unsupportedType(column, typeText, name);
}

export function unsupportedType(column: string, typeText: string, name: string): InputError {
  const cast = CASTS[name] ?? 'VARCHAR, or another type Iceberg v2 holds';
  return new InputError(
    'MW8201',
    `Column "${column}" has type ${typeText}, which Apache Iceberg v2 tables cannot hold: cast it in the pipeline's SQL to ${cast}.`,
  );
}
