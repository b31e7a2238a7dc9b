/**
 * Data usage agreements and the webhook delivery log. Each list the store serves has an index
 * matching its WHERE and ORDER BY: "agreements of principal P on port X in status S" (the
 * gateway's lookup on every query), "requests awaiting the owner of product X" (the inbox),
 * per principal, per status, all; newest first by (requested_at, id).
 */
import { sql } from 'kysely';
import { columnTypes } from './column-types.js';
import type { Migration } from './migration.js';

export const agreements: Migration = {
  id: '0004-agreements',
  async up(db, kind) {
    const t = columnTypes(kind);
    const schema = db.schema;

    await schema
      .createTable('agreements')
      .addColumn('id', t.key, (c) => c.primaryKey())
      .addColumn('principal_id', t.key, (c) => c.notNull())
      .addColumn('product_id', t.key, (c) => c.notNull().references('products.id'))
      .addColumn('port', t.key, (c) => c.notNull())
      .addColumn('major', 'integer', (c) => c.notNull())
      .addColumn('purpose', t.text, (c) => c.notNull())
      .addColumn('starts_at', t.timestamp, (c) => c.notNull())
      .addColumn('ends_at', t.timestamp, (c) => c.notNull())
      .addColumn('status', t.key, (c) => c.notNull())
      .addColumn('requested_at', t.timestamp, (c) => c.notNull())
      .addColumn('decided_by', t.text)
      .addColumn('decided_at', t.timestamp)
      .addColumn('decision_note', t.text)
      .addColumn('ended_by', t.text)
      .addColumn('ended_at', t.timestamp)
      .addColumn('end_note', t.text)
      .addColumn('updated_at', t.timestamp, (c) => c.notNull())
      .execute();
    const index = (name: string, columns: string[]) =>
      schema.createIndex(name).on('agreements').columns(columns).execute();
    await index('agreements_principal_port_status', ['principal_id', 'product_id', 'port', 'major', 'status']);
    await index('agreements_product_status_requested', ['product_id', 'status', 'requested_at', 'id']);
    await index('agreements_product_requested', ['product_id', 'requested_at', 'id']);
    await index('agreements_principal_status_requested', ['principal_id', 'status', 'requested_at', 'id']);
    await index('agreements_principal_requested', ['principal_id', 'requested_at', 'id']);
    await index('agreements_status_requested', ['status', 'requested_at', 'id']);
    await index('agreements_requested', ['requested_at', 'id']);
    // The expiry sweeper's "approved and past its end".
    await index('agreements_status_ends', ['status', 'ends_at', 'id']);
    // One pending request per principal and port, enforced by the database: two clicks, two
    // CLIs or two servers cannot both file one.
    await schema
      .createIndex('agreements_one_pending')
      .on('agreements')
      .columns(['principal_id', 'product_id', 'port', 'major'])
      .unique()
      .where(sql<boolean>`${sql.ref('status')} = ${sql.lit('pending')}`)
      .execute();

    await schema
      .createTable('webhook_deliveries')
      .addColumn('delivery_id', t.key, (c) => c.notNull())
      .addColumn('attempt', 'integer', (c) => c.notNull())
      .addColumn('subscription_id', t.key, (c) => c.notNull())
      .addColumn('event_id', t.key, (c) => c.notNull())
      .addColumn('event_type', t.key, (c) => c.notNull())
      .addColumn('outcome', t.key, (c) => c.notNull())
      .addColumn('http_status', 'integer')
      .addColumn('error', t.text)
      .addColumn('duration_ms', 'integer', (c) => c.notNull())
      .addColumn('next_attempt_at', t.timestamp)
      .addColumn('body', t.text, (c) => c.notNull())
      .addColumn('attempted_at', t.timestamp, (c) => c.notNull())
      // Two processes recording the same attempt of one delivery collide instead of both logging it.
      .addPrimaryKeyConstraint('webhook_deliveries_pk', ['delivery_id', 'attempt'])
      .execute();
    await schema
      .createIndex('webhook_deliveries_attempted')
      .on('webhook_deliveries')
      .columns(['attempted_at', 'delivery_id', 'attempt'])
      .execute();
    await schema
      .createIndex('webhook_deliveries_subscription_attempted')
      .on('webhook_deliveries')
      .columns(['subscription_id', 'attempted_at', 'delivery_id', 'attempt'])
      .execute();
    await schema
      .createIndex('webhook_deliveries_outcome_next')
      .on('webhook_deliveries')
      .columns(['outcome', 'next_attempt_at'])
      .execute();
  },
};
