/**
 * Agreements. A request is inserted `pending`; each later step is one UPDATE guarded by the
 * status the caller saw, so racing decisions (two owners, or an owner and the sweeper) resolve
 * to exactly one winner. The database keeps at most one pending request per principal and port.
 */
import { ConflictError, InputError, NotFoundError } from '@meshwork/core';
import type { Selectable } from 'kysely';
import type {
  AgreementInput,
  AgreementPort,
  AgreementQuery,
  AgreementRecord,
  AgreementStatusChange,
} from '../agreement-types.js';
import {
  normalizeAgreementInput,
  normalizeAgreementPort,
  normalizeStatusChange,
  requireAgreementId,
  statusFilter,
} from '../agreement-validation.js';
import type { Page } from '../metadata-types.js';
import { MAX_PAGE_LIMIT, pageLimit, toPage } from '../page-request.js';
import { requireText, toTimestamp } from '../record-validation.js';
import { runIdOrUndefined } from '../run-validation.js';
import type { AgreementsTable } from './agreement-schema.js';
import { decodeAgreementCursor, encodeAgreementCursor, toAgreement } from './agreement-row.js';
import type { RepositoryContext } from './repository-context.js';
import type { MetadataDb } from './store-dialect.js';

export class AgreementRepository {
  constructor(private readonly context: RepositoryContext) {}

  async create(input: AgreementInput): Promise<AgreementRecord> {
    const row = normalizeAgreementInput(input, this.context.now);
    return this.context.write('data', async (trx) => {
      const product = await trx.selectFrom('products').select('id').where('id', '=', row.product_id).executeTakeFirst();
      if (!product) {
        throw new NotFoundError(
          'MW6104',
          `Product ${row.product_id} is not registered; register it before recording access requests.`,
        );
      }
      // One statement arbitrates both unique keys (the id, and one pending request per principal
      // and port), also between concurrent PostgreSQL transactions; the reads after it only explain.
      const inserted = await trx
        .insertInto('agreements')
        .values({
          ...row,
          status: 'pending',
          decided_by: null,
          decided_at: null,
          decision_note: null,
          ended_by: null,
          ended_at: null,
          end_note: null,
          updated_at: row.requested_at,
        })
        .onConflict((conflict) => conflict.doNothing())
        .returningAll()
        .executeTakeFirst();
      if (inserted) return toAgreement(inserted);
      if (await findAgreement(trx, row.id)) {
        throw new ConflictError('MW6110', `Agreement ${row.id} already exists; every request needs a new UUID.`);
      }
      const pending = await trx
        .selectFrom('agreements')
        .select(['id', 'requested_at'])
        .where('principal_id', '=', row.principal_id)
        .where('product_id', '=', row.product_id)
        .where('port', '=', row.port)
        .where('major', '=', row.major)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      throw new ConflictError(
        'MW6162',
        `${row.principal_id} already has a pending request for ${row.product_id}/${row.port}@${row.major}` +
          (pending ? ` (${pending.id})` : '') +
          '; wait for its decision or cancel it before asking again.',
      );
    });
  }

  async get(id: string): Promise<AgreementRecord | undefined> {
    const agreementId = runIdOrUndefined(id);
    if (agreementId === undefined) return undefined;
    const row = await findAgreement(this.context.db, agreementId);
    return row && toAgreement(row);
  }

