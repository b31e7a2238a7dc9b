/**
 * The Trino type of a product column: DuckDB's type (the snapshot manifest) through the Iceberg
 * type Meshwork's catalog publishes for it (../iceberg/format, the one place that mapping lives)
 * to the type Trino's Iceberg connector reads it as. Nested types and types Iceberg v2 cannot
 * hold have none: nothing that needs a column's type (a typed NULL, a filter comparison) is
 * generated for such a column, so a mask or filter on it withholds the table rather than guess.
 */
import { parseDuckDbType } from '../iceberg/format/duckdb-type.js';
import { icebergPrimitiveType } from '../iceberg/format/iceberg-primitive-type.js';

/** A Trino type name, lower case as Trino prints it: `varchar`, `bigint`, `decimal(12,2)`… */
export type TrinoType = string;

/** Iceberg primitives as Trino's Iceberg connector types them. */
const FROM_ICEBERG: Readonly<Record<string, TrinoType>> = {
  boolean: 'boolean',
  int: 'integer',
  long: 'bigint',
  float: 'real',
  double: 'double',
  date: 'date',
  time: 'time(6)',
  timestamp: 'timestamp(6)',
  timestamptz: 'timestamp(6) with time zone',
  string: 'varchar',
  uuid: 'uuid',
  binary: 'varbinary',
};

/** The Trino type of a column of DuckDB type `duckdbType`, or undefined when there is no sure one. */
export function trinoTypeOf(duckdbType: string): TrinoType | undefined {
  let iceberg: string;
  try {
    const parsed = parseDuckDbType(duckdbType);
    if (parsed.kind !== 'primitive') return undefined;
    iceberg = icebergPrimitiveType(parsed.name, parsed.args, 'column', duckdbType);
  } catch {
    return undefined; // not a type the catalog can publish: the table is not Trino's either
  }
  if (/^decimal\(\d+,\d+\)$/.test(iceberg)) return iceberg;
  if (/^fixed\[\d+\]$/.test(iceberg)) return 'varbinary';
  return FROM_ICEBERG[iceberg];
}

/** What may be compared with what: Trino refuses comparisons across families DuckDB would cast. */
export type TypeFamily = 'text' | 'numeric' | 'boolean' | 'date' | 'time' | 'timestamp' | 'binary' | 'uuid' | 'null';

export function familyOf(type: TrinoType): TypeFamily | undefined {
  if (type === 'unknown') return 'null';
  if (/^(varchar|char)\b/.test(type)) return 'text';
  if (/^(tinyint|smallint|integer|bigint|real|double|decimal)\b/.test(type)) return 'numeric';
  if (type === 'boolean') return 'boolean';
  if (type === 'date') return 'date';
  if (/^timestamp\b/.test(type)) return 'timestamp';
  if (/^time\b/.test(type)) return 'time';
  if (type === 'varbinary') return 'binary';
  if (type === 'uuid') return 'uuid';
  return undefined;
}
