/**
 * Lineage: the newest pipeline lineage of each product (one row per product, replaced only by a
 * newer run's — a late retry of an older run changes nothing) and the OpenLineage events
 * accepted from other tools (appended once; a used id is ConflictError MW6110; no update or
 * delete). Events list oldest first by (received_at, id), from its index.
 */
import { ConflictError } from '@meshwork/core';
import type { LineageEventInput, LineageEventRecord } from '../lineage-event-types.js';
import { normalizeLineageEvent, normalizePipelineLineage } from '../lineage-validation.js';
import type { Page, PageQuery } from '../metadata-types.js';
import { pageLimit, toPage } from '../page-request.js';
import type { PipelineLineageInput, PipelineLineageRecord } from '../pipeline-lineage-types.js';
import { decodeEventCursor, encodeEventCursor, toLineageEvent, toPipelineLineage } from './lineage-row.js';
import type { RepositoryContext } from './repository-context.js';

export class LineageRepository {
  constructor(private readonly context: RepositoryContext) {}

  async recordPipeline(input: PipelineLineageInput): Promise<void> {
    const row = normalizePipelineLineage(input, this.context.now);
    await this.context.write('data', (trx) =>
      trx
        .insertInto('pipeline_lineage')
        .values(row)
        .onConflict((conflict) =>
          conflict
            .column('product_id')
            .doUpdateSet(({ ref }) => ({
              run_id: ref('excluded.run_id'),
              recorded_at: ref('excluded.recorded_at'),
              lineage: ref('excluded.lineage'),
            }))
            // Runs finish in any order: only a newer one replaces what is stored.
            .where(({ eb, refTuple }) =>
              eb(
                refTuple('excluded.recorded_at', 'excluded.run_id'),
                '>',
                refTuple('pipeline_lineage.recorded_at', 'pipeline_lineage.run_id'),
              ),
            ),
        )
        .execute(),
    );
  }

  async latestPipelines(): Promise<readonly PipelineLineageRecord[]> {
    const rows = await this.context.db.selectFrom('pipeline_lineage').selectAll().orderBy('product_id').execute();
    return rows.map(toPipelineLineage);
  }

  async appendEvent(input: LineageEventInput): Promise<LineageEventRecord> {
    const row = normalizeLineageEvent(input, this.context.now);
    return this.context.write('data', async (trx) => {
      const inserted = await trx
        .insertInto('lineage_events')
        .values(row)
        .onConflict((conflict) => conflict.column('id').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) {
        throw new ConflictError(
          'MW6110',
          `Lineage event ${row.id} already exists; every accepted event needs a new id.`,
        );
      }
      return toLineageEvent(row);
    });
  }

  async listEvents(query: PageQuery = {}): Promise<Page<LineageEventRecord>> {
    const limit = pageLimit(query.limit);
    const after = decodeEventCursor(query.after);
    let select = this.context.db.selectFrom('lineage_events').selectAll();
    if (after !== undefined) {
      select = select.where(({ eb, refTuple, tuple }) =>
        eb(refTuple('received_at', 'id'), '>', tuple(after.receivedAt, after.id)),
      );
    }
    const rows = await select
      .orderBy('received_at')
      .orderBy('id')
      .limit(limit + 1)
      .execute();
    return toPage(rows.map(toLineageEvent), limit, encodeEventCursor);
  }
}
