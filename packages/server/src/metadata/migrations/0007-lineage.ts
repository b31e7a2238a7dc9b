/**
 * Lineage: the newest column lineage each product's runs recorded, and the OpenLineage events
 * accepted from other tools.
 *
 * Reads and their indexes:
 * - the lineage graph loads the newest lineage of every product at start: one row per product
 *   (primary key `product_id`; a newer run replaces it, an older one arriving late does not);
 * - events are listed oldest first, page by page, to rebuild the graph and for administrators:
 *   (received_at, id).
 *
 * No foreign key to products: lineage is best effort, and an event naming datasets outside the
 * mesh (or a product not registered yet) must still be kept.
 */
import { columnTypes } from './column-types.js';
import type { Migration } from './migration.js';

export const lineage: Migration = {
  id: '0007-lineage',
  async up(db, kind) {
    const t = columnTypes(kind);
    await db.schema
      .createTable('pipeline_lineage')
      .addColumn('product_id', t.key, (c) => c.primaryKey())
      .addColumn('run_id', t.key, (c) => c.notNull())
      .addColumn('recorded_at', t.timestamp, (c) => c.notNull())
      // Canonical JSON of a PipelineLineage.
      .addColumn('lineage', t.text, (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('lineage_events')
      .addColumn('id', t.key, (c) => c.primaryKey())
      .addColumn('event_type', t.key, (c) => c.notNull())
      .addColumn('event_time', t.timestamp, (c) => c.notNull())
      .addColumn('producer', t.text, (c) => c.notNull())
      .addColumn('job_namespace', t.text)
      .addColumn('job_name', t.text)
      .addColumn('run_id', t.key)
      // Canonical JSON of the event as received.
      .addColumn('body', t.text, (c) => c.notNull())
      .addColumn('received_by', t.key, (c) => c.notNull())
      .addColumn('received_at', t.timestamp, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('lineage_events_received_id')
      .on('lineage_events')
      .columns(['received_at', 'id'])
      .execute();
  },
};
