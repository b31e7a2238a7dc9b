/**
 * Checks at the store's edge for governance checks: an id that fits a cursor, a real timestamp,
 * known triggers and severities, non-negative integer counts and one row per (policy, domain).
 * Every problem is InputError MW6101 naming the field, and then nothing is recorded.
 */
import { InputError } from '@meshwork/core';
import {
  COMPLIANCE_SEVERITIES,
  GOVERNANCE_TRIGGERS,
  type ComplianceCount,
  type GovernanceCheckInput,
  type GovernanceCheckRecord,
} from './governance-types.js';
import { requireChoice, requireCount, requireText, toTimestamp } from './record-validation.js';

/** Letters, digits, `_ . : -`: no `|`, so the id can sit in a cursor, and no spaces to misread. */
const CHECK_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;
/** 500 policies in 200 domains; more is the caller's bug, not a mesh. */
export const MAX_COMPLIANCE_COUNTS = 100_000;

export function requireCheckId(value: unknown, field = 'governanceCheck.id'): string {
  if (typeof value !== 'string' || !CHECK_ID.test(value)) {
    throw new InputError(
      'MW6101',
      `${field} must be 1–128 letters, digits, '_', '.', ':' or '-', starting with a letter or digit; got ${JSON.stringify(value)}.`,
    );
  }
  return value;
}

/** The id as stored, or undefined when it cannot be one (a lookup then finds nothing). */
export function checkIdOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && CHECK_ID.test(value) ? value : undefined;
}

/** The record as it will be stored and returned: timestamps normalised, counts in byte order. */
export function normalizeGovernanceCheck(input: GovernanceCheckInput, now: () => Date): GovernanceCheckRecord {
  if (typeof input !== 'object' || input === null) {
    throw new InputError('MW6101', 'governanceCheck must be an object.');
  }
  if (input.checkedAt === undefined || input.checkedAt === null) {
    throw new InputError('MW6101', 'governanceCheck.checkedAt is required: say when the policies were evaluated.');
  }
  return {
    id: requireCheckId(input.id),
    checkedAt: toTimestamp(input.checkedAt, 'governanceCheck.checkedAt', now),
    actor: requireText(input.actor, 'governanceCheck.actor', 200),
    trigger: requireChoice(input.trigger, 'governanceCheck.trigger', GOVERNANCE_TRIGGERS),
    policySetHash: requireText(input.policySetHash, 'governanceCheck.policySetHash', 200),
    productCount: requireCount(input.productCount, 'governanceCheck.productCount'),
    counts: normalizeCounts(input.counts, 'governanceCheck.counts'),
  };
}

function normalizeCounts(value: unknown, field: string): ComplianceCount[] {
  if (!Array.isArray(value)) throw new InputError('MW6101', `${field} must be an array of counts.`);
  if (value.length > MAX_COMPLIANCE_COUNTS) {
    throw new InputError('MW6101', `${field} has ${value.length} rows; at most ${MAX_COMPLIANCE_COUNTS}.`);
  }
  const seen = new Map<string, number>();
  const counts = value.map((item: unknown, i) => {
    const count = normalizeCount(item, `${field}[${i}]`);
    const key = `${count.policyId}\n${count.domain}`;
    const first = seen.get(key);
    if (first !== undefined) {
      throw new InputError(
        'MW6101',
        `${field}[${i}] repeats ${field}[${first}] (policy ${count.policyId} in domain ${count.domain}); give one row per policy and domain.`,
      );
    }
    seen.set(key, i);
    return count;
  });
  return counts.sort((a, b) => compareBytes(a.policyId, b.policyId) || compareBytes(a.domain, b.domain));
}

function normalizeCount(item: unknown, field: string): ComplianceCount {
  if (typeof item !== 'object' || item === null) throw new InputError('MW6101', `${field} must be an object.`);
  const count = item as Partial<ComplianceCount>;
  return {
    policyId: requireText(count.policyId, `${field}.policyId`, 200),
    domain: requireText(count.domain, `${field}.domain`, 200),
    severity: requireChoice(count.severity, `${field}.severity`, COMPLIANCE_SEVERITIES),
    passed: requireCount(count.passed, `${field}.passed`),
    failed: requireCount(count.failed, `${field}.failed`),
    waived: requireCount(count.waived, `${field}.waived`),
    errors: requireCount(count.errors, `${field}.errors`),
  };
}

/** UTF-8 byte order: what SQLite's BINARY and PostgreSQL's `collate "C"` sort keys by. */
function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

export interface TimeRange {
  readonly since: string | undefined;
  readonly until: string | undefined;
}

/** An optional half-open range [since, until); an empty or inverted one is the caller's bug. */
export function normalizeTimeRange(
  since: string | Date | null | undefined,
  until: string | Date | null | undefined,
): TimeRange {
  const range = { since: optionalTimestamp(since, 'since'), until: optionalTimestamp(until, 'until') };
  if (range.since !== undefined && range.until !== undefined && range.since >= range.until) {
    throw new InputError('MW6101', `since ${range.since} must be before until ${range.until}.`);
  }
  return range;
}

/** An absent bound is an open end, not the current time. */
function optionalTimestamp(value: string | Date | null | undefined, field: string): string | undefined {
  return value === undefined || value === null ? undefined : toTimestamp(value, field, () => new Date());
}
