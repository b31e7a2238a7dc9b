/**
 * What lets several servers share one metadata store and warehouse, in one place for the
 * composition root: this server's claims (each scheduled fire done once), the change watch
 * (what other servers changed in memory-held state is reloaded here), and the pruning of old
 * claims. The same machinery runs with SQLite, where it has only one server to agree with.
 */
import type { MetadataStore } from '../metadata/metadata-store.js';
import { createChangeWatch, type ChangeWatch } from './change-watch.js';
import { startClaimPruner, type ClaimPruner } from './claim-pruner.js';
import { createSlotClaims, type SlotClaims } from './slot-claims.js';

/** How often a server reads the change markers by default: the bound on how stale it can be. */
export const DEFAULT_CLUSTER_POLL_MS = 5_000;

export interface ClusterCoordination {
  readonly claims: SlotClaims;
  readonly watch: ChangeWatch;
  /** For the webhook dispatcher: one server sends each retry attempt. */
  claimRetry(deliveryId: string, attempt: number): Promise<boolean>;
  /** Once the server listens: names it by URL, starts polling the markers and pruning claims. */
  start(url: string, pollMs: number): void;
  stop(): Promise<void>;
}

export type ClusterLog = (message: string, fields?: Record<string, unknown>) => void;

/** Create it before loading what the watch guards (the lineage graph, governance findings). */
export async function createClusterCoordination(store: MetadataStore, log: ClusterLog): Promise<ClusterCoordination> {
  const claims = createSlotClaims(store);
  const watch = await createChangeWatch({ store, log });
  let pruner: ClaimPruner | undefined;
  return {
    claims,
    watch,
    claimRetry: async (deliveryId, attempt) =>
      (await claims.claim(`webhook:${deliveryId}`, `attempt-${attempt}`)).claimed,
    start(url, pollMs) {
      claims.listening(url);
      watch.start(pollMs);
      pruner = startClaimPruner(store, { log });
    },
    async stop() {
      pruner?.stop();
      await watch.stop();
    },
  };
}
