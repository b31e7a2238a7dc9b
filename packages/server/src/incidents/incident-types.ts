/**
 * An incident: a period during which a product broke its promises — its operational status was
 * `failing` (a run failed) or `stale` (its freshness SLO was missed) — from the transition into
 * that status until the transition back to `fresh`. Derived from the status history and the run
 * history; nothing about incidents is stored.
 */

export type IncidentStatus = 'open' | 'resolved';
/** `high` once the product was failing during the incident, `medium` while it was only stale. */
export type IncidentSeverity = 'high' | 'medium';
export const INCIDENT_STATUSES: readonly IncidentStatus[] = ['open', 'resolved'];

/** A check of a run that did not pass (`failed` or `error`), as the run recorded it. */
export interface FailedCheck {
  /** Stable across runs, e.g. `quality:response_after_opening`. */
  readonly id: string;
  readonly status: 'failed' | 'error';
  /** Whether it stopped the publish. */
  readonly blocking: boolean;
  readonly message: string;
  readonly port?: string;
  readonly major?: number;
  readonly column?: string;
  /** The library metric, the SQL query or the option checked. */
  readonly rule?: string;
  readonly observed?: number | string;
  readonly threshold?: string;
  readonly dimension?: string;
  readonly severity?: string;
}

/** The failed run behind an incident, with the checks it failed. */
export interface IncidentRun {
  readonly id: string;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly error: { readonly code: string; readonly message: string } | null;
  readonly failedChecks: readonly FailedCheck[];
}

export interface IncidentCause {
  /** The status that opened the incident. */
  readonly status: 'failing' | 'stale';
  /** Why, as the status history says it (`run … failed: MW8006`, `newest snapshot 130 min old…`). */
  readonly reason: string;
  /** The first failed run of the incident; null while the product was only stale. */
  readonly run: IncidentRun | null;
}

export interface Incident {
  /** `<product>@<openedAt>`: stable, since status history is append-only. */
  readonly id: string;
  readonly productId: string;
  readonly status: IncidentStatus;
  readonly severity: IncidentSeverity;
  readonly openedAt: string;
  /** When the product was fresh again; null while open. */
  readonly resolvedAt: string | null;
  readonly cause: IncidentCause;
  /** Runs of the product that failed during the incident, the cause's included. */
  readonly failedRuns: number;
}
