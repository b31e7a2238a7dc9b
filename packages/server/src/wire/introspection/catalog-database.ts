/**
 * A principal's introspection database: a small in-memory DuckDB holding one schema per domain
 * and one EMPTY table per relation the principal may query (with its comments), plus the
 * emulated pg_catalog and information_schema. It never holds data, and it is locked down like
 * the gateway's engine: no file or network access, no extension loading, configuration locked.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { VisibleRelation } from '../../gateway/gateway-types.js';
import { pgColumnType, type PgColumnType } from '../types/column-types.js';
import { catalogRowStatements, literal, type CatalogRelation } from './catalog-rows.js';
import { PG_CATALOG, catalogSchemaStatements } from './catalog-schema.js';

export interface CatalogDatabase {
  /** A new connection with the catalog search path; close it after the query. */
  connect(): Promise<DuckDBConnection>;
  close(): void;
}

/** The database name clients see (pg_database, current_database()). */
export const CATALOG_DATABASE_NAME = 'meshwork';

function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

async function createRelation(connection: DuckDBConnection, relation: VisibleRelation): Promise<PgColumnType[]> {
  const table = `${ident(relation.schema)}.${ident(relation.name)}`;
  const definition = (typed: boolean): string =>
    relation.columns
      .map((c) => `${ident(c.name)} ${typed ? c.typeName : 'VARCHAR'}${typed && !c.nullable ? ' NOT NULL' : ''}`)
      .join(', ');
  try {
    await connection.run(`CREATE TABLE ${table} (${definition(true)})`);
  } catch {
    // A type name this DuckDB cannot read still gets listed, as text.
    await connection.run(`CREATE TABLE ${table} (${definition(false)})`);
  }
  if (relation.description) await connection.run(`COMMENT ON TABLE ${table} IS ${literal(relation.description)}`);
  for (const column of relation.columns) {
    if (column.description) {
      await connection.run(`COMMENT ON COLUMN ${table}.${ident(column.name)} IS ${literal(column.description)}`);
    }
  }
  const prepared = await connection.prepare(`SELECT * FROM ${table}`);
  try {
    return Array.from({ length: prepared.columnCount }, (_, i) => pgColumnType(prepared.columnType(i)));
  } finally {
    prepared.destroySync();
  }
}

export async function createCatalogDatabase(
  relations: readonly VisibleRelation[],
  principalId: string,
): Promise<CatalogDatabase> {
  const instance = await DuckDBInstance.create(':memory:', {
    enable_external_access: 'false',
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    allow_community_extensions: 'false',
    threads: '1',
    memory_limit: '128MB',
  });
  try {
    const setup = await instance.connect();
    try {
      const catalogRelations: CatalogRelation[] = [];
      for (const schema of new Set(relations.map((r) => r.schema))) {
        await setup.run(`CREATE SCHEMA IF NOT EXISTS ${ident(schema)}`);
      }
      for (const relation of relations) {
        catalogRelations.push({ relation, types: await createRelation(setup, relation) });
      }
      const statements = [
        ...catalogSchemaStatements(CATALOG_DATABASE_NAME, principalId),
        ...catalogRowStatements(catalogRelations, principalId, CATALOG_DATABASE_NAME),
      ];
      for (const statement of statements) await setup.run(statement);
      await setup.run('SET lock_configuration = true');
    } finally {
      setup.closeSync();
    }
  } catch (error) {
    instance.closeSync();
    throw error;
  }
  return {
    connect: async () => {
      const connection = await instance.connect();
      await connection.run(`SET search_path = '${PG_CATALOG},main'`);
      return connection;
    },
    close: () => instance.closeSync(),
  };
}
