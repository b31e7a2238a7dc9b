/**
 * Product status history: only transitions are stored. Appending reads the latest entry and
 * inserts the next seq; when two writers race (PostgreSQL, separate transactions), the primary
 * key (product_id, seq) lets one insert win and the other re-read and decide again, so the
 * history never holds the same status twice in a row. The breaching transitions of every product
 * are paged newest first from a partial index (migration 0010).
 */
import { InputError, NotFoundError } from '@meshwork/core';
import { sql, type Selectable } from 'kysely';
import { decodeCursor, encodeCursor, pageLimit, toPage } from '../page-request.js';
import { fromTimestamp, requireChoice, requireText, toTimestamp } from '../record-validation.js';
import {
  PRODUCT_STATUSES,
  type ProductStatusInput,
  type ProductStatusRecord,
  type RecordedProductStatus,
  type StatusBreach,
  type StatusBreachKey,
  type StatusBreachQuery,
} from '../product-status-types.js';
import type { Page, PageQuery } from '../metadata-types.js';
import type { ProductStatusHistoryTable } from './metadata-schema.js';
import type { RepositoryContext } from './repository-context.js';
import type { MetadataDb } from './store-dialect.js';

// Each retry follows another writer's committed append; this many in one call means a bug.
const MAX_ATTEMPTS = 100;

export class ProductStatusRepository {
  constructor(private readonly context: RepositoryContext) {}

  async record(input: ProductStatusInput): Promise<RecordedProductStatus> {
    const entry: ProductStatusRecord = {
      productId: requireText(input.productId, 'productStatus.productId', 200),
      status: requireChoice(input.status, 'productStatus.status', PRODUCT_STATUSES),
      reason: requireText(input.reason, 'productStatus.reason', 10_000),
      at: toTimestamp(input.at, 'productStatus.at', this.context.now),
    };
    return this.context.write('data', async (trx) => {
      const product = await trx
        .selectFrom('products')
        .select('id')
        .where('id', '=', entry.productId)
        .executeTakeFirst();
      if (!product) {
        throw new NotFoundError(
          'MW6104',
          `Product ${entry.productId} is not registered; register it before recording its status.`,
        );
      }
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        // A new statement under READ COMMITTED: it sees the append a conflicting writer committed.
        const latest = await findLatest(trx, entry.productId);
        if (latest?.status === entry.status) return { current: toStatus(latest), changed: false };
        const inserted = await trx
          .insertInto('product_status_history')
          .values({
            product_id: entry.productId,
            seq: latest ? Number(latest.seq) + 1 : 1,
            status: entry.status,
            reason: entry.reason,
            at: entry.at,
          })
          .onConflict((conflict) => conflict.doNothing())
          .returning('seq')
          .executeTakeFirst();
        if (inserted) return { current: entry, changed: true };
      }
      throw new Error(`status of ${entry.productId} kept conflicting after ${MAX_ATTEMPTS} attempts`);
    });
  }

  async latest(productId: string): Promise<ProductStatusRecord | undefined> {
    const row = await findLatest(this.context.db, productId);
    return row && toStatus(row);
  }

  async list(productId: string, query: PageQuery = {}): Promise<Page<ProductStatusRecord>> {
    const limit = pageLimit(query.limit);
    const before = decodeSeq(query.after);
    let select = this.context.db.selectFrom('product_status_history').selectAll().where('product_id', '=', productId);
    if (before !== undefined) select = select.where('seq', '<', before);
    const rows = await select
      .orderBy('seq', 'desc')
      .limit(limit + 1)
      .execute();
    // The cursor is the seq, kept out of the record: callers page with `next` and need no more.
    const page = toPage(rows, limit, (row) => encodeCursor(String(Number(row.seq))));
    return { ...page, items: page.items.map(toStatus) };
  }

  /**
   * Breaching transitions of every product, newest first, from the partial index of 0010. Each
   * row carries two lookups through the primary key (product_id, seq): the status before it
   * (skipping `unknown`) and the next `fresh` — both as short as the product's surrounding
   * transitions, so a page costs the same with any number of products.
   */
  async breaches(query: StatusBreachQuery = {}): Promise<Page<StatusBreach, StatusBreachKey>> {
    const limit = pageLimit(query.limit);
    const after = query.after === undefined ? undefined : breachKey(query.after);
    const rows = await selectBreaches(this.context.db, after, limit + 1).execute();
    const breaches = rows.map((row): StatusBreach => ({
      ...toStatus(row),
      status: row.status as StatusBreach['status'],
      seq: Number(row.seq),
      priorStatus: (row.prior_status ?? null) as StatusBreach['priorStatus'],
      freshAgainAt: row.fresh_again_at === null ? null : fromTimestamp(row.fresh_again_at),
    }));
    return toPage(breaches, limit, ({ at, productId, seq }) => ({ at, productId, seq }));
  }

  /**
   * The transition before `seq` (if any), then `seq` and every later one through the next
   * `fresh` (or the latest), oldest first: a primary-key range whose end is found by one more.
   */
  async episode(productId: string, seq: number): Promise<ProductStatusRecord[]> {
    if (!Number.isSafeInteger(seq) || seq < 1) {
      throw new InputError('MW6101', `seq must be a positive integer, as a breach has it; got ${String(seq)}.`);
    }
    const db = this.context.db;
    const nextFresh = db
      .selectFrom('product_status_history')
      .select('seq')
      .where('product_id', '=', productId)
      .where('seq', '>', seq)
      .where('status', '=', 'fresh')
      .orderBy('seq')
      .limit(1);
    const rows = await db
      .selectFrom('product_status_history')
      .selectAll()
      .where('product_id', '=', productId)
      .where('seq', '>=', seq - 1)
      .where(sql<boolean>`${sql.ref('seq')} <= coalesce((${nextFresh}), ${Number.MAX_SAFE_INTEGER})`)
      .orderBy('seq')
      .execute();
    return rows.map(toStatus);
  }
}

