/**
 * The PostgreSQL types Meshwork sends, with the OIDs, sizes and names clients expect (pg_type).
 * The same table feeds RowDescription, the emulated pg_type catalog and format_type().
 */

export interface PgType {
  readonly oid: number;
  /** pg_type.typname: `int4`, `_int4`. */
  readonly name: string;
  /** What format_type() prints: `integer`, `integer[]`. */
  readonly sqlName: string;
  /** pg_type.typlen: bytes, -1 for variable length. */
  readonly size: number;
  /** pg_type.typcategory. */
  readonly category: string;
  /** The array type of this element type (0 when none). */
  readonly arrayOid: number;
  /** For array types, the element type. */
  readonly elementOid: number;
}

type Scalar = readonly [oid: number, name: string, sqlName: string, size: number, category: string, arrayOid: number];

const SCALARS: readonly Scalar[] = [
  [16, 'bool', 'boolean', 1, 'B', 1000],
  [17, 'bytea', 'bytea', -1, 'U', 1001],
  [18, 'char', '"char"', 1, 'S', 1002],
  [19, 'name', 'name', 64, 'S', 1003],
  [20, 'int8', 'bigint', 8, 'N', 1016],
  [21, 'int2', 'smallint', 2, 'N', 1005],
  [23, 'int4', 'integer', 4, 'N', 1007],
  [24, 'regproc', 'regproc', 4, 'N', 1008],
  [25, 'text', 'text', -1, 'S', 1009],
  [26, 'oid', 'oid', 4, 'N', 1028],
  [114, 'json', 'json', -1, 'U', 199],
  [700, 'float4', 'real', 4, 'N', 1021],
  [701, 'float8', 'double precision', 8, 'N', 1022],
  [705, 'unknown', 'unknown', -2, 'X', 0],
  [1042, 'bpchar', 'character', -1, 'S', 1014],
  [1043, 'varchar', 'character varying', -1, 'S', 1015],
  [1082, 'date', 'date', 4, 'D', 1182],
  [1083, 'time', 'time without time zone', 8, 'D', 1183],
  [1114, 'timestamp', 'timestamp without time zone', 8, 'D', 1115],
  [1184, 'timestamptz', 'timestamp with time zone', 8, 'D', 1185],
  [1186, 'interval', 'interval', 16, 'T', 1187],
  [1266, 'timetz', 'time with time zone', 12, 'D', 1270],
  [1560, 'bit', 'bit', -1, 'V', 1561],
  [1562, 'varbit', 'bit varying', -1, 'V', 1563],
  [1700, 'numeric', 'numeric', -1, 'N', 1231],
  [2205, 'regclass', 'regclass', 4, 'N', 2210],
  [2206, 'regtype', 'regtype', 4, 'N', 2211],
  [2249, 'record', 'record', -1, 'P', 2287],
  [2278, 'void', 'void', 4, 'P', 0],
  [2950, 'uuid', 'uuid', 16, 'U', 2951],
  [3802, 'jsonb', 'jsonb', -1, 'U', 3807],
];

function build(): Map<number, PgType> {
  const types = new Map<number, PgType>();
  for (const [oid, name, sqlName, size, category, arrayOid] of SCALARS) {
    types.set(oid, { oid, name, sqlName, size, category, arrayOid, elementOid: 0 });
    if (arrayOid !== 0) {
      types.set(arrayOid, {
        oid: arrayOid,
        name: `_${name}`,
        sqlName: `${sqlName}[]`,
        size: -1,
        category: 'A',
        arrayOid: 0,
        elementOid: oid,
      });
    }
  }
  return types;
}

export const PG_TYPES: ReadonlyMap<number, PgType> = build();

export const OID = {
  bool: 16,
  bytea: 17,
  int8: 20,
  int2: 21,
  int4: 23,
  text: 25,
  json: 114,
  float4: 700,
  float8: 701,
  unknown: 705,
  varchar: 1043,
  date: 1082,
  time: 1083,
  timestamp: 1114,
  timestamptz: 1184,
  interval: 1186,
  timetz: 1266,
  varbit: 1562,
  numeric: 1700,
  uuid: 2950,
} as const;

export function pgType(oid: number): PgType {
  const type = PG_TYPES.get(oid);
  if (!type) throw new Error(`no PostgreSQL type with OID ${oid}`);
  return type;
}

/** NUMERIC's type modifier for precision and scale (what atttypmod holds). */
export function numericTypeModifier(precision: number, scale: number): number {
  return ((precision << 16) | scale) + 4;
}
