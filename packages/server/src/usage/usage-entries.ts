/**
 * A finished query as the gateway reports it (`QueryUsage`) → the store's rows: one per product
 * read, sharing a query id. The gateway reports agreements per query, not per product; each is
 * attributed to the product it was made for (looked up once, then cached — an agreement never
 * changes product). Queries that read no product (`SELECT 1`, or refused before any relation
 * resolved) give no rows: there is no product owner to show them to.
 */
import { randomUUID } from 'node:crypto';
import type { QueryUsage } from '../gateway/query-gateway.js';
import type { QueryUsageInput } from '../metadata/usage-types.js';

/** What usage needs to know of an agreement: the product it is on and the purpose it was granted for. */
export interface AgreementFacts {
  readonly productId: string;
  readonly purpose: string;
}

/** Undefined when the agreement is unknown. */
export type AgreementResolver = (id: string) => Promise<AgreementFacts | undefined>;

// The store's limits; text is cut to them here rather than losing a whole batch to one entry.
const MAX_ID = 200;
const MAX_PURPOSE = 1000;
const MAX_CODE = 64;

export async function usageEntries(
  usage: QueryUsage,
  resolve: AgreementResolver,
  newId: () => string = randomUUID,
): Promise<QueryUsageInput[]> {
  if (usage.products.length === 0) return [];
  const queryId = newId();
  const agreements = await Promise.all(usage.agreementIds.map(async (id) => ({ id, facts: await resolve(id) })));
  const stated = text(usage.purpose, MAX_PURPOSE);
  const entries: QueryUsageInput[] = [];
  for (const productId of new Set(usage.products)) {
    const ports = usage.ports.filter((p) => p.productId === productId).map(({ port, major }) => ({ port, major }));
    if (ports.length === 0) continue;
    // An agreement the store no longer knows stays with every product of the query: better a
    // wider attribution than none.
    const own = agreements.filter((a) => a.facts === undefined || a.facts.productId === productId);
    // Without a stated purpose, the query ran under the purposes its agreements were granted for.
    const granted = [...new Set(own.flatMap((a) => (a.facts ? [a.facts.purpose] : [])))].sort().join('; ');
    entries.push({
      id: newId(),
      queryId,
      principalId: usage.principalId.slice(0, MAX_ID),
      authenticatedBy: usage.authenticatedBy.slice(0, MAX_ID) || 'unknown',
      productId: productId.slice(0, MAX_ID),
      ports: ports.map((p) => ({ port: p.port.slice(0, MAX_ID), major: p.major })),
      agreementIds: own.map((a) => a.id),
      purpose: stated ?? text(granted, MAX_PURPOSE),
      rows: count(usage.rows),
      bytes: count(usage.bytes),
      durationMs: count(usage.durationMs),
      status: usage.status,
      errorCode: text(usage.errorCode, MAX_CODE),
      startedAt: usage.startedAt,
    });
  }
  return entries;
}

function text(value: string | undefined, max: number): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed.slice(0, max);
}

/** Durations come as fractional milliseconds; everything is stored as whole non-negative numbers. */
function count(value: number): number {
  return Number.isFinite(value) && value > 0 ? Math.min(Math.round(value), Number.MAX_SAFE_INTEGER) : 0;
}
