/**
 * Consumers (agreements) and usage of the product. Who consumes what is shown only to those who
 * may approve access to the product (the rule of `usage/usage-access.ts`); others get counts.
 */
import type { Authorizer } from '../access/access-types.js';
import type { Principal } from '../identity/principal.js';
import type { MetadataStore } from '../metadata/metadata-store.js';

const DAY = 86_400_000;

export async function consumersSection(
  store: MetadataStore,
  authorizer: Authorizer,
  principal: Principal,
  productId: string,
  now: Date,
) {
  const mayApprove = authorizer.isAllowed(principal, 'approve', { kind: 'product', productId }).allowed;
  const since = new Date(now.getTime() - 30 * DAY);
  const [agreements, pending, usage] = await Promise.all([
    store.listAgreements({ productId, status: 'approved', limit: 1000 }),
    store.listAgreements({ productId, status: 'pending', limit: 1000 }),
    store.summarizeQueryUsage(productId, since),
  ]);
  const inForce = agreements.items.filter(
    (a) => Date.parse(a.startsAt) <= now.getTime() && now.getTime() < Date.parse(a.endsAt),
  );
  const counts = {
    activeAgreements: inForce.length,
    pendingRequests: pending.items.length,
    consumers: new Set(inForce.map((a) => a.principalId)).size,
  };
  const usageCounts = {
    since: since.toISOString(),
    consumers: usage.length,
    queries: usage.reduce((n, u) => n + u.queries, 0),
    rows: usage.reduce((n, u) => n + u.rows, 0),
  };
  if (!mayApprove) {
    const reason = 'only those who may approve access to the product see who consumes it';
    return { consumers: { visible: false, reason, ...counts }, usage: { visible: false, reason, ...usageCounts } };
  }
  return {
    consumers: {
      visible: true,
      ...counts,
      agreements: inForce.map((a) => ({
        id: a.id,
        principalId: a.principalId,
        port: a.port,
        major: a.major,
        purpose: a.purpose,
        startsAt: a.startsAt,
        endsAt: a.endsAt,
        decidedBy: a.decidedBy,
      })),
    },
    usage: {
      visible: true,
      ...usageCounts,
      byConsumer: usage.map((u) => ({
        principalId: u.principalId,
        queries: u.queries,
        rows: u.rows,
        lastQueryAt: u.lastQueryAt,
        purposes: [...u.purposes],
      })),
    },
  };
}
