/**
 * Schedule claims: the first server to insert (job, slot) has that fire of the job. The insert
 * is the whole arbitration — `on conflict do nothing` on the primary key, in one statement — so
 * two servers racing for a slot, in separate PostgreSQL transactions or SQLite connections, get
 * exactly one winner; the loser reads who won, for its log line. Old claims are pruned by age.
 */
import { InputError } from '@meshwork/core';
import type { Selectable } from 'kysely';
import type { Page } from '../metadata-types.js';
import { decodeCursor, encodeCursor, pageLimit, toPage } from '../page-request.js';
import { fromTimestamp, requireText, toTimestamp } from '../record-validation.js';
import { requireRunId } from '../run-validation.js';
import type {
  ScheduleClaimInput,
  ScheduleClaimQuery,
  ScheduleClaimRecord,
  ScheduleClaimResult,
} from '../schedule-claim-types.js';
import type { RepositoryContext } from './repository-context.js';
import type { ScheduleClaimsTable } from './schedule-claim-schema.js';
import type { MetadataDb } from './store-dialect.js';

export class ScheduleClaimRepository {
  constructor(private readonly context: RepositoryContext) {}

  async claim(input: ScheduleClaimInput): Promise<ScheduleClaimResult> {
    const row = {
      job: requireText(input.job, 'claim.job', 300),
      slot: requireText(input.slot, 'claim.slot', 200),
      claimed_by: requireText(input.claimedBy, 'claim.claimedBy', 300),
      claimed_at: toTimestamp(input.claimedAt, 'claim.claimedAt', this.context.now),
      run_id: null,
    };
    return this.context.write('data', async (trx) => {
      const inserted = await trx
        .insertInto('schedule_claims')
        .values(row)
        .onConflict((conflict) => conflict.columns(['job', 'slot']).doNothing())
        .returningAll()
        .executeTakeFirst();
      if (inserted) return { claimed: true, claim: toClaim(inserted) };
      const holder = await find(trx, row.job, row.slot);
      // A claim is never deleted within its retention, so the conflicting row is still there.
      if (!holder) throw new Error(`claim ${row.job} ${row.slot} conflicted but cannot be read`);
      return { claimed: false, claim: toClaim(holder) };
    });
  }

  async noteRun(job: string, slot: string, claimedBy: string, runId: string): Promise<boolean> {
    const id = requireRunId(runId, 'claim.runId');
    return this.context.write('data', async (trx) => {
      const updated = await trx
        .updateTable('schedule_claims')
        .set({ run_id: id })
        .where('job', '=', job)
        .where('slot', '=', slot)
        .where('claimed_by', '=', claimedBy)
        .where('run_id', 'is', null)
        .executeTakeFirst();
      return Number(updated.numUpdatedRows) === 1;
    });
  }

  async list(query: ScheduleClaimQuery): Promise<Page<ScheduleClaimRecord>> {
    const job = requireText(query.job, 'job', 300);
    const limit = pageLimit(query.limit);
    const before = decodeCursor(query.after);
    let select = this.context.db.selectFrom('schedule_claims').selectAll().where('job', '=', job);
    if (before !== undefined) select = select.where('slot', '<', before);
    const rows = await select
      .orderBy('slot', 'desc')
      .limit(limit + 1)
      .execute();
    return toPage(rows.map(toClaim), limit, (claim) => encodeCursor(claim.slot));
  }

  async prune(before: string | Date): Promise<number> {
    const cutoff = toTimestamp(before, 'before', this.context.now);
    if (cutoff > this.context.now().toISOString()) {
      // A future cutoff would delete live claims and let a slot run twice.
      throw new InputError(
        'MW6101',
        `before ${cutoff} is in the future; prune only claims older than their retention.`,
      );
    }
    return this.context.write('data', async (trx) => {
      const deleted = await trx.deleteFrom('schedule_claims').where('claimed_at', '<', cutoff).executeTakeFirst();
      return Number(deleted.numDeletedRows);
    });
  }
}

function find(db: MetadataDb, job: string, slot: string): Promise<Selectable<ScheduleClaimsTable> | undefined> {
  return db
    .selectFrom('schedule_claims')
    .selectAll()
    .where('job', '=', job)
    .where('slot', '=', slot)
    .executeTakeFirst();
}

function toClaim(row: Selectable<ScheduleClaimsTable>): ScheduleClaimRecord {
  return {
    job: row.job,
    slot: row.slot,
    claimedBy: row.claimed_by,
    claimedAt: fromTimestamp(row.claimed_at),
    runId: row.run_id,
  };
}
