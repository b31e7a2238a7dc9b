/**
 * Run history and product status history. Runs are listed newest first, whole or per product,
 * optionally per status; each shape has an index whose columns match its WHERE and ORDER BY, so
 * a page costs the same with millions of runs. Both databases scan these ascending indexes
 * backwards for `started_at desc, id desc`.
 */
import { sql } from 'kysely';
import { columnTypes } from './column-types.js';
import type { Migration } from './migration.js';

export const runsAndStatus: Migration = {
  id: '0002-runs-and-status',
  async up(db, kind) {
    const t = columnTypes(kind);
    const schema = db.schema;

    await schema
      .createTable('runs')
      .addColumn('id', t.key, (c) => c.primaryKey())
      .addColumn('product_id', t.key, (c) => c.notNull().references('products.id'))
      .addColumn('trigger', t.key, (c) => c.notNull())
      .addColumn('requested_by', t.text, (c) => c.notNull())
      // Canonical JSON text, like audit details: identical bytes from both adapters.
      .addColumn('parameters', t.text, (c) => c.notNull())
      .addColumn('status', t.key, (c) => c.notNull())
      .addColumn('started_at', t.timestamp, (c) => c.notNull())
      .addColumn('finished_at', t.timestamp)
      .addColumn('rows_in', t.bigint)
      .addColumn('rows_out', t.bigint)
      .addColumn('error_code', t.text)
      .addColumn('error_message', t.text)
      .addColumn('steps', t.text, (c) => c.notNull())
      .addColumn('checks', t.text, (c) => c.notNull())
      .addColumn('outputs', t.text, (c) => c.notNull())
      .execute();
    await schema.createIndex('runs_started_id').on('runs').columns(['started_at', 'id']).execute();
    await schema
      .createIndex('runs_product_started_id')
      .on('runs')
      .columns(['product_id', 'started_at', 'id'])
      .execute();
    await schema.createIndex('runs_status_started_id').on('runs').columns(['status', 'started_at', 'id']).execute();
    await schema
      .createIndex('runs_product_status_started_id')
      .on('runs')
      .columns(['product_id', 'status', 'started_at', 'id'])
      .execute();
    // At most one running run per product, enforced by the database: two processes starting the
    // same product cannot both record a run, whatever locks the runtime takes or forgets.
    await schema
      .createIndex('runs_one_running_per_product')
      .on('runs')
      .column('product_id')
      .unique()
      .where(sql<boolean>`${sql.ref('status')} = ${sql.lit('running')}`)
      .execute();

    // Only transitions are stored; seq numbers a product's entries 1, 2, 3… and, being part of
    // the primary key, makes two writers appending the same transition collide instead of both
    // succeeding.
    await schema
      .createTable('product_status_history')
      .addColumn('product_id', t.key, (c) => c.notNull().references('products.id'))
      .addColumn('seq', t.bigint, (c) => c.notNull())
      .addColumn('status', t.key, (c) => c.notNull())
      .addColumn('reason', t.text, (c) => c.notNull())
      .addColumn('at', t.timestamp, (c) => c.notNull())
      .addPrimaryKeyConstraint('product_status_history_pk', ['product_id', 'seq'])
      .execute();
  },
};
