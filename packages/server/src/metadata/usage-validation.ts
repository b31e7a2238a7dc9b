/**
 * Checks at the store's edge for query usage: ids are UUIDs, counts are non-negative integers,
 * ports and agreements are stored sorted and without duplicates as canonical JSON, so both
 * adapters return the same bytes for the same batch.
 */
import { InputError } from '@meshwork/core';
import { canonicalJson } from './canonical-json.js';
import { optionalText, requireChoice, requireCount, requireText, toTimestamp } from './record-validation.js';
import { requireRunId } from './run-validation.js';
import { QUERY_USAGE_STATUSES, type QueryUsageInput, type QueryUsagePort } from './usage-types.js';

/** A batch larger than this is the caller's bug: the recorder writes at most a few hundred. */
export const MAX_USAGE_BATCH = 10_000;

export interface NewUsageRow {
  readonly id: string;
  readonly query_id: string;
  readonly principal_id: string;
  readonly authenticated_by: string;
  readonly product_id: string;
  readonly ports: string;
  readonly agreement_ids: string;
  readonly purpose: string | null;
  readonly rows: number;
  readonly bytes: number;
  readonly duration_ms: number;
  readonly status: string;
  readonly error_code: string | null;
  readonly started_at: string;
}

export function normalizeUsageBatch(entries: readonly QueryUsageInput[], now: () => Date): NewUsageRow[] {
  if (!Array.isArray(entries)) throw new InputError('MW6101', 'usage entries must be an array.');
  if (entries.length > MAX_USAGE_BATCH) {
    throw new InputError('MW6101', `at most ${MAX_USAGE_BATCH} usage entries per batch; got ${entries.length}.`);
  }
  return entries.map((entry, i) => normalizeUsageInput(entry, `usage[${i}]`, now));
}

function normalizeUsageInput(input: QueryUsageInput, field: string, now: () => Date): NewUsageRow {
  return {
    id: requireRunId(input.id, `${field}.id`),
    query_id: requireRunId(input.queryId, `${field}.queryId`),
    principal_id: requireText(input.principalId, `${field}.principalId`, 200),
    authenticated_by: requireText(input.authenticatedBy, `${field}.authenticatedBy`, 200),
    product_id: requireText(input.productId, `${field}.productId`, 200),
    ports: canonicalJson(normalizePorts(input.ports, `${field}.ports`)),
    agreement_ids: canonicalJson(normalizeAgreementIds(input.agreementIds, `${field}.agreementIds`)),
    purpose: optionalText(input.purpose, `${field}.purpose`, 1000),
    rows: requireCount(input.rows, `${field}.rows`),
    bytes: requireCount(input.bytes, `${field}.bytes`),
    duration_ms: requireCount(input.durationMs, `${field}.durationMs`),
    status: requireChoice(input.status, `${field}.status`, QUERY_USAGE_STATUSES),
    error_code: optionalText(input.errorCode, `${field}.errorCode`, 64),
    started_at: toTimestamp(input.startedAt, `${field}.startedAt`, now),
  };
}

function normalizePorts(value: unknown, field: string): QueryUsagePort[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new InputError('MW6101', `${field} must name at least one port the query read.`);
  }
  const ports = new Map<string, QueryUsagePort>();
  value.forEach((item: unknown, i) => {
    const port = item as Partial<QueryUsagePort> | null;
    const name = requireText(port?.port, `${field}[${i}].port`, 200);
    const major = requireCount(port?.major, `${field}[${i}].major`);
    ports.set(`${name}\n${major}`, { port: name, major });
  });
  return [...ports.values()].sort((a, b) => (a.port === b.port ? a.major - b.major : a.port < b.port ? -1 : 1));
}

function normalizeAgreementIds(value: unknown, field: string): string[] {
  if (!Array.isArray(value)) throw new InputError('MW6101', `${field} must be an array of agreement ids.`);
  const ids = new Set(value.map((id: unknown, i) => requireRunId(id, `${field}[${i}]`)));
  return [...ids].sort();
}
