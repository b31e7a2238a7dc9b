/**
 * The rows of the emulated catalog for one principal: a namespace per domain, a relation per
 * product port the principal may query, its columns with PostgreSQL types, descriptions — and
 * nothing else. A relation the principal cannot query is not in its input, so it is nowhere here.
 */
import type { VisibleRelation } from '../../gateway/gateway-types.js';
import { PG_TYPES } from '../types/pg-types.js';
import type { PgColumnType } from '../types/column-types.js';
import { SessionSettings } from '../session/session-settings.js';
import { INFORMATION_SCHEMA, PG_CATALOG } from './catalog-schema.js';

type Literal = string | number | boolean | null | readonly (string | number)[];
type Row = readonly Literal[];

export interface CatalogRelation {
  readonly relation: VisibleRelation;
  /** The wire type of each column, in order. */
  readonly types: readonly PgColumnType[];
}

const PG_CATALOG_OID = 11;
const PUBLIC_OID = 2200;
const INFORMATION_SCHEMA_OID = 13_000;
const OWNER_OID = 10;
const PRINCIPAL_OID = 16_384;
const PG_CLASS_OID = 1259;
const DEFAULT_COLLATION = 100;
/** Catalog relations tools name in `'pg_class'::regclass` and friends. */
const SYSTEM_RELATIONS: Readonly<Record<string, number>> = {
  pg_class: PG_CLASS_OID,
  pg_namespace: 2615,
  pg_type: 1247,
  pg_attribute: 1249,
  pg_proc: 1255,
  pg_database: 1262,
  pg_authid: 1260,
  pg_constraint: 2606,
  pg_description: 2609,
  pg_index: 2610,
  pg_rewrite: 2618,
  pg_trigger: 2620,
  pg_am: 2601,
  pg_collation: 3456,
};

export function literal(value: Literal): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return `'${value.replaceAll("'", "''")}'`;
  return `[${value.map((item) => literal(item)).join(', ')}]`;
}

function insert(table: string, rows: readonly Row[]): string[] {
  const statements: string[] = [];
  // Batches keep each statement small enough for DuckDB's parser.
  for (let i = 0; i < rows.length; i += 500) {
    const values = rows.slice(i, i + 500).map((row) => `(${row.map(literal).join(', ')})`);
    statements.push(`INSERT INTO ${table} VALUES ${values.join(', ')}`);
  }
  return statements;
}

const isTextual = (oid: number): boolean => [25, 1043, 114, 18, 19, 1042].includes(oid);

function typeRows(): Row[] {
  return [...PG_TYPES.values()].map((t) => {
    const byValue = [1, 2, 4, 8].includes(t.size) && t.category !== 'A';
    return [
      t.oid,
      t.name,
      PG_CATALOG_OID,
      OWNER_OID,
      t.size,
      byValue,
      t.category === 'P' ? 'p' : 'b',
      t.category,
      false,
      true,
      ',',
      0,
      t.elementOid ? 'array_subscript_handler' : '-',
      t.elementOid,
      t.arrayOid,
      `${t.name}in`,
      `${t.name}out`,
      `${t.name}recv`,
      `${t.name}send`,
      '-',
      '-',
      '-',
      t.size === 8 ? 'd' : t.size === 2 ? 's' : t.size === 1 ? 'c' : 'i',
      byValue ? 'p' : 'x',
      false,
      0,
      -1,
      0,
      isTextual(t.oid) ? DEFAULT_COLLATION : 0,
      null,
      null,
      null,
    ];
  });
}

function quoteIdent(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replaceAll('"', '""')}"`;
}

