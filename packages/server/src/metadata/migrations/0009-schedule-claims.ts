/**
 * What several servers on one store coordinate through (schedule-claim-types.ts).
 *
 * - `schedule_claims`: one row per claimed fire of a job. The primary key (job, slot) is the
 *   arbiter — `insert … on conflict do nothing` lets exactly one server have each fire, in both
 *   databases and across processes. `(job, slot)` also serves "one job's claims, newest first";
 *   `claimed_at` serves pruning old claims.
 * - `change_markers`: one counter per topic, bumped by `insert … on conflict do update`; servers
 *   read the whole (tiny) table on a timer.
 *
 * No foreign keys: jobs name products, webhook deliveries or announcements alike, and a claim
 * must outlive nothing it names.
 */
import { columnTypes } from './column-types.js';
import type { Migration } from './migration.js';

export const scheduleClaims: Migration = {
  id: '0009-schedule-claims',
  async up(db, kind) {
    const t = columnTypes(kind);
    await db.schema
      .createTable('schedule_claims')
      .addColumn('job', t.key, (c) => c.notNull())
      .addColumn('slot', t.key, (c) => c.notNull())
      .addColumn('claimed_by', t.text, (c) => c.notNull())
      .addColumn('claimed_at', t.timestamp, (c) => c.notNull())
      .addColumn('run_id', t.key)
      .addPrimaryKeyConstraint('schedule_claims_pk', ['job', 'slot'])
      .execute();
    await db.schema.createIndex('schedule_claims_claimed_at').on('schedule_claims').column('claimed_at').execute();
    await db.schema
      .createTable('change_markers')
      .addColumn('topic', t.key, (c) => c.primaryKey())
      .addColumn('version', t.bigint, (c) => c.notNull())
      .addColumn('changed_at', t.timestamp, (c) => c.notNull())
      .execute();
  },
};
