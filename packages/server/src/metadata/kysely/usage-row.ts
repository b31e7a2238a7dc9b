/** Query usage as stored ↔ as returned, and the keyset cursor of the newest-first lists. */
import { InputError } from '@meshwork/core';
import type { Selectable } from 'kysely';
import { decodeCursor, encodeCursor } from '../page-request.js';
import { fromTimestamp } from '../record-validation.js';
import { runIdOrUndefined } from '../run-validation.js';
import type { QueryUsagePort, QueryUsageRecord, QueryUsageStatus } from '../usage-types.js';
import type { QueryUsageTable } from './usage-schema.js';

export function toQueryUsage(row: Selectable<QueryUsageTable>): QueryUsageRecord {
  return {
    id: row.id,
    queryId: row.query_id,
    principalId: row.principal_id,
    authenticatedBy: row.authenticated_by,
    productId: row.product_id,
    ports: JSON.parse(row.ports) as QueryUsagePort[],
    agreementIds: JSON.parse(row.agreement_ids) as string[],
    purpose: row.purpose,
    rows: Number(row.rows),
    bytes: Number(row.bytes),
    durationMs: Number(row.duration_ms),
    status: row.status as QueryUsageStatus,
    errorCode: row.error_code,
    startedAt: fromTimestamp(row.started_at),
  };
}

export interface UsagePosition {
  readonly startedAt: string;
  readonly id: string;
}

const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const KIND = 'usage';

export function encodeUsageCursor(usage: QueryUsageRecord): string {
  return encodeCursor(`${KIND}|${usage.startedAt}|${usage.id}`);
}

export function decodeUsageCursor(cursor: string | undefined): UsagePosition | undefined {
  const key = decodeCursor(cursor);
  if (key === undefined) return undefined;
  const [kind, startedAt = '', rawId = '', ...rest] = key.split('|');
  const id = runIdOrUndefined(rawId);
  if (kind !== KIND || !ISO_MS.test(startedAt) || id === undefined || rest.length > 0) {
    throw new InputError(
      'MW6103',
      'after is not a cursor returned by listQueryUsage; pass the `next` of the previous page of usage.',
    );
  }
  return { startedAt, id };
}