function informationSchemaColumn(type: PgColumnType): {
  dataType: string;
  precision: number | null;
  radix: number | null;
  scale: number | null;
  datetime: number | null;
} {
  const t = PG_TYPES.get(type.oid);
  const dataType = t?.category === 'A' ? 'ARRAY' : (t?.sqlName ?? 'text');
  const bits: Record<number, number> = { 21: 16, 23: 32, 20: 64, 700: 24, 701: 53 };
  if (bits[type.oid] !== undefined) {
    return { dataType, precision: bits[type.oid]!, radix: 2, scale: type.oid < 700 ? 0 : null, datetime: null };
  }
  if (type.oid === 1700) {
    const modifier = type.typeModifier >= 4 ? type.typeModifier - 4 : undefined;
    return {
      dataType,
      precision: modifier === undefined ? null : modifier >> 16,
      radix: 10,
      scale: modifier === undefined ? null : modifier & 0xffff,
      datetime: null,
    };
  }
  const datetime = [1083, 1114, 1184, 1266, 1186].includes(type.oid) ? 6 : type.oid === 1082 ? 0 : null;
  return { dataType, precision: null, radix: null, scale: null, datetime };
}

/** INSERT statements filling the emulated catalog. */
export function catalogRowStatements(
  relations: readonly CatalogRelation[],
  principalId: string,
  databaseName: string,
): string[] {
  const schemas = [...new Set(relations.map((r) => r.relation.schema))].sort();
  let nextOid = PRINCIPAL_OID + 1;
  const namespaceOid = new Map(schemas.map((schema) => [schema, nextOid++]));
  const namespaces: Row[] = [
    [PG_CATALOG_OID, 'pg_catalog', OWNER_OID, null],
    [PUBLIC_OID, 'public', OWNER_OID, null],
    [INFORMATION_SCHEMA_OID, 'information_schema', OWNER_OID, null],
    ...schemas.filter((s) => s !== 'public').map((s): Row => [namespaceOid.get(s)!, s, OWNER_OID, null]),
  ];
  if (schemas.includes('public')) namespaceOid.set('public', PUBLIC_OID);
  const classes: Row[] = [];
  const attributes: Row[] = [];
  const descriptions: Row[] = [];
  const regclass: Row[] = Object.entries(SYSTEM_RELATIONS).flatMap(([name, oid]): Row[] => [
    [oid, name, name],
    [oid, name, `pg_catalog.${name}`],
  ]);
  const isTables: Row[] = [];
  const isColumns: Row[] = [];
  const sorted = [...relations].sort((a, b) =>
    `${a.relation.schema}.${a.relation.name}`.localeCompare(`${b.relation.schema}.${b.relation.name}`),
  );
  for (const { relation, types } of sorted) {
    const oid = nextOid++;
    const nsp = namespaceOid.get(relation.schema)!;
    classes.push([
      oid,
      relation.name,
      nsp,
      0,
      0,
      OWNER_OID,
      2,
      0,
      0,
      0,
      -1,
      0,
      0,
      false,
      false,
      'p',
      'r',
      relation.columns.length,
      0,
      false,
      false,
      false,
      false,
      false,
      true,
      'd',
      false,
      0,
      0,
      0,
      null,
      null,
      null,
    ]);
    const qualified = `${quoteIdent(relation.schema)}.${quoteIdent(relation.name)}`;
    regclass.push([oid, qualified, `${relation.schema}.${relation.name}`], [oid, qualified, relation.name]);
    if (relation.description) descriptions.push([oid, PG_CLASS_OID, 0, relation.description]);
    isTables.push([
      databaseName,
      relation.schema,
      relation.name,
      'BASE TABLE',
      null,
      null,
      null,
      null,
      null,
      'NO',
      'NO',
      null,
    ]);
    relation.columns.forEach((column, index) => {
      const type = types[index]!;
      const pg = PG_TYPES.get(type.oid);
      const attnum = index + 1;
      attributes.push([
        oid,
        column.name,
        type.oid,
        -1,
        type.size,
        attnum,
        pg?.category === 'A' ? 1 : 0,
        -1,
        type.typeModifier,
        [1, 2, 4, 8].includes(type.size),
        'i',
        type.size === -1 ? 'x' : 'p',
        '',
        !column.nullable,
        false,
        false,
        '',
        '',
        false,
        true,
        0,
        isTextual(type.oid) ? DEFAULT_COLLATION : 0,
        null,
        null,
        null,
        null,
      ]);
      if (column.description) descriptions.push([oid, PG_CLASS_OID, attnum, column.description]);
      const info = informationSchemaColumn(type);
      isColumns.push([
        databaseName,
        relation.schema,
        relation.name,
        column.name,
        attnum,
        null,
        column.nullable ? 'YES' : 'NO',
        info.dataType,
        null,
        null,
        info.precision,
        info.radix,
        info.scale,
        info.datetime,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        databaseName,
        'pg_catalog',
        pg?.name ?? 'text',
        null,
        null,
        null,
        null,
        String(attnum),
        'NO',
        'NO',
        null,
        null,
        null,
        null,
        null,
        null,
        'NEVER',
        null,
        'NO',
      ]);
    });
  }
  const settings = new SessionSettings({ session_authorization: principalId }).all();
  return [
    ...insert(`${PG_CATALOG}.pg_namespace`, namespaces),
    ...insert(`${PG_CATALOG}.pg_class`, classes),
    ...insert(`${PG_CATALOG}.pg_attribute`, attributes),
    ...insert(`${PG_CATALOG}.pg_description`, descriptions),
    ...insert(`${PG_CATALOG}.pg_type`, typeRows()),
    ...insert(
      `${PG_CATALOG}.mw_type_names`,
      [...PG_TYPES.values()].map((t) => [t.oid, t.sqlName]),
    ),
    ...insert(`${PG_CATALOG}.mw_regclass`, regclass),
    ...insert(`${PG_CATALOG}.pg_database`, [
      [
        16_383,
        databaseName,
        OWNER_OID,
        6,
        'c',
        false,
        true,
        -1,
        0,
        1,
        1663,
        'C.UTF-8',
        'C.UTF-8',
        null,
        null,
        null,
        null,
        null,
      ],
    ]),
    ...insert(`${PG_CATALOG}.pg_am`, [
      [2, 'heap', 'heap_tableam_handler', 't'],
      [403, 'btree', 'bthandler', 'i'],
    ]),
    ...insert(`${PG_CATALOG}.pg_roles`, [
      [OWNER_OID, 'meshwork', false, true, false, false, false, false, -1, '********', null, false, null],
      [PRINCIPAL_OID, principalId, false, true, false, false, true, false, -1, '********', null, false, null],
    ]),
    ...insert(`${PG_CATALOG}.pg_user`, [
      [principalId, PRINCIPAL_OID, false, false, false, false, '********', null, null],
    ]),
    ...insert(`${PG_CATALOG}.pg_tablespace`, [
      [1663, 'pg_default', OWNER_OID, null, null],
      [1664, 'pg_global', OWNER_OID, null, null],
    ]),
    ...insert(`${PG_CATALOG}.pg_collation`, [
      [DEFAULT_COLLATION, 'default', PG_CATALOG_OID, OWNER_OID, 'd', true, -1, null, null, null, null, null],
      [950, 'C', PG_CATALOG_OID, OWNER_OID, 'c', true, -1, 'C', 'C', null, null, null],
      [951, 'POSIX', PG_CATALOG_OID, OWNER_OID, 'c', true, -1, 'POSIX', 'POSIX', null, null, null],
    ]),
    ...insert(
      `${PG_CATALOG}.pg_settings`,
      settings.map((s) => [
        s.name,
        s.setting,
        null,
        'Meshwork',
        s.description,
        null,
        'user',
        'string',
        'default',
        null,
        null,
        null,
        s.setting,
        s.setting,
        null,
        null,
        false,
      ]),
    ),
    ...insert(
      `${INFORMATION_SCHEMA}.schemata`,
      namespaces.map((n) => [databaseName, n[1] as string, 'meshwork', null, null, null, null]),
    ),
    ...insert(`${INFORMATION_SCHEMA}.tables`, isTables),
    ...insert(`${INFORMATION_SCHEMA}.columns`, isColumns),
    ...insert(`${INFORMATION_SCHEMA}.character_sets`, [
      [null, null, 'UTF8', 'UCS', 'UTF8', databaseName, 'pg_catalog', 'C'],
    ]),
  ];
}
