/**
 * Query usage: one row per (query, product read), appended in batches by the usage recorder.
 * The two reads — "usage of product P, newest first" (the owner's view and its per-consumer
 * summary since a time) and "usage by principal P, newest first" (my queries) — each have an
 * index ending (started_at, id), scanned backwards for `started_at desc, id desc`.
 *
 * No foreign key to products: metering is best effort, and one row naming a product the registry
 * does not know must not make a whole batch fail.
 */
import { columnTypes } from './column-types.js';
import type { Migration } from './migration.js';

export const queryUsage: Migration = {
  id: '0005-query-usage',
  async up(db, kind) {
    const t = columnTypes(kind);
    await db.schema
      .createTable('query_usage')
      .addColumn('id', t.key, (c) => c.primaryKey())
      .addColumn('query_id', t.key, (c) => c.notNull())
      .addColumn('principal_id', t.key, (c) => c.notNull())
      .addColumn('authenticated_by', t.text, (c) => c.notNull())
      .addColumn('product_id', t.key, (c) => c.notNull())
      // Canonical JSON: [{"major":1,"port":"orders"}] and ["<agreement uuid>", …].
      .addColumn('ports', t.text, (c) => c.notNull())
      .addColumn('agreement_ids', t.text, (c) => c.notNull())
      .addColumn('purpose', t.text)
      .addColumn('rows', t.bigint, (c) => c.notNull())
      .addColumn('bytes', t.bigint, (c) => c.notNull())
      .addColumn('duration_ms', t.bigint, (c) => c.notNull())
      .addColumn('status', t.key, (c) => c.notNull())
      .addColumn('error_code', t.text)
      .addColumn('started_at', t.timestamp, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('query_usage_product_started_id')
      .on('query_usage')
      .columns(['product_id', 'started_at', 'id'])
      .execute();
    await db.schema
      .createIndex('query_usage_principal_started_id')
      .on('query_usage')
      .columns(['principal_id', 'started_at', 'id'])
      .execute();
  },
};
