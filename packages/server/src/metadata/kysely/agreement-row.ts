/** Agreements as stored ↔ agreements as returned, and the keyset cursor of the newest-first list. */
import { InputError } from '@meshwork/core';
import type { Selectable } from 'kysely';
import type { AgreementRecord, AgreementStatus } from '../agreement-types.js';
import { decodeCursor, encodeCursor } from '../page-request.js';
import { fromTimestamp } from '../record-validation.js';
import { runIdOrUndefined } from '../run-validation.js';
import type { AgreementsTable } from './agreement-schema.js';

export function toAgreement(row: Selectable<AgreementsTable>): AgreementRecord {
  return {
    id: row.id,
    principalId: row.principal_id,
    productId: row.product_id,
    port: row.port,
    major: Number(row.major),
    purpose: row.purpose,
    startsAt: fromTimestamp(row.starts_at),
    endsAt: fromTimestamp(row.ends_at),
    status: row.status as AgreementStatus,
    requestedAt: fromTimestamp(row.requested_at),
    decidedBy: row.decided_by,
    decidedAt: row.decided_at === null ? null : fromTimestamp(row.decided_at),
    decisionNote: row.decision_note,
    endedBy: row.ended_by,
    endedAt: row.ended_at === null ? null : fromTimestamp(row.ended_at),
    endNote: row.end_note,
    updatedAt: fromTimestamp(row.updated_at),
  };
}

export interface AgreementPosition {
  readonly requestedAt: string;
  readonly id: string;
}

const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const KIND = 'agreement';

export function encodeAgreementCursor(agreement: AgreementRecord): string {
  return encodeCursor(`${KIND}|${agreement.requestedAt}|${agreement.id}`);
}

export function decodeAgreementCursor(cursor: string | undefined): AgreementPosition | undefined {
  const key = decodeCursor(cursor);
  if (key === undefined) return undefined;
  const [kind, requestedAt = '', rawId = '', ...rest] = key.split('|');
  const id = runIdOrUndefined(rawId);
  if (kind !== KIND || !ISO_MS.test(requestedAt) || id === undefined || rest.length > 0) {
    throw new InputError(
      'MW6103',
      'after is not a cursor returned by listAgreements; pass the `next` of the previous page of agreements.',
    );
  }
  return { requestedAt, id };
}
