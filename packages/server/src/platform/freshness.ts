/**
 * Freshness SLOs from the contract's `slaProperties`: a product whose newest snapshot is older
 * than its `frequency` (plus `latency`, when given) is stale. Evaluated from snapshot times in
 * the warehouse; the result goes to the product's status history (only changes are kept). A
 * change into stale, or back to fresh, is an SLO breach or restoration: audited and, given an
 * event publisher, told to webhook subscribers — once per transition.
 */
import { productSlaDuration, type DataProduct, type MeshModel } from '@meshwork/core';
import { announceStatusTransition } from '../lifecycle/slo-transitions.js';
import type { MetadataStore } from '../metadata/metadata-store.js';
import type { EventPublisher } from '../webhooks/webhook-types.js';
import type { Warehouse } from '../warehouse/warehouse.js';

export async function evaluateFreshness(
  model: MeshModel,
  store: MetadataStore,
  warehouse: Warehouse,
  now: Date,
  events?: EventPublisher,
): Promise<number> {
  let changed = 0;
  for (const product of model.products.values()) {
    const frequency = productSlaDuration(product, 'frequency');
    if (frequency === undefined || !(await store.getProduct(product.id))) continue;
    const allowed = frequency + (productSlaDuration(product, 'latency') ?? 0);
    const latest = await newestSnapshot(product, warehouse);
    const current = await store.getProductStatus(product.id);
    if (current?.status === 'failing') continue; // failing stays until a run succeeds
    const status = latest === undefined ? 'unknown' : now.getTime() - latest.getTime() > allowed ? 'stale' : 'fresh';
    const reason =
      latest === undefined
        ? 'no snapshot published yet'
        : `newest snapshot ${Math.round((now.getTime() - latest.getTime()) / 60_000)} min old; allowed ${Math.round(allowed / 60_000)} min`;
    const recorded = await store.recordProductStatus({ productId: product.id, status, reason, at: now });
    if (!recorded.changed) continue;
    changed++;
    await announceStatusTransition({ model, store, events }, current?.status, recorded.current);
  }
  return changed;
}

async function newestSnapshot(product: DataProduct, warehouse: Warehouse): Promise<Date | undefined> {
  let newest: Date | undefined;
  for (const port of product.outputPorts) {
    const current = await warehouse.current({ productId: product.id, port: port.name, major: port.major });
    const at = current ? new Date(current.createdAt) : undefined;
    if (at && (!newest || at > newest)) newest = at;
  }
  return newest;
}
