/**
 * The demo's incident. After the first build publishes every product, the helpdesk delivers its
 * next half-hourly export of support.tickets, written by an upgraded export job that converts the
 * North American desk's first-response times to its local time (UTC−5) instead of UTC. Tickets
 * answered within five hours now look answered before they were opened, so the next run of
 * support.tickets fails its blocking checks (`response_after_opening`, and the `minimum: 0` of
 * `first_response_minutes`): nothing is published, the snapshot of the first build keeps serving,
 * the product's status turns `failing`, and that opens an incident (../incidents).
 *
 * The export replaces `data/tickets.csv`, as a real delivery would, so every later scheduled run
 * fails the same way until someone fixes the source — the incident stays open while the demo runs.
 * Deterministic: the same first export always gives the same later one.
 */
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { lit } from './demo-sql.js';

export const LATE_EXPORT_PRODUCT = 'support.tickets';
const TICKETS_FILE = 'domains/support/tickets/data/tickets.csv';
/** The desk whose times the upgraded export writes in local time: the countries of region NA. */
const NORTH_AMERICA = ['US', 'CA', 'MX'];

/** Rewrites the tickets export in place (through a `.partial` file, renamed when complete). */
export async function deliverLateTicketExport(root: string): Promise<void> {
  const target = join(root, TICKETS_FILE);
  const partial = `${target}.partial`;
  const instance = await DuckDBInstance.create(':memory:', {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
  });
  const db = await instance.connect();
  try {
    const countries = NORTH_AMERICA.map(lit).join(', ');
    await db.run(`
      COPY (
        SELECT * REPLACE (
          CASE
            WHEN upper(trim(country_code)) IN (${countries}) AND first_response_at IS NOT NULL
            THEN strftime(CAST(first_response_at AS TIMESTAMP) - INTERVAL 5 HOUR, '%Y-%m-%d %H:%M:%S')
            ELSE first_response_at
          END AS first_response_at
        )
        FROM read_csv(${lit(target)}, header = true, all_varchar = true)
        ORDER BY ticket_id
      ) TO ${lit(partial)} (FORMAT csv, HEADER true)`);
  } finally {
    db.closeSync();
    instance.closeSync();
  }
  await rename(partial, target);
}
