/**
 * A product's operational status moving into `stale` or `failing` is an SLO breach; moving back
 * to `fresh` from one of those restores it. Each transition is announced once — the status
 * history keeps only transitions (`recordProductStatus` → `changed`), and whoever recorded one
 * announces it — to the audit log and to webhook subscribers.
 */
import type { ProductStatus, ProductStatusRecord } from '../metadata/product-status-types.js';
import type { SloTransitionData } from './event-payloads.js';
import { publishLifecycleEvent } from './event-types.js';
import type { LifecycleContext } from './lifecycle-context.js';

const BREACHED: ReadonlySet<ProductStatus> = new Set(['stale', 'failing']);

/** The event a transition calls for, if any: unknown ↔ fresh is neither a breach nor a restoration. */
export function sloEventOf(
  previous: ProductStatus | undefined,
  current: ProductStatus,
): 'slo.breached' | 'slo.restored' | undefined {
  if (previous === current) return undefined;
  if (BREACHED.has(current)) return 'slo.breached';
  if (current === 'fresh' && previous !== undefined && BREACHED.has(previous)) return 'slo.restored';
  return undefined;
}

/**
 * Audits the transition from `previous` to `current` and publishes it when there is a publisher;
 * false when it is not one to announce.
 */
export async function announceStatusTransition(
  ctx: Pick<LifecycleContext, 'model' | 'store'> & { readonly events?: LifecycleContext['events'] },
  previous: ProductStatus | undefined,
  current: ProductStatusRecord,
): Promise<boolean> {
  const type = sloEventOf(previous, current.status);
  if (!type) return false;
  const data: SloTransitionData = {
    product: current.productId,
    status: current.status,
    previousStatus: previous ?? 'unknown',
    reason: current.reason,
    at: current.at,
  };
  const product = ctx.model.products.get(current.productId);
  await ctx.store.appendAudit({
    actor: 'system',
    action: type,
    resource: product?.urn ?? `urn:meshwork:product:${current.productId}`,
    details: data,
    at: current.at,
  });
  if (ctx.events) publishLifecycleEvent(ctx.events, type, data);
  return true;
}