  async list(query: AgreementQuery = {}): Promise<Page<AgreementRecord>> {
    const limit = pageLimit(query.limit);
    const after = decodeAgreementCursor(query.after);
    const statuses = statusFilter(query.status);
    const productIds = productFilter(query);
    if (productIds?.length === 0) return { items: [] };
    let select = this.context.db.selectFrom('agreements').selectAll();
    // Each shape starts an index with its equality columns and ends with (requested_at, id).
    if (productIds !== undefined) select = select.where('product_id', 'in', productIds);
    if (query.principalId !== undefined) {
      select = select.where('principal_id', '=', requireText(query.principalId, 'principalId', 200));
    }
    if (statuses.length > 0) select = select.where('status', 'in', statuses);
    if (after !== undefined) {
      select = select.where(({ eb, refTuple, tuple }) =>
        eb(refTuple('requested_at', 'id'), '<', tuple(after.requestedAt, after.id)),
      );
    }
    const rows = await select
      .orderBy('requested_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute();
    return toPage(rows.map(toAgreement), limit, encodeAgreementCursor);
  }

  async changeStatus(change: AgreementStatusChange): Promise<AgreementRecord> {
    const step = normalizeStatusChange(change, this.context.now);
    const ends = step.to === 'revoked' || step.to === 'expired';
    const values = ends
      ? { ended_by: step.by, ended_at: step.at, end_note: step.note }
      : { decided_by: step.by, decided_at: step.at, decision_note: step.note };
    return this.context.write('data', async (trx) => {
      // `status = from` in the UPDATE itself: under PostgreSQL's READ COMMITTED it is re-checked
      // against a concurrent writer's committed row, so exactly one of two racing steps applies.
      const updated = await trx
        .updateTable('agreements')
        .set({ ...values, status: step.to, updated_at: step.at })
        .where('id', '=', step.id)
        .where('status', '=', step.from)
        .returningAll()
        .executeTakeFirst();
      if (updated) return toAgreement(updated);
      const current = await findAgreement(trx, step.id);
      if (!current) throw new NotFoundError('MW6160', `Agreement ${step.id} is not recorded.`);
      const by = current.decided_by ?? current.ended_by;
      throw new ConflictError(
        'MW6161',
        `Agreement ${step.id} is ${current.status}${by ? ` (by ${by})` : ''}, no longer ${step.from}; ` +
          `it cannot become ${step.to}. Reload it and decide again.`,
      );
    });
  }

  async active(principalId: string, port: AgreementPort, at: string | Date): Promise<readonly AgreementRecord[]> {
    const ref = normalizeAgreementPort(port, 'port');
    const when = toTimestamp(at, 'at', this.context.now);
    // One range scan of agreements_principal_port_status; the time window is computed here, at
    // lookup time, so an agreement starts and stops by the clock alone.
    const rows = await this.context.db
      .selectFrom('agreements')
      .selectAll()
      .where('principal_id', '=', requireText(principalId, 'principalId', 200))
      .where('product_id', '=', ref.productId)
      .where('port', '=', ref.port)
      .where('major', '=', ref.major)
      .where('status', '=', 'approved')
      .where('starts_at', '<=', when)
      .where('ends_at', '>', when)
      .orderBy('ends_at', 'desc')
      .orderBy('id')
      .execute();
    return rows.map(toAgreement);
  }

  /** Approved agreements whose end is at or before `at`, oldest end first: what the sweeper expires. */
  async pastEnd(at: string | Date, limit: number): Promise<readonly AgreementRecord[]> {
    const rows = await this.context.db
      .selectFrom('agreements')
      .selectAll()
      .where('status', '=', 'approved')
      .where('ends_at', '<=', toTimestamp(at, 'at', this.context.now))
      .orderBy('ends_at')
      .orderBy('id')
      .limit(pageLimit(limit))
      .execute();
    return rows.map(toAgreement);
  }
}

function productFilter(query: AgreementQuery): string[] | undefined {
  if (query.productId === undefined && query.productIds === undefined) return undefined;
  const ids = [...(query.productId === undefined ? [] : [query.productId]), ...(query.productIds ?? [])];
  if (ids.length > MAX_PAGE_LIMIT) {
    throw new InputError('MW6101', `productIds may name at most ${MAX_PAGE_LIMIT} products; got ${ids.length}.`);
  }
  const unique = [...new Set(ids.map((id, i) => requireText(id, `productIds[${i}]`, 200)))];
  // Both filters given: only products in both.
  return query.productId !== undefined && query.productIds !== undefined
    ? unique.filter((id) => id === query.productId && query.productIds!.includes(id))
    : unique;
}

function findAgreement(db: MetadataDb, id: string): Promise<Selectable<AgreementsTable> | undefined> {
  return db.selectFrom('agreements').selectAll().where('id', '=', requireAgreementId(id)).executeTakeFirst();
}
