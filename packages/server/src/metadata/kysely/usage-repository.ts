/**
 * Query usage. Batches are inserted in one transaction, in chunks that stay under SQLite's
 * bound-parameter limit; an id already recorded is skipped, so a batch retried after a lost
 * acknowledgement is not counted twice. Lists and summaries range-scan the product or the
 * principal index; nothing reads the whole table.
 */
import { InputError } from '@meshwork/core';
import type { Page } from '../metadata-types.js';
import { pageLimit, toPage } from '../page-request.js';
import { fromTimestamp, requireText, toTimestamp } from '../record-validation.js';
import {
  MAX_SUMMARY_VALUES,
  type QueryUsageInput,
  type QueryUsageQuery,
  type QueryUsageRecord,
  type QueryUsageSummary,
} from '../usage-types.js';
import { normalizeUsageBatch } from '../usage-validation.js';
import type { RepositoryContext } from './repository-context.js';
import { decodeUsageCursor, encodeUsageCursor, toQueryUsage } from './usage-row.js';

/** 14 parameters a row: 500 rows stay well under SQLite's 32,766 and PostgreSQL's 65,535. */
const INSERT_CHUNK = 500;
/** Distinct (consumer, purpose) and (consumer, agreements) pairs a summary reads at most. */
const MAX_DISTINCT_PAIRS = 10_000;

export class UsageRepository {
  constructor(private readonly context: RepositoryContext) {}

  /** Returns how many entries were new. */
  async record(entries: readonly QueryUsageInput[]): Promise<number> {
    const rows = normalizeUsageBatch(entries, this.context.now);
    if (rows.length === 0) return 0;
    return this.context.write('data', async (trx) => {
      let inserted = 0;
      for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
        const result = await trx
          .insertInto('query_usage')
          .values(rows.slice(start, start + INSERT_CHUNK))
          .onConflict((conflict) => conflict.column('id').doNothing())
          .executeTakeFirst();
        inserted += Number(result.numInsertedOrUpdatedRows ?? 0n);
      }
      return inserted;
    });
  }

  async list(query: QueryUsageQuery): Promise<Page<QueryUsageRecord>> {
    const limit = pageLimit(query.limit);
    const after = decodeUsageCursor(query.after);
    if (query.productId === undefined && query.principalId === undefined) {
      throw new InputError('MW6101', 'listQueryUsage needs a productId or a principalId.');
    }
    let select = this.context.db.selectFrom('query_usage').selectAll();
    // With both, the product index serves and the principal is a residual filter: an owner looks
    // at one consumer of one product, whose rows are a subset of the product's.
    if (query.productId !== undefined) {
      select = select.where('product_id', '=', requireText(query.productId, 'productId', 200));
    }
    if (query.principalId !== undefined) {
      select = select.where('principal_id', '=', requireText(query.principalId, 'principalId', 200));
    }
    if (after !== undefined) {
      select = select.where(({ eb, refTuple, tuple }) =>
        eb(refTuple('started_at', 'id'), '<', tuple(after.startedAt, after.id)),
      );
    }
    const rows = await select
      .orderBy('started_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute();
    return toPage(rows.map(toQueryUsage), limit, encodeUsageCursor);
  }

  /** Per consumer of the product since `since`: most queries first, then by principal id. */
  async summarize(productId: string, since: string | Date): Promise<readonly QueryUsageSummary[]> {
    const product = requireText(productId, 'productId', 200);
    const from = toTimestamp(since, 'since', this.context.now);
    const scope = this.context.db
      .selectFrom('query_usage')
      .where('product_id', '=', product)
      .where('started_at', '>=', from);
    const totals = await scope
      .select(({ fn, eb }) => [
        'principal_id',
        fn.countAll<number | string>().as('queries'),
        fn
          .sum<number | string>(eb.case().when('status', '=', 'failed').then(eb.lit(1)).else(eb.lit(0)).end())
          .as('failed'),
        fn
          .sum<number | string>(eb.case().when('status', '=', 'cancelled').then(eb.lit(1)).else(eb.lit(0)).end())
          .as('cancelled'),
        fn.sum<number | string>('rows').as('rows'),
        fn.sum<number | string>('bytes').as('bytes'),
        fn.sum<number | string>('duration_ms').as('duration_ms'),
        fn.max('started_at').as('last_query_at'),
      ])
      .groupBy('principal_id')
      .orderBy('queries', 'desc')
      .orderBy('principal_id')
      .execute();
    const purposes = await scope
      .select(['principal_id', 'purpose'])
      .distinct()
      .where('purpose', 'is not', null)
      .orderBy('principal_id')
      .orderBy('purpose')
      .limit(MAX_DISTINCT_PAIRS)
      .execute();
    const agreements = await scope
      .select(['principal_id', 'agreement_ids'])
      .distinct()
      .where('agreement_ids', '<>', '[]')
      .orderBy('principal_id')
      .orderBy('agreement_ids')
      .limit(MAX_DISTINCT_PAIRS)
      .execute();
    const purposesOf = collect(purposes.map((row) => [row.principal_id, [row.purpose!]]));
    const agreementsOf = collect(
      agreements.map((row) => [row.principal_id, JSON.parse(row.agreement_ids) as string[]]),
    );
    return totals.map((row) => ({
      principalId: row.principal_id,
      queries: Number(row.queries),
      failed: Number(row.failed),
      cancelled: Number(row.cancelled),
      rows: Number(row.rows),
      bytes: Number(row.bytes),
      durationMs: Number(row.duration_ms),
      lastQueryAt: fromTimestamp(row.last_query_at),
      purposes: purposesOf(row.principal_id),
      agreementIds: agreementsOf(row.principal_id),
    }));
  }
}

/**
 * Distinct values per principal, sorted in JavaScript (UTF-16 order): PostgreSQL sorts free text
 * by the server's collation, which would make the adapters disagree.
 */
function collect(pairs: readonly (readonly [string, readonly string[]])[]): (principalId: string) => string[] {
  const byPrincipal = new Map<string, Set<string>>();
  for (const [principalId, values] of pairs) {
    const set = byPrincipal.get(principalId) ?? new Set<string>();
    for (const value of values) set.add(value);
    byPrincipal.set(principalId, set);
  }
  return (principalId) => [...(byPrincipal.get(principalId) ?? [])].sort().slice(0, MAX_SUMMARY_VALUES);
}
