/**
 * Deletes schedule claims past their retention, on a timer. A claim only has to outlive the
 * moment every server sees its slot come due (and a few clock skews), so a day is plenty; what
 * a claim decided stays in the runs table and the audit log. Every server prunes: deletes are
 * idempotent, and a failed prune is only tried again later.
 */
import type { MetadataStore } from '../metadata/metadata-store.js';

export const CLAIM_RETENTION_MS = 86_400_000;

export interface ClaimPruner {
  stop(): void;
}

export function startClaimPruner(
  store: Pick<MetadataStore, 'pruneScheduleClaims'>,
  options: {
    readonly intervalMs?: number;
    readonly log: (message: string, fields?: Record<string, unknown>) => void;
  },
): ClaimPruner {
  const prune = () =>
    store
      .pruneScheduleClaims(new Date(Date.now() - CLAIM_RETENTION_MS))
      .then((count) => {
        if (count > 0) options.log('old schedule claims pruned', { count });
      })
      .catch((error: unknown) => options.log('pruning schedule claims failed', { error: String(error) }));
  void prune();
  const timer = setInterval(() => void prune(), options.intervalMs ?? 3_600_000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
