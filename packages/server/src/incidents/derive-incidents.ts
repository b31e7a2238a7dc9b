/**
 * Incidents from a product's status history (only transitions are stored: fresh, stale,
 * failing, unknown) and its failed runs. Pure: the store is read by incident-reader.ts.
 *
 * - A transition into `failing` or `stale` opens an incident, unless one is open already.
 * - A transition back to `fresh` resolves it. `unknown` (no snapshot to judge) neither opens nor
 *   resolves: a product that broke and then lost its snapshots has not recovered.
 * - Severity is `high` once the product was failing during the incident, else `medium`.
 * - The cause is the status that opened it with its reason, and the first failed run: the
 *   newest run that failed at or before the first `failing` transition, after the transition
 *   before it (the runtime records `failing` right after it finishes the run). Failed runs are
 *   counted from the transition before the incident to its resolution.
 */
import type { ProductStatusRecord } from '../metadata/product-status-types.js';
import type { RunRecord } from '../metadata/run-types.js';
import { failedChecksOf } from './failed-checks.js';
import type { Incident, IncidentCause, IncidentRun, IncidentSeverity } from './incident-types.js';

export interface IncidentEvidence {
  readonly productId: string;
  /** The status history, oldest first. */
  readonly history: readonly ProductStatusRecord[];
  /** The product's failed runs, in any order. */
  readonly failedRuns: readonly RunRecord[];
}

interface Draft {
  readonly openedAt: string;
  /** The transition just before the incident, if any: where its runs start. */
  readonly since: number;
  readonly opening: ProductStatusRecord & { readonly status: 'failing' | 'stale' };
  severity: IncidentSeverity;
  run: IncidentRun | null;
}

/** Oldest first. */
export function deriveIncidents({ productId, history, failedRuns }: IncidentEvidence): Incident[] {
  const runs = failedRuns
    .filter((r) => r.status === 'failed' && r.finishedAt !== null)
    .map((run) => ({ run, finished: Date.parse(run.finishedAt!) }))
    .sort((a, b) => a.finished - b.finished);
  const incidents: Incident[] = [];
  let open: Draft | undefined;
  let previousAt = Number.NEGATIVE_INFINITY;
  const close = (draft: Draft, resolvedAt: string | null) => {
    const until = resolvedAt === null ? Number.POSITIVE_INFINITY : Date.parse(resolvedAt);
    const cause: IncidentCause = { status: draft.opening.status, reason: draft.opening.reason, run: draft.run };
    incidents.push({
      id: `${productId}@${draft.openedAt}`,
      productId,
      status: resolvedAt === null ? 'open' : 'resolved',
      severity: draft.severity,
      openedAt: draft.openedAt,
      resolvedAt,
      cause,
      failedRuns: runs.filter((r) => r.finished > draft.since && r.finished <= until).length,
    });
  };

  for (const entry of history) {
    const at = Date.parse(entry.at);
    if (entry.status === 'failing' || entry.status === 'stale') {
      open ??= {
        openedAt: entry.at,
        since: previousAt,
        opening: { ...entry, status: entry.status },
        severity: 'medium',
        run: null,
      };
      if (entry.status === 'failing') {
        open.severity = 'high';
        open.run ??= runBehind(runs, previousAt, at);
      }
    } else if (entry.status === 'fresh' && open) {
      close(open, entry.at);
      open = undefined;
    }
    previousAt = at;
  }
  if (open) close(open, null);
  return incidents;
}

/** The newest failed run finished in (after, at]. */
function runBehind(
  runs: readonly { readonly run: RunRecord; readonly finished: number }[],
  after: number,
  at: number,
): IncidentRun | null {
  const found = runs.filter((r) => r.finished > after && r.finished <= at).at(-1)?.run;
  if (!found) return null;
  return {
    id: found.id,
    startedAt: found.startedAt,
    finishedAt: found.finishedAt,
    error: found.error,
    failedChecks: failedChecksOf(found.checks),
  };
}
