/**
 * The Iceberg REST catalog's managed tables: namespaces and one pointer per table.
 *
 * Reads and their indexes:
 * - a namespace, a table: the primary keys;
 * - the children of a namespace (or the top level), in key order: (parent, namespace);
 * - the tables of a namespace, in name order: the primary key (namespace, name).
 *
 * Foreign keys do the arbitration between racing writers on every database: a table cannot be
 * created in a namespace that is gone, a namespace cannot be created under a missing parent, and
 * a namespace that still has tables or children cannot be deleted — whatever commits first.
 */
import { columnTypes } from './column-types.js';
import type { Migration } from './migration.js';

export const icebergCatalog: Migration = {
  id: '0008-iceberg-catalog',
  async up(db, kind) {
    const t = columnTypes(kind);
    await db.schema
      .createTable('iceberg_namespaces')
      .addColumn('namespace', t.key, (c) => c.primaryKey())
      .addColumn('parent', t.key, (c) => c.references('iceberg_namespaces.namespace'))
      .addColumn('properties', t.text, (c) => c.notNull())
      .addColumn('version', t.bigint, (c) => c.notNull())
      .addColumn('created_by', t.text, (c) => c.notNull())
      .addColumn('created_at', t.timestamp, (c) => c.notNull())
      .addColumn('updated_at', t.timestamp, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('iceberg_namespaces_parent')
      .on('iceberg_namespaces')
      .columns(['parent', 'namespace'])
      .execute();
    await db.schema
      .createTable('iceberg_tables')
      .addColumn('namespace', t.key, (c) => c.notNull().references('iceberg_namespaces.namespace'))
      .addColumn('name', t.key, (c) => c.notNull())
      .addColumn('table_uuid', t.key, (c) => c.notNull())
      .addColumn('metadata_location', t.text, (c) => c.notNull())
      .addColumn('version', t.bigint, (c) => c.notNull())
      .addColumn('created_by', t.text, (c) => c.notNull())
      .addColumn('created_at', t.timestamp, (c) => c.notNull())
      .addColumn('updated_at', t.timestamp, (c) => c.notNull())
      .addPrimaryKeyConstraint('iceberg_tables_pk', ['namespace', 'name'])
      .execute();
  },
};
