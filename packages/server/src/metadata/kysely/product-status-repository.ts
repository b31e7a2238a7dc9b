/**
 * Product status history: only transitions are stored. Appending reads the latest entry and
 * inserts the next seq; when two writers race (PostgreSQL, separate transactions), the primary
 * key (product_id, seq) lets one insert win and the other re-read and decide again, so the
 * history never holds the same status twice in a row.
 */
import { InputError, NotFoundError } from '@meshwork/core';
import type { Selectable } from 'kysely';
import { decodeCursor, encodeCursor, pageLimit, toPage } from '../page-request.js';
import { fromTimestamp, requireChoice, requireText, toTimestamp } from '../record-validation.js';
import {
  PRODUCT_STATUSES,
  type ProductStatusInput,
  type ProductStatusRecord,
  type RecordedProductStatus,
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
