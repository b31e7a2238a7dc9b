/**
 * Compliance over time: per check, the pass / fail / waived / error counts summed over the rows
 * that match a policy and/or a domain, aggregated by the database in one statement.
 *
 * - With a policy and/or a domain, the counts carry their check's time, so the statement scans
 *   the one index of that filter shape, (policy_id | domain | policy_id, domain; checked_at,
 *   check_id), backwards, groups rows as they come and stops after `limit` checks.
 * - Without, it walks the checks newest first on (checked_at, id) and sums each one's counts
 *   through the primary key: there is deliberately no (checked_at) index on the counts, which
 *   PostgreSQL would otherwise prefer, with a residual filter, for the policy and domain shapes.
 */
import { sql } from 'kysely';
import type { ComplianceHistoryQuery, CompliancePoint, GovernanceTrigger } from '../governance-types.js';
import { normalizeTimeRange } from '../governance-validation.js';
import { pageLimit } from '../page-request.js';
import { fromTimestamp, optionalText } from '../record-validation.js';
import type { MetadataDb } from './store-dialect.js';

interface HistoryFilter {
  readonly policyId: string | null;
  readonly domain: string | null;
  readonly since: string | undefined;
  readonly until: string | undefined;
  readonly limit: number;
}

/**
 * The newest `limit` checks in [since, until) that have a count row matching the filters, oldest
 * first (ready to plot). A check without a matching row (the policy was not in its set, the
 * domain had no products) has no point rather than a point of zeros.
 */
export async function complianceHistory(
  db: MetadataDb,
  query: ComplianceHistoryQuery,
): Promise<readonly CompliancePoint[]> {
  const rows = await complianceHistoryQuery(db, query).execute();
  return rows.map((row) => ({
    checkId: row.check_id,
    checkedAt: fromTimestamp(row.checked_at),
    trigger: row.trigger as GovernanceTrigger,
    policySetHash: row.policy_set_hash,
    productCount: Number(row.product_count),
    passed: Number(row.passed),
    failed: Number(row.failed),
    waived: Number(row.waived),
    errors: Number(row.errors),
  }));
}

/** The one statement, unexecuted: what `complianceHistory` runs (and what to EXPLAIN). */
export function complianceHistoryQuery(db: MetadataDb, query: ComplianceHistoryQuery) {
  const { since, until } = normalizeTimeRange(query.since, query.until);
  const filter: HistoryFilter = {
    policyId: optionalText(query.policyId, 'policyId', 200),
    domain: optionalText(query.domain, 'domain', 200),
    since,
    until,
    limit: pageLimit(query.limit),
  };
  return filter.policyId === null && filter.domain === null ? allCounts(db, filter) : matchingCounts(db, filter);
}

function matchingCounts(db: MetadataDb, filter: HistoryFilter) {
  let sums = db
    .selectFrom('governance_check_counts')
    .select(({ fn }) => [
      'check_id',
      'checked_at',
      fn.sum<number | string>('passed').as('passed'),
      fn.sum<number | string>('failed').as('failed'),
      fn.sum<number | string>('waived').as('waived'),
      fn.sum<number | string>('errors').as('errors'),
    ]);
  if (filter.policyId !== null) sums = sums.where('policy_id', '=', filter.policyId);
  if (filter.domain !== null) sums = sums.where('domain', '=', filter.domain);
  if (filter.since !== undefined) sums = sums.where('checked_at', '>=', filter.since);
  if (filter.until !== undefined) sums = sums.where('checked_at', '<', filter.until);
  const newest = sums
    .groupBy(['checked_at', 'check_id'])
    .orderBy('checked_at', 'desc')
    .orderBy('check_id', 'desc')
    .limit(filter.limit);
  return db
    .selectFrom(newest.as('h'))
    .innerJoin('governance_checks as c', 'c.id', 'h.check_id')
    .select([
      'h.check_id',
      'h.checked_at',
      'c.trigger',
      'c.policy_set_hash',
      'c.product_count',
      'h.passed',
      'h.failed',
      'h.waived',
      'h.errors',
    ])
    .orderBy('h.checked_at')
    .orderBy('h.check_id');
}

function allCounts(db: MetadataDb, filter: HistoryFilter) {
  let checks = db
    .selectFrom('governance_checks as g')
    .select(['g.id', 'g.checked_at', 'g.trigger', 'g.policy_set_hash', 'g.product_count'])
    // Same points as the filtered shape: a check without counts has none.
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('governance_check_counts as e').select(sql.lit(1).as('one')).whereRef('e.check_id', '=', 'g.id'),
      ),
    );
  if (filter.since !== undefined) checks = checks.where('g.checked_at', '>=', filter.since);
  if (filter.until !== undefined) checks = checks.where('g.checked_at', '<', filter.until);
  const newest = checks.orderBy('g.checked_at', 'desc').orderBy('g.id', 'desc').limit(filter.limit);
  return db
    .selectFrom(newest.as('c'))
    .innerJoin('governance_check_counts as k', 'k.check_id', 'c.id')
    .select(({ fn }) => [
      'c.id as check_id',
      'c.checked_at',
      'c.trigger',
      'c.policy_set_hash',
      'c.product_count',
      fn.sum<number | string>('k.passed').as('passed'),
      fn.sum<number | string>('k.failed').as('failed'),
      fn.sum<number | string>('k.waived').as('waived'),
      fn.sum<number | string>('k.errors').as('errors'),
    ])
    .groupBy(['c.checked_at', 'c.id', 'c.trigger', 'c.policy_set_hash', 'c.product_count'])
    .orderBy('c.checked_at')
    .orderBy('c.id');
}
