/**
 * Change markers: one counter per topic. A bump is one `insert … on conflict do update` — the
 * first bump creates the row at version 1, every later one adds one atomically, so two servers
 * bumping at once both count. Reading them all is one scan of a table with a row per topic.
 */
import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import { fromTimestamp, requireText, toTimestamp } from '../record-validation.js';
import type { ChangeMarker } from '../schedule-claim-types.js';
import type { RepositoryContext } from './repository-context.js';
import type { ChangeMarkersTable } from './schedule-claim-schema.js';

export class ChangeMarkerRepository {
  constructor(private readonly context: RepositoryContext) {}

  async bump(topic: string): Promise<ChangeMarker> {
    const row = {
      topic: requireText(topic, 'topic', 200),
      version: 1,
      changed_at: toTimestamp(undefined, 'changedAt', this.context.now),
    };
    return this.context.write('data', async (trx) => {
      const bumped = await trx
        .insertInto('change_markers')
        .values(row)
        .onConflict((conflict) =>
          conflict.column('topic').doUpdateSet({
            version: sql<number>`change_markers.version + 1`,
            changed_at: (eb) => eb.ref('excluded.changed_at'),
          }),
        )
        .returningAll()
        .executeTakeFirstOrThrow();
      return toMarker(bumped);
    });
  }

  async list(): Promise<readonly ChangeMarker[]> {
    const rows = await this.context.db.selectFrom('change_markers').selectAll().orderBy('topic').execute();
    return rows.map(toMarker);
  }
}

function toMarker(row: Selectable<ChangeMarkersTable>): ChangeMarker {
  return { topic: row.topic, version: Number(row.version), changedAt: fromTimestamp(row.changed_at) };
}
