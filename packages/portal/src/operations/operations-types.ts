/**
 * The JSON the operations page reads: `GET /api/v1/incidents` and `GET /api/v1/runs` (see the
 * OpenAPI document; the server's incidents context describes incidents). Only what the page uses.
 */

/** A check of a run that failed or erred. */
export interface FailedCheck {
  readonly id: string;
  readonly status: 'failed' | 'error';
  readonly blocking: boolean;
  readonly message: string;
  readonly port?: string;
  readonly column?: string;
  readonly rule?: string;
  readonly observed?: number | string;
  readonly threshold?: string;
}

export interface RunError {
  readonly code: string;
  readonly message: string;
}

export interface Incident {
  readonly id: string;
  readonly productId: string;
  readonly status: 'open' | 'resolved';
  readonly severity: 'high' | 'medium';
  readonly openedAt: string;
  readonly resolvedAt: string | null;
  readonly cause: {
    readonly status: 'failing' | 'stale';
    readonly reason: string;
    readonly run: {
      readonly id: string;
      readonly startedAt: string;
      readonly finishedAt: string | null;
      readonly error: RunError | null;
      /** Blocking ones first. */
      readonly failedChecks: readonly FailedCheck[];
    } | null;
  };
  readonly failedRuns: number;
}

export interface IncidentPage {
  readonly items: readonly Incident[];
  readonly next?: string;
}

export type RunStatus = 'running' | 'succeeded' | 'failed' | 'cancelled';
export const RUN_STATUSES: readonly RunStatus[] = ['running', 'succeeded', 'failed', 'cancelled'];

/** `GET /api/v1/runs` items. `checks` are stored as the run wrote them: read with `failedChecksOf`. */
export interface Run {
  readonly id: string;
  readonly productId: string;
  readonly trigger: string;
  readonly requestedBy: string;
  readonly status: RunStatus;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly rowsIn: number | null;
  readonly rowsOut: number | null;
  readonly error: RunError | null;
  readonly checks: readonly unknown[];
}

export interface RunPage {
  readonly items: readonly Run[];
  readonly next?: string;
}
