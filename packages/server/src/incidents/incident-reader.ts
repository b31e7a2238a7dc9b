/**
 * Reads what incidents are derived from: a product's whole status history (transitions only, so
 * short) and its failed runs back to the transition before its first incident — through the
 * store's per-product indexes, a few products at a time.
 */
import type { MetadataStore } from '../metadata/metadata-store.js';
import type { ProductStatusRecord } from '../metadata/product-status-types.js';
import type { RunRecord } from '../metadata/run-types.js';
import { deriveIncidents } from './derive-incidents.js';
import type { Incident, IncidentStatus } from './incident-types.js';

const PAGE = 1000;
const CONCURRENCY = 8;

/** A product's incidents, newest first. */
export async function productIncidents(store: MetadataStore, productId: string): Promise<Incident[]> {
  const history = await statusHistory(store, productId);
  const first = history.findIndex((h) => h.status === 'failing' || h.status === 'stale');
  if (first < 0) return [];
  const since = first === 0 ? Number.NEGATIVE_INFINITY : Date.parse(history[first - 1]!.at);
  const failedRuns = history.some((h) => h.status === 'failing') ? await failedRunsSince(store, productId, since) : [];
  return deriveIncidents({ productId, history, failedRuns }).reverse();
}

/**
 * The incidents of the products given, newest first (then by product), from each one's whole
 * history: for `product=`, and the baseline of the breach index (breach-incident-page.ts), which
 * lists across products. An open incident needs a current status of failing, stale or unknown, so
 * for `open` the history of a product that is fresh now, or was never evaluated, is not read.
 */
export async function listIncidents(
  store: MetadataStore,
  productIds: readonly string[],
  status?: IncidentStatus,
): Promise<Incident[]> {
  const found: Incident[] = [];
  let next = 0;
  const worker = async () => {
    while (next < productIds.length) {
      const productId = productIds[next++]!;
      if (status === 'open') {
        const current = await store.getProductStatus(productId);
        if (!current || current.status === 'fresh') continue;
      }
      for (const incident of await productIncidents(store, productId)) {
        if (status === undefined || incident.status === status) found.push(incident);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, productIds.length) }, worker));
  return found.sort(newestFirst);
}

type IncidentKey = Pick<Incident, 'openedAt' | 'productId'>;

export function newestFirst(a: IncidentKey, b: IncidentKey): number {
  if (a.openedAt !== b.openedAt) return a.openedAt < b.openedAt ? 1 : -1;
  return a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0;
}

/** Oldest first. */
async function statusHistory(store: MetadataStore, productId: string): Promise<ProductStatusRecord[]> {
  const newest: ProductStatusRecord[] = [];
  let after: string | undefined;
  do {
    const page = await store.listProductStatus(productId, { limit: PAGE, ...(after ? { after } : {}) });
    newest.push(...page.items);
    after = page.next;
  } while (after !== undefined);
  return newest.reverse();
}

/**
 * Failed runs newest first, down to the first one started before `since`. A product has one
 * run at a time, so every older run finished before that one started: before `since`.
 */
export async function failedRunsSince(store: MetadataStore, productId: string, since: number): Promise<RunRecord[]> {
  const runs: RunRecord[] = [];
  let after: string | undefined;
  do {
    const page = await store.listRuns({ productId, status: 'failed', limit: PAGE, ...(after ? { after } : {}) });
    for (const run of page.items) {
      runs.push(run);
      if (Date.parse(run.startedAt) < since) return runs;
    }
    after = page.next;
  } while (after !== undefined);
  return runs;
}

/** Whether the product was ever failing: only then does a whole history count its failed runs. */
export async function wasEverFailing(store: MetadataStore, productId: string): Promise<boolean> {
  let after: string | undefined;
  do {
    const page = await store.listProductStatus(productId, { limit: PAGE, ...(after ? { after } : {}) });
    if (page.items.some((h) => h.status === 'failing')) return true;
    after = page.next;
  } while (after !== undefined);
  return false;
}
