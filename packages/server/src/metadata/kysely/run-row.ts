/** Runs as stored ↔ runs as returned, and the keyset cursor of the newest-first run list. */
import { InputError } from '@meshwork/core';
import type { Selectable } from 'kysely';
import type { JsonValue } from '../canonical-json.js';
import { decodeCursor, encodeCursor } from '../page-request.js';
import { fromTimestamp } from '../record-validation.js';
import { runIdOrUndefined } from '../run-validation.js';
import type { RunOutput, RunParameters, RunRecord, RunStep } from '../run-types.js';
import type { RunsTable } from './metadata-schema.js';

export function toRun(row: Selectable<RunsTable>): RunRecord {
  return {
    id: row.id,
    productId: row.product_id,
    trigger: row.trigger as RunRecord['trigger'],
    requestedBy: row.requested_by,
    // Written by the store as canonical JSON; parsing it back keeps the key order canonical.
    parameters: JSON.parse(row.parameters) as RunParameters,
    status: row.status as RunRecord['status'],
    startedAt: fromTimestamp(row.started_at),
    finishedAt: row.finished_at === null ? null : fromTimestamp(row.finished_at),
    rowsIn: row.rows_in === null ? null : Number(row.rows_in),
    rowsOut: row.rows_out === null ? null : Number(row.rows_out),
    error: row.error_code === null ? null : { code: row.error_code, message: row.error_message ?? '' },
    steps: JSON.parse(row.steps) as RunStep[],
    checks: JSON.parse(row.checks) as JsonValue[],
    outputs: JSON.parse(row.outputs) as RunOutput[],
  };
}

/** The position after a run in the newest-first order: its start time, then its id. */
export interface RunPosition {
  readonly startedAt: string;
  readonly id: string;
}

const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function encodeRunCursor(run: RunRecord): string {
  return encodeCursor(`${run.startedAt}|${run.id}`);
}

export function decodeRunCursor(cursor: string | undefined): RunPosition | undefined {
  const key = decodeCursor(cursor);
  if (key === undefined) return undefined;
  const [startedAt = '', rawId = '', ...rest] = key.split('|');
  const id = runIdOrUndefined(rawId);
  if (!ISO_MS.test(startedAt) || id === undefined || rest.length > 0) {
    throw new InputError(
      'MW6103',
      'after is not a cursor returned by listRuns; pass the `next` of the previous page of runs.',
    );
  }
  return { startedAt, id };
}
