/** Governance checks as stored ↔ as returned, and the keyset cursor of the newest-first list. */
import { InputError } from '@meshwork/core';
import type { Selectable } from 'kysely';
import { checkIdOrUndefined } from '../governance-validation.js';
import type {
  ComplianceCount,
  ComplianceSeverity,
  GovernanceCheckRecord,
  GovernanceTrigger,
} from '../governance-types.js';
import { decodeCursor, encodeCursor } from '../page-request.js';
import { fromTimestamp } from '../record-validation.js';
import type { GovernanceCheckCountsTable, GovernanceChecksTable } from './governance-schema.js';

export type CheckRow = Selectable<GovernanceChecksTable>;
export type CountRow = Pick<
  Selectable<GovernanceCheckCountsTable>,
  'check_id' | 'policy_id' | 'domain' | 'severity' | 'passed' | 'failed' | 'waived' | 'errors'
>;

/** The count columns a check's record is read with, in primary-key order. */
export const COUNT_COLUMNS = [
  'check_id',
  'policy_id',
  'domain',
  'severity',
  'passed',
  'failed',
  'waived',
  'errors',
] as const;

export function checkPosition(row: CheckRow): CheckPosition {
  return { checkedAt: fromTimestamp(row.checked_at), id: row.id };
}

export function toGovernanceCheck(row: CheckRow, counts: readonly CountRow[]): GovernanceCheckRecord {
  return {
    id: row.id,
    checkedAt: fromTimestamp(row.checked_at),
    actor: row.actor,
    trigger: row.trigger as GovernanceTrigger,
    policySetHash: row.policy_set_hash,
    productCount: Number(row.product_count),
    counts: counts.map(toComplianceCount),
  };
}

function toComplianceCount(row: CountRow): ComplianceCount {
  return {
    policyId: row.policy_id,
    domain: row.domain,
    severity: row.severity as ComplianceSeverity,
    passed: Number(row.passed),
    failed: Number(row.failed),
    waived: Number(row.waived),
    errors: Number(row.errors),
  };
}

export interface CheckPosition {
  readonly checkedAt: string;
  readonly id: string;
}

const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const KIND = 'gck';

export function encodeCheckCursor(check: CheckPosition): string {
  return encodeCursor(`${KIND}|${check.checkedAt}|${check.id}`);
}

export function decodeCheckCursor(cursor: string | undefined): CheckPosition | undefined {
  const key = decodeCursor(cursor);
  if (key === undefined) return undefined;
  const [kind, checkedAt = '', rawId = '', ...rest] = key.split('|');
  const id = checkIdOrUndefined(rawId);
  if (kind !== KIND || !ISO_MS.test(checkedAt) || id === undefined || rest.length > 0) {
    throw new InputError(
      'MW6103',
      'after is not a cursor returned by listGovernanceChecks; pass the `next` of the previous page of checks.',
    );
  }
  return { checkedAt, id };
}
