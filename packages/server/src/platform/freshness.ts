/**
 * Freshness SLOs from the contract's `slaProperties`: a product whose newest snapshot is older
 * than its `frequency` (plus `latency`, when given) is stale. Evaluated from snapshot times in
 * the warehouse; the result goes to the product's status history (only changes are kept).
 */
import type { DataProduct, MeshModel } from '@meshwork/core';
import type { MetadataStore } from '../metadata/metadata-store.js';
import type { Warehouse } from '../warehouse/warehouse.js';

const UNIT_MS: Readonly<Record<string, number>> = {
  s: 1000,
  sec: 1000,
  second: 1000,
  seconds: 1000,
  m: 60_000,
  min: 60_000,
  minute: 60_000,
  minutes: 60_000,
  h: 3_600_000,
  hr: 3_600_000,
  hour: 3_600_000,
  hours: 3_600_000,
  d: 86_400_000,
  day: 86_400_000,
  days: 86_400_000,
  w: 604_800_000,
  week: 604_800_000,
  weeks: 604_800_000,
  y: 31_536_000_000,
  yr: 31_536_000_000,
  year: 31_536_000_000,
  years: 31_536_000_000,
};

interface SlaProperty {
  readonly property?: string;
  readonly value?: unknown;
  readonly unit?: string;
}

/** A duration SLA property (`frequency`, `latency`, `retention`) in milliseconds, if declared. */
export function slaDuration(product: DataProduct, property: string): number | undefined {
  for (const port of product.outputPorts) {
    const sla = (port.contract?.document as { slaProperties?: SlaProperty[] } | undefined)?.slaProperties ?? [];
    const found = sla.find((p) => p.property === property);
    const value = Number(found?.value);
    const unit = UNIT_MS[(found?.unit ?? 'd').toLowerCase()];
    if (found && Number.isFinite(value) && unit) return value * unit;
  }
  return undefined;
}

export async function evaluateFreshness(
  model: MeshModel,
  store: MetadataStore,
  warehouse: Warehouse,
  now: Date,
): Promise<number> {
  let changed = 0;
  for (const product of model.products.values()) {
    const frequency = slaDuration(product, 'frequency');
    if (frequency === undefined || !(await store.getProduct(product.id))) continue;
    const allowed = frequency + (slaDuration(product, 'latency') ?? 0);
    const latest = await newestSnapshot(product, warehouse);
    const current = await store.getProductStatus(product.id);
    if (current?.status === 'failing') continue; // failing stays until a run succeeds
    const status = latest === undefined ? 'unknown' : now.getTime() - latest.getTime() > allowed ? 'stale' : 'fresh';
    const reason =
      latest === undefined
        ? 'no snapshot published yet'
        : `newest snapshot ${Math.round((now.getTime() - latest.getTime()) / 60_000)} min old; allowed ${Math.round(allowed / 60_000)} min`;
    const recorded = await store.recordProductStatus({ productId: product.id, status, reason, at: now });
    if (recorded.changed) changed++;
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
