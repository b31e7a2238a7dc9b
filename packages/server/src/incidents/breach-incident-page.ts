/**
 * The incident list across products, one page at a time from the store's index of breaching
 * transitions (`listStatusBreaches`, newest first). A breach opens an incident when the product's
 * status before it, `unknown` aside, was fresh or nothing; the others (stale → failing, …) belong
 * to an incident already open. Each opening breach of a product the caller may discover becomes
 * an incident, derived from its episode (`listBreachEpisode`) and the product's failed runs by
 * the same `deriveIncidents` as a whole history — so a page costs a few index range scans and
 * two or three indexed reads per incident on it, whatever the number of products.
 *
 * Hidden products' breaches are skipped while the page fills. At most `scanLimit` breaches are
 * read per request: past that, the page ends early (even empty) with a cursor that continues,
 * so a caller who may discover little of a large mesh never makes one request scan it all.
 */
import type { MetadataStore } from '../metadata/metadata-store.js';
import type { ProductStatusRecord, StatusBreach, StatusBreachKey } from '../metadata/product-status-types.js';
import type { RunRecord } from '../metadata/run-types.js';
import { deriveIncidents } from './derive-incidents.js';
import { decodeIncidentCursor, encodeIncidentCursor } from './incident-cursor.js';
import type { IncidentPage } from './incident-page.js';
import { failedRunsSince, wasEverFailing } from './incident-reader.js';
import type { Incident, IncidentStatus } from './incident-types.js';

/** Breaches read per request at most, hidden or not. */
export const SCAN_LIMIT = 5_000;
const MAX_BATCH = 1_000;
const CONCURRENCY = 8;

export interface BreachIncidentPageOptions {
  /** Whether the caller may discover the product (and it is in the mesh). Asked once per breach. */
  readonly visible: (productId: string) => boolean;
  readonly status?: IncidentStatus;
  readonly limit: number;
  /** The `next` of the previous page (MW8900 for anything else). */
  readonly after?: string;
  readonly scanLimit?: number;
}

export async function breachIncidentPage(
  store: MetadataStore,
  { visible, status, limit, after, scanLimit = SCAN_LIMIT }: BreachIncidentPageOptions,
): Promise<IncidentPage> {
  const budget = Math.max(scanLimit, limit + 1);
  let key = after === undefined ? undefined : breachKeyOf(after);
  const found: StatusBreach[] = [];
  let scanned = 0;
  let exhausted = false;
  // Small first: on a mesh the caller sees most of, one batch fills the page.
  let batch = Math.min(MAX_BATCH, limit + 1);
  scan: while (scanned < budget) {
    const page = await store.listStatusBreaches({
      limit: Math.min(batch, budget - scanned),
      ...(key && { after: key }),
    });
    for (const breach of page.items) {
      scanned += 1;
      key = breach;
      if (!opensIncident(breach) || !hasStatus(breach, status) || !visible(breach.productId)) continue;
      // One past the page proves there is a next one.
      if (found.push(breach) > limit) break scan;
    }
    if (page.next === undefined) {
      exhausted = true;
      break;
    }
    batch = Math.min(MAX_BATCH, batch * 2);
  }
  const onPage = found.slice(0, limit);
  const incidents = await incidentsOf(store, onPage);
  // A transition recorded since the breaches were read may have resolved one: the episode decides.
  const items = status === undefined ? incidents : incidents.filter((i) => i.status === status);
  const end = found.length > limit ? onPage.at(-1) : exhausted ? undefined : key;
  return {
    items,
    ...(end && { next: encodeIncidentCursor({ openedAt: end.at, productId: end.productId, seq: end.seq }) }),
  };
}

function breachKeyOf(after: string): StatusBreachKey {
  const { openedAt, productId, seq } = decodeIncidentCursor(after);
  // Without a seq the cursor stands for every breach of the product at that time.
  return { at: openedAt, productId, seq: seq ?? 0 };
}

function opensIncident(breach: StatusBreach): boolean {
  return breach.priorStatus === null || breach.priorStatus === 'fresh';
}

function hasStatus(breach: StatusBreach, status: IncidentStatus | undefined): boolean {
  if (status === undefined) return true;
  return (breach.freshAgainAt === null) === (status === 'open');
}

/** The incidents the breaches open, in the same order. */
async function incidentsOf(store: MetadataStore, breaches: readonly StatusBreach[]): Promise<Incident[]> {
  const episodes = await mapConcurrently(breaches, (b) => store.listBreachEpisode(b.productId, b.seq));
  // A product's failed runs are read once per page, down to its oldest incident on it, and, as
  // for a whole history (incident-reader.ts), only when the product was ever failing.
  const since = new Map<string, number>();
  const failing = new Set<string>();
  breaches.forEach((breach, i) => {
    const episode = episodes[i]!;
    const from = episodeSince(breach, episode);
    since.set(breach.productId, Math.min(from, since.get(breach.productId) ?? Number.POSITIVE_INFINITY));
    if (episode.some((s) => s.status === 'failing')) failing.add(breach.productId);
  });
  const onlyStale = [...since.keys()].filter((id) => !failing.has(id));
  const failedElsewhere = await mapConcurrently(onlyStale, (id) => wasEverFailing(store, id));
  onlyStale.forEach((id, i) => failedElsewhere[i] && failing.add(id));
  const products = [...failing];
  const runLists = await mapConcurrently(products, (id) => failedRunsSince(store, id, since.get(id)!));
  const runs = new Map<string, RunRecord[]>(products.map((id, i) => [id, runLists[i]!]));
  return breaches.map((breach, i) => {
    const { productId } = breach;
    const derived = deriveIncidents({ productId, history: episodes[i]!, failedRuns: runs.get(productId) ?? [] });
    const incident = derived.find((d) => d.openedAt === breach.at);
    if (!incident) throw new Error(`breach ${productId}#${breach.seq} opened no incident in its episode`);
    return incident;
  });
}

/** When the transition before the breach happened: where its incident's runs start. */
function episodeSince(breach: StatusBreach, episode: readonly ProductStatusRecord[]): number {
  const first = episode[0];
  return breach.seq > 1 && first ? Date.parse(first.at) : Number.NEGATIVE_INFINITY;
}

async function mapConcurrently<T, R>(items: readonly T[], read: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await read(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker));
  return results;
}
