/**
 * Governance compliance history: one row per check, one row per (check, policy, domain) count.
 *
 * Reads and their indexes:
 * - checks newest first, all or per trigger, and the latest: (checked_at, id), (trigger, checked_at, id);
 * - a check's counts: the primary key (check_id, policy_id, domain), which also refuses a second
 *   row for the same policy and domain;
 * - compliance over time, summed per check in SQL: the counts keep a copy of their check's time,
 *   so each filter shape — policy, domain, policy + domain — range-scans one index ending
 *   (checked_at, check_id) in the order the groups are returned, and stops after `limit` groups;
 *   without a filter, the checks' (checked_at, id) index and the counts' primary key serve. No
 *   (checked_at) index on the counts: PostgreSQL would prefer it, with a residual filter, over
 *   the policy and domain indexes (it is in insertion order), and scan every recent row.
 */
import { sql } from 'kysely';
import { columnTypes } from './column-types.js';
import type { Migration } from './migration.js';

const COUNTS = ['passed', 'failed', 'waived', 'errors'] as const;

export const governanceChecks: Migration = {
  id: '0006-governance-checks',
  async up(db, kind) {
    const t = columnTypes(kind);
    const schema = db.schema;
    await schema
      .createTable('governance_checks')
      .addColumn('id', t.key, (c) => c.primaryKey())
      .addColumn('checked_at', t.timestamp, (c) => c.notNull())
      .addColumn('actor', t.text, (c) => c.notNull())
      .addColumn('trigger', t.key, (c) => c.notNull())
      .addColumn('policy_set_hash', t.text, (c) => c.notNull())
      .addColumn('product_count', t.bigint, (c) => c.notNull().check(sql`${sql.ref('product_count')} >= 0`))
      .execute();
    await schema
      .createIndex('governance_checks_checked_id')
      .on('governance_checks')
      .columns(['checked_at', 'id'])
      .execute();
    await schema
      .createIndex('governance_checks_trigger_checked_id')
      .on('governance_checks')
      .columns(['trigger', 'checked_at', 'id'])
      .execute();

    let counts = schema
      .createTable('governance_check_counts')
      .addColumn('check_id', t.key, (c) => c.notNull().references('governance_checks.id'))
      .addColumn('policy_id', t.key, (c) => c.notNull())
      .addColumn('domain', t.key, (c) => c.notNull())
      .addColumn('severity', t.key, (c) => c.notNull());
    for (const column of COUNTS) {
      counts = counts.addColumn(column, t.bigint, (c) => c.notNull().check(sql`${sql.ref(column)} >= 0`));
    }
    await counts
      .addColumn('checked_at', t.timestamp, (c) => c.notNull())
      .addPrimaryKeyConstraint('governance_check_counts_pk', ['check_id', 'policy_id', 'domain'])
      .execute();
    const index = (name: string, columns: string[]) =>
      schema.createIndex(name).on('governance_check_counts').columns(columns).execute();
    await index('governance_check_counts_policy_checked', ['policy_id', 'checked_at', 'check_id']);
    await index('governance_check_counts_domain_checked', ['domain', 'checked_at', 'check_id']);
    await index('governance_check_counts_policy_domain_checked', ['policy_id', 'domain', 'checked_at', 'check_id']);
  },
};