/**
 * The breaches query, newest first, `after` a valid key. Exported for the test that pins its plan
 * on SQLite to the partial index (no scan, no sort).
 */
export function selectBreaches(db: MetadataDb, after: StatusBreachKey | undefined, limit: number) {
  let select = db
    .selectFrom('product_status_history as h')
    .selectAll('h')
    .select((eb) => [
      eb
        .selectFrom('product_status_history as p')
        .select('p.status')
        .whereRef('p.product_id', '=', 'h.product_id')
        .whereRef('p.seq', '<', 'h.seq')
        .where('p.status', '<>', 'unknown')
        .orderBy('p.seq', 'desc')
        .limit(1)
        .as('prior_status'),
      eb
        .selectFrom('product_status_history as n')
        .select('n.at')
        .whereRef('n.product_id', '=', 'h.product_id')
        .whereRef('n.seq', '>', 'h.seq')
        .where('n.status', '=', 'fresh')
        .orderBy('n.seq')
        .limit(1)
        .as('fresh_again_at'),
    ])
    // Literal, as in the index: a bound parameter would not match it (see 0010).
    .where(sql<boolean>`${sql.ref('h.status')} in ('failing', 'stale')`);
  if (after !== undefined) {
    // `at <= …` bounds the index range; the rest orders ties as the index does.
    select = select
      .where('h.at', '<=', after.at)
      .where((eb) =>
        eb.or([
          eb('h.at', '<', after.at),
          eb('h.product_id', '>', after.productId),
          eb.and([eb('h.product_id', '=', after.productId), eb('h.seq', '<', after.seq)]),
        ]),
      );
  }
  return select.orderBy('h.at', 'desc').orderBy('h.product_id').orderBy('h.seq', 'desc').limit(limit);
}

function findLatest(db: MetadataDb, productId: string): Promise<Selectable<ProductStatusHistoryTable> | undefined> {
  return db
    .selectFrom('product_status_history')
    .selectAll()
    .where('product_id', '=', productId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
}

function decodeSeq(cursor: string | undefined): number | undefined {
  const key = decodeCursor(cursor);
  if (key === undefined) return undefined;
  const seq = /^[1-9]\d{0,15}$/.test(key) ? Number(key) : Number.NaN;
  if (!Number.isSafeInteger(seq)) {
    throw new InputError(
      'MW6103',
      'after is not a cursor returned by listProductStatus; pass the `next` of the previous page.',
    );
  }
  return seq;
}

function toStatus(row: Selectable<ProductStatusHistoryTable>): ProductStatusRecord {
  return {
    productId: row.product_id,
    status: row.status as ProductStatusRecord['status'],
    reason: row.reason,
    at: fromTimestamp(row.at),
  };
}

/** A key as a breach has it: MW6103 for anything else (the same bounds as stored timestamps). */
function breachKey(key: StatusBreachKey): StatusBreachKey {
  const date = new Date(typeof key.at === 'string' ? key.at : Number.NaN);
  const year = date.getUTCFullYear();
  const valid =
    year >= 1 &&
    year <= 9999 &&
    typeof key.productId === 'string' &&
    key.productId !== '' &&
    Number.isSafeInteger(key.seq) &&
    key.seq >= 0;
  if (!valid) {
    throw new InputError(
      'MW6103',
      'after is not a key of listStatusBreaches; pass the `next` of the previous page, or a breach.',
    );
  }
  return { at: date.toISOString(), productId: key.productId, seq: key.seq };
}
