/**
 * Run history. A run is inserted `running` and updated once with its result; the database keeps
 * at most one running run per product (a partial unique index), so two processes starting the
 * same product cannot both record a run. Runs left `running` by a process that died are failed
 * by `failStale` with MW6120 when the caller knows their process is gone.
 */
import { ConflictError, InputError, NotFoundError } from '@meshwork/core';
import type { Selectable } from 'kysely';
import { pageLimit, toPage } from '../page-request.js';
import { fromTimestamp, optionalText, requireChoice, requireText, toTimestamp } from '../record-validation.js';
import { normalizeRunInput, normalizeRunResult, requireRunId, runIdOrUndefined } from '../run-validation.js';
import {
  RUN_STATUSES,
  type RunInput,
  type RunQuery,
  type RunRecord,
  type RunResult,
  type StaleRunQuery,
} from '../run-types.js';
import type { Page } from '../metadata-types.js';
import type { RunsTable } from './metadata-schema.js';
import type { RepositoryContext } from './repository-context.js';
import { decodeRunCursor, encodeRunCursor, toRun } from './run-row.js';
import type { MetadataDb } from './store-dialect.js';

/** Stored as the error code of runs found abandoned; listed in metadata-codes.ts. */
export const ABANDONED_RUN_CODE = 'MW6120';
const DEFAULT_ABANDONED_REASON = 'Abandoned: the process running it stopped before recording a result.';

export class RunRepository {
  constructor(private readonly context: RepositoryContext) {}

  async create(input: RunInput): Promise<RunRecord> {
    const row = normalizeRunInput(input, this.context.now);
    return this.context.write('data', async (trx) => {
      await requireProduct(trx, row.product_id);
      // One statement arbitrates both unique keys (the id, and one running run per product),
      // also between concurrent PostgreSQL transactions; the reads after it only explain a refusal.
      const inserted = await trx
        .insertInto('runs')
        .values({
          ...row,
          status: 'running',
          finished_at: null,
          rows_in: null,
          rows_out: null,
          error_code: null,
          error_message: null,
          steps: '[]',
          checks: '[]',
          outputs: '[]',
        })
        .onConflict((conflict) => conflict.doNothing())
        .returningAll()
        .executeTakeFirst();
      if (inserted) return toRun(inserted);
      const existing = await findRun(trx, row.id);
      if (existing) {
        throw new ConflictError(
          'MW6110',
          `Run ${row.id} already exists (product ${existing.product_id}, started ${fromTimestamp(existing.started_at)}); every run needs a new UUID.`,
        );
      }
      const running = await trx
        .selectFrom('runs')
        .select(['id', 'started_at', 'requested_by'])
        .where('product_id', '=', row.product_id)
        .where('status', '=', 'running')
        .executeTakeFirst();
      const which = running
        ? `run ${running.id}, started ${fromTimestamp(running.started_at)} by ${running.requested_by}`
        : 'a run that has just finished';
      throw new ConflictError(
        'MW6123',
        `Product ${row.product_id} already has a running run (${which}); wait for it, or mark it abandoned if its process is gone.`,
      );
    });
  }

  async finish(id: string, result: RunResult): Promise<RunRecord> {
    const runId = requireRunId(id);
    const values = normalizeRunResult(result, this.context.now);
    return this.context.write('data', async (trx) => {
      const current = await findRun(trx, runId);
      if (!current) throw new NotFoundError('MW6121', `Run ${runId} is not recorded; it cannot be finished.`);
      if (current.status !== 'running') throw alreadyFinished(toRun(current));
      const started = fromTimestamp(current.started_at);
      if (values.finished_at < started) {
        throw new InputError('MW6101', `run.finishedAt ${values.finished_at} is before the run started (${started}).`);
      }
      // `status = running` again in the UPDATE: under PostgreSQL's READ COMMITTED it is re-checked
      // against a concurrent finisher's committed row, so a run is finished exactly once.
      const updated = await trx
        .updateTable('runs')
        .set(values)
        .where('id', '=', runId)
        .where('status', '=', 'running')
        .returningAll()
        .executeTakeFirst();
      if (!updated) {
        const now = await findRun(trx, runId);
        throw alreadyFinished(now ? toRun(now) : toRun(current));
      }
      return toRun(updated);
    });
  }

  async get(id: string): Promise<RunRecord | undefined> {
    const runId = runIdOrUndefined(id);
    if (runId === undefined) return undefined;
    const row = await findRun(this.context.db, runId);
    return row && toRun(row);
  }

  async list(query: RunQuery = {}): Promise<Page<RunRecord>> {
    const limit = pageLimit(query.limit);
    const after = decodeRunCursor(query.after);
    let select = this.context.db.selectFrom('runs').selectAll();
    // Each filter shape has an index starting with its equality columns and ending (started_at, id).
    if (query.productId !== undefined) select = select.where('product_id', '=', query.productId);
    if (query.status !== undefined) {
      select = select.where('status', '=', requireChoice(query.status, 'status', RUN_STATUSES));
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
    return toPage(rows.map(toRun), limit, encodeRunCursor);
  }

  async failStale(query: StaleRunQuery): Promise<readonly RunRecord[]> {
    const productId = optionalText(query.productId, 'productId', 200);
    const startedBefore =
      query.startedBefore === undefined ? null : toTimestamp(query.startedBefore, 'startedBefore', this.context.now);
    if (productId === null && startedBefore === null) {
      throw new InputError(
        'MW6101',
        'failStaleRuns needs productId or startedBefore: name the runs whose process is known to be gone.',
      );
    }
    const message = query.reason === undefined ? DEFAULT_ABANDONED_REASON : requireText(query.reason, 'reason', 10_000);
    const at = toTimestamp(query.at, 'at', this.context.now);
    return this.context.write('data', async (trx) => {
      let select = trx.selectFrom('runs').select(['id', 'started_at']).where('status', '=', 'running');
      if (productId !== null) select = select.where('product_id', '=', productId);
      if (startedBefore !== null) select = select.where('started_at', '<', startedBefore);
      // At most one running run per product, so this is bounded by the number of products.
      const stale = await select.orderBy('started_at').orderBy('id').execute();
      const failed: RunRecord[] = [];
      for (const run of stale) {
        const startedAt = fromTimestamp(run.started_at);
        const updated = await trx
          .updateTable('runs')
          .set({
            status: 'failed',
            // Another machine's clock may be ahead; a run never ends before it started.
            finished_at: at < startedAt ? startedAt : at,
            error_code: ABANDONED_RUN_CODE,
            error_message: message,
          })
          .where('id', '=', run.id)
          .where('status', '=', 'running')
          .returningAll()
          .executeTakeFirst();
        if (updated) failed.push(toRun(updated));
      }
      return failed;
    });
  }
}

async function requireProduct(trx: MetadataDb, productId: string): Promise<void> {
  const product = await trx.selectFrom('products').select('id').where('id', '=', productId).executeTakeFirst();
  if (!product) {
    throw new NotFoundError('MW6104', `Product ${productId} is not registered; register it before recording its runs.`);
  }
}

function findRun(db: MetadataDb, id: string): Promise<Selectable<RunsTable> | undefined> {
  return db.selectFrom('runs').selectAll().where('id', '=', id).executeTakeFirst();
}

function alreadyFinished(run: RunRecord): ConflictError {
  const how = run.error?.code === ABANDONED_RUN_CODE ? ' (marked abandoned)' : '';
  return new ConflictError(
    'MW6122',
    `Run ${run.id} of ${run.productId} already finished as ${run.status}${how} at ${run.finishedAt ?? 'an unknown time'}; a run is finished once.`,
  );
}
