/**
 * Governance compliance history. A check and all its counts are inserted in one transaction, so
 * a reader never sees a check with part of its counts; a used id is ConflictError MW6110. Checks
 * are history: there is no update or delete. Lists range-scan (checked_at, id) newest first and
 * read the page's counts by primary key; the history over time is summed in SQL
 * (`compliance-history.ts`).
 */
import { ConflictError } from '@meshwork/core';
import type {
  ComplianceHistoryQuery,
  CompliancePoint,
  GovernanceCheckInput,
  GovernanceCheckQuery,
  GovernanceCheckRecord,
  GovernanceTrigger,
} from '../governance-types.js';
import { GOVERNANCE_TRIGGERS } from '../governance-types.js';
import { checkIdOrUndefined, normalizeGovernanceCheck, normalizeTimeRange } from '../governance-validation.js';
import type { Page } from '../metadata-types.js';
import { pageLimit, toPage } from '../page-request.js';
import { requireChoice } from '../record-validation.js';
import { complianceHistory } from './compliance-history.js';
import {
  checkPosition,
  COUNT_COLUMNS,
  decodeCheckCursor,
  encodeCheckCursor,
  toGovernanceCheck,
  type CheckRow,
  type CountRow,
} from './governance-row.js';
import type { RepositoryContext } from './repository-context.js';

/** 12 parameters a row: 1,000 rows stay well under SQLite's 32,766 and PostgreSQL's 65,535. */
const INSERT_CHUNK = 1000;

export class GovernanceRepository {
  constructor(private readonly context: RepositoryContext) {}

  async record(input: GovernanceCheckInput): Promise<GovernanceCheckRecord> {
    const check = normalizeGovernanceCheck(input, this.context.now);
    const counts = check.counts.map((count) => ({
      check_id: check.id,
      policy_id: count.policyId,
      domain: count.domain,
      severity: count.severity,
      passed: count.passed,
      failed: count.failed,
      waived: count.waived,
      errors: count.errors,
      checked_at: check.checkedAt,
    }));
    return this.context.write('data', async (trx) => {
      const inserted = await trx
        .insertInto('governance_checks')
        .values({
          id: check.id,
          checked_at: check.checkedAt,
          actor: check.actor,
          trigger: check.trigger,
          policy_set_hash: check.policySetHash,
          product_count: check.productCount,
        })
        .onConflict((conflict) => conflict.column('id').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) {
        throw new ConflictError('MW6110', `Governance check ${check.id} already exists; every check needs a new id.`);
      }
      for (let start = 0; start < counts.length; start += INSERT_CHUNK) {
        await trx
          .insertInto('governance_check_counts')
          .values(counts.slice(start, start + INSERT_CHUNK))
          .execute();
      }
      return check;
    });
  }

  async get(id: string): Promise<GovernanceCheckRecord | undefined> {
    const checkId = checkIdOrUndefined(id);
    if (checkId === undefined) return undefined;
    const row = await this.context.db
      .selectFrom('governance_checks')
      .selectAll()
      .where('id', '=', checkId)
      .executeTakeFirst();
    return row && (await this.#withCounts([row]))[0];
  }

  async latest(query: { readonly trigger?: GovernanceTrigger } = {}): Promise<GovernanceCheckRecord | undefined> {
    const page = await this.list({ trigger: query.trigger, limit: 1 });
    return page.items[0];
  }

  async list(query: GovernanceCheckQuery = {}): Promise<Page<GovernanceCheckRecord>> {
    const limit = pageLimit(query.limit);
    const after = decodeCheckCursor(query.after);
    const { since, until } = normalizeTimeRange(query.since, query.until);
    let select = this.context.db.selectFrom('governance_checks').selectAll();
    // (trigger, checked_at, id) with a trigger, (checked_at, id) without; both scanned backwards.
    if (query.trigger !== undefined) {
      select = select.where('trigger', '=', requireChoice(query.trigger, 'trigger', GOVERNANCE_TRIGGERS));
    }
    if (since !== undefined) select = select.where('checked_at', '>=', since);
    if (until !== undefined) select = select.where('checked_at', '<', until);
    if (after !== undefined) {
      select = select.where(({ eb, refTuple, tuple }) =>
        eb(refTuple('checked_at', 'id'), '<', tuple(after.checkedAt, after.id)),
      );
    }
    const rows = await select
      .orderBy('checked_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute();
    const page = toPage(rows, limit, (row) => encodeCheckCursor(checkPosition(row)));
    return { ...page, items: await this.#withCounts(page.items) };
  }

  history(query: ComplianceHistoryQuery = {}): Promise<readonly CompliancePoint[]> {
    return complianceHistory(this.context.db, query);
  }

  /** One primary-key read for a page's counts (at most 1,000 checks, so at most 1,000 ids). */
  async #withCounts(rows: readonly CheckRow[]): Promise<GovernanceCheckRecord[]> {
    if (rows.length === 0) return [];
    const counts = await this.context.db
      .selectFrom('governance_check_counts')
      .select(COUNT_COLUMNS)
      .where(
        'check_id',
        'in',
        rows.map((row) => row.id),
      )
      .orderBy('check_id')
      .orderBy('policy_id')
      .orderBy('domain')
      .execute();
    const byCheck = new Map<string, CountRow[]>();
    for (const count of counts) {
      const list = byCheck.get(count.check_id) ?? [];
      list.push(count);
      byCheck.set(count.check_id, list);
    }
    return rows.map((row) => toGovernanceCheck(row, byCheck.get(row.id) ?? []));
  }
}
