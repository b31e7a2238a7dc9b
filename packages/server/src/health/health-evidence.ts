/**
 * Gathers what the scores need from the metadata store in bulk: one pass over recent runs (all
 * products, newest first, keeping the last N per product) and one over approved agreements.
 * Status history and usage have per-product indexes only, so they are read per product, a few
 * products at a time.
 */
import type { MetadataStore } from '../metadata/metadata-store.js';
import type { ProductStatusRecord } from '../metadata/product-status-types.js';
import type { RunRecord } from '../metadata/run-types.js';

const PAGE = 1000;

export async function recentRunsByProduct(
  store: MetadataStore,
  since: Date,
  perProduct: number,
): Promise<Map<string, RunRecord[]>> {
  const byProduct = new Map<string, RunRecord[]>();
  let after: string | undefined;
  do {
    const page = await store.listRuns({ limit: PAGE, ...(after ? { after } : {}) });
    for (const run of page.items) {
      if (Date.parse(run.startedAt) < since.getTime()) return byProduct;
      if (run.status === 'running') continue;
      const runs = byProduct.get(run.productId) ?? [];
      if (runs.length < perProduct) runs.push(run);
      byProduct.set(run.productId, runs);
    }
    after = page.next;
  } while (after !== undefined);
  return byProduct;
}

/** Approved agreements in force at `now`, counted per product. */
export async function activeAgreementCounts(store: MetadataStore, now: Date): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  let after: string | undefined;
  do {
    const page = await store.listAgreements({ status: 'approved', limit: PAGE, ...(after ? { after } : {}) });
    for (const a of page.items) {
      const inForce = Date.parse(a.startsAt) <= now.getTime() && now.getTime() < Date.parse(a.endsAt);
      if (inForce) counts.set(a.productId, (counts.get(a.productId) ?? 0) + 1);
    }
    after = page.next;
  } while (after !== undefined);
  return counts;
}

/** The history newest first, down to the first entry at or before `since` (the status then). */
export async function statusHistorySince(
  store: MetadataStore,
  productId: string,
  since: Date,
): Promise<ProductStatusRecord[]> {
  const history: ProductStatusRecord[] = [];
  let after: string | undefined;
  do {
    const page = await store.listProductStatus(productId, { limit: 100, ...(after ? { after } : {}) });
    for (const entry of page.items) {
      history.push(entry);
      if (Date.parse(entry.at) <= since.getTime()) return history;
    }
    after = page.next;
  } while (after !== undefined);
  return history;
}

/** Runs `task` over `items`, at most `concurrency` at a time. */
export async function forEachLimited<T>(
  items: readonly T[],
  concurrency: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}
