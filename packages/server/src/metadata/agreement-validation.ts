/**
 * Checks at the store's edge for agreements: the shapes every reader relies on (UUID ids, a
 * purpose, an end after the start, known statuses and only the transitions of the lifecycle).
 * The business rules — who may request or decide, how long an agreement may run — are the
 * agreement service's; the store only refuses what would make a record meaningless.
 */
import { InputError } from '@meshwork/core';
import {
  AGREEMENT_STATUSES,
  AGREEMENT_TRANSITIONS,
  type AgreementInput,
  type AgreementPort,
  type AgreementStatus,
  type AgreementStatusChange,
} from './agreement-types.js';
import { optionalText, requireChoice, requireText, toTimestamp } from './record-validation.js';
import { requireRunId } from './run-validation.js';

const MAX_ID = 200;
const MAX_NOTE = 2000;

export interface NewAgreementRow {
  readonly id: string;
  readonly principal_id: string;
  readonly product_id: string;
  readonly port: string;
  readonly major: number;
  readonly purpose: string;
  readonly starts_at: string;
  readonly ends_at: string;
  readonly requested_at: string;
}

export function requireAgreementId(value: unknown): string {
  return requireRunId(value, 'agreement.id');
}

export function normalizeAgreementPort(port: AgreementPort, field = 'agreement'): AgreementPort {
  const major = port.major;
  if (typeof major !== 'number' || !Number.isInteger(major) || major < 0 || major > 2_147_483_647) {
    throw new InputError('MW6101', `${field}.major must be a non-negative integer; got ${JSON.stringify(major)}.`);
  }
  return {
    productId: requireText(port.productId, `${field}.productId`, MAX_ID),
    port: requireText(port.port, `${field}.port`, MAX_ID),
    major,
  };
}

export function normalizeAgreementInput(input: AgreementInput, now: () => Date): NewAgreementRow {
  const port = normalizeAgreementPort(input);
  const startsAt = toTimestamp(requireDate(input.startsAt, 'agreement.startsAt'), 'agreement.startsAt', now);
  const endsAt = toTimestamp(requireDate(input.endsAt, 'agreement.endsAt'), 'agreement.endsAt', now);
  if (endsAt <= startsAt) {
    throw new InputError('MW6101', `agreement.endsAt ${endsAt} must be after agreement.startsAt ${startsAt}.`);
  }
  return {
    id: requireAgreementId(input.id),
    principal_id: requireText(input.principalId, 'agreement.principalId', MAX_ID),
    product_id: port.productId,
    port: port.port,
    major: port.major,
    purpose: requireText(input.purpose, 'agreement.purpose', MAX_NOTE).trim(),
    starts_at: startsAt,
    ends_at: endsAt,
    requested_at: toTimestamp(input.requestedAt, 'agreement.requestedAt', now),
  };
}

export interface NormalizedStatusChange {
  readonly id: string;
  readonly from: AgreementStatus;
  readonly to: AgreementStatus;
  readonly by: string;
  readonly note: string | null;
  readonly at: string;
}

export function normalizeStatusChange(change: AgreementStatusChange, now: () => Date): NormalizedStatusChange {
  const from = requireChoice(change.from, 'change.from', AGREEMENT_STATUSES);
  const to = requireChoice(change.to, 'change.to', AGREEMENT_STATUSES);
  if (!AGREEMENT_TRANSITIONS[from].includes(to)) {
    const allowed = AGREEMENT_TRANSITIONS[from];
    throw new InputError(
      'MW6101',
      `an agreement cannot go from ${from} to ${to}; from ${from} it can only become ${allowed.join(' or ') || 'nothing (it is final)'}.`,
    );
  }
  return {
    id: requireAgreementId(change.id),
    from,
    to,
    by: requireText(change.by, 'change.by', MAX_ID),
    note: optionalText(change.note, 'change.note', MAX_NOTE),
    at: toTimestamp(change.at, 'change.at', now),
  };
}

export function statusFilter(value: AgreementStatus | readonly AgreementStatus[] | undefined): AgreementStatus[] {
  if (value === undefined) return [];
  const list: readonly unknown[] = typeof value === 'string' ? [value] : value;
  return [...new Set(list.map((status) => requireChoice(status, 'status', AGREEMENT_STATUSES)))];
}

/** A missing start or end must not silently become "now" through toTimestamp's default. */
function requireDate(value: string | Date | undefined, field: string): string | Date {
  if (value === undefined || value === null) throw new InputError('MW6101', `${field} is required.`);
  return value;
}
