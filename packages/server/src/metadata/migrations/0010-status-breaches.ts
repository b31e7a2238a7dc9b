/**
 * The breaching transitions of every product — into `failing` or `stale` — newest first: what the
 * incident list pages across products (../../incidents). A partial index holds only those rows,
 * a few percent of a mesh's status history, in the order the list reads them (`at` descending,
 * then product id, then seq descending), so a page is one index range scan whatever the number
 * of products. A query must repeat the predicate literally: SQLite uses a partial index only for
 * a WHERE term identical to the index's own, never for bound parameters.
 */
import { sql } from 'kysely';
import type { Migration } from './migration.js';

export const statusBreaches: Migration = {
  id: '0010-status-breaches',
  async up(db) {
    await db.schema
      .createIndex('product_status_breaches')
      .on('product_status_history')
      .columns(['at desc', 'product_id', 'seq desc'])
      .where(sql<boolean>`${sql.ref('status')} in ('failing', 'stale')`)
      .execute();
  },
};
