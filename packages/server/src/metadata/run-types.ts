/**
 * Run history records: one per build of a product, from `createRun` (status `running`) to
 * `finishRun` or the abandoned-run sweep. JSON parts are returned exactly as stored — canonical
 * JSON parsed back — so both adapters return identical records for identical inputs.
 */
import type { JsonValue } from './canonical-json.js';
import type { PageQuery } from './metadata-types.js';

/** What started a run: a person at the CLI, the scheduler, a publish, or an HTTP API client. */
export type RunTrigger = 'manual' | 'schedule' | 'publish' | 'api';
export type RunStatus = 'running' | 'succeeded' | 'failed' | 'cancelled';
/** The statuses a run can end in; it never returns to `running`. */
export type FinishedRunStatus = Exclude<RunStatus, 'running'>;

export const RUN_TRIGGERS: readonly RunTrigger[] = ['manual', 'schedule', 'publish', 'api'];
export const RUN_STATUSES: readonly RunStatus[] = ['running', 'succeeded', 'failed', 'cancelled'];
export const FINISHED_RUN_STATUSES: readonly FinishedRunStatus[] = ['succeeded', 'failed', 'cancelled'];

/** Named run parameters, e.g. `{ runDate: '2024-05-01' }`. */
export type RunParameters = { readonly [name: string]: JsonValue };

export interface RunInput {
  /** A UUID the caller chooses (so it can name staging paths before the run is recorded). */
  readonly id: string;
  readonly productId: string;
  readonly trigger: RunTrigger;
  /** A user id, a service account, `scheduler`. */
  readonly requestedBy: string;
  /** Plain JSON object; defaults to `{}`. */
  readonly parameters?: RunParameters;
  /** Defaults to the store's clock. */
  readonly startedAt?: string | Date;
}

/** Why a run failed (or was cancelled): a Meshwork code and its message. */
export interface RunError {
  readonly code: string;
  readonly message: string;
}

export interface RunStep {
  readonly name: string;
  /** Rows the step produced. */
  readonly rows: number;
  /** Wall time in milliseconds. */
  readonly ms: number;
}

/** One output port's result: the snapshot the run produced, or why there is none. */
export interface RunOutput {
  readonly port: string;
  /** The port's major version (v1 and v2 can be built by one run). */
  readonly major: number;
  readonly snapshotId: string | null;
  /** Rows staged for the port; null when nothing was staged. */
  readonly rowCount: number | null;
  /** Required exactly when `snapshotId` is null. */
  readonly reason: string | null;
}

export type RunOutputInput = Omit<RunOutput, 'reason'> & { readonly reason?: string | null };

export interface RunResult {
  readonly status: FinishedRunStatus;
  /** Defaults to the store's clock; never before `startedAt`. */
  readonly finishedAt?: string | Date;
  readonly rowsIn: number;
  readonly rowsOut: number;
  /** Required for `failed`, refused for `succeeded`, optional for `cancelled`. */
  readonly error?: RunError | null;
  readonly steps: readonly RunStep[];
  /** Each check's result, stored as given (plain JSON). */
  readonly checks: readonly JsonValue[];
  readonly outputs: readonly RunOutputInput[];
}

export interface RunRecord {
  readonly id: string;
  readonly productId: string;
  readonly trigger: RunTrigger;
  readonly requestedBy: string;
  readonly parameters: RunParameters;
  readonly status: RunStatus;
  readonly startedAt: string;
  /** Null while running. */
  readonly finishedAt: string | null;
  /** Null while running and for runs abandoned by a stopped process. */
  readonly rowsIn: number | null;
  readonly rowsOut: number | null;
  readonly error: RunError | null;
  /** Empty while running. */
  readonly steps: readonly RunStep[];
  readonly checks: readonly JsonValue[];
  readonly outputs: readonly RunOutput[];
}

/** Newest first (by start time, then id); `after` is the `next` of the previous page. */
export interface RunQuery extends PageQuery {
  readonly productId?: string;
  readonly status?: RunStatus;
}

/**
 * Which `running` runs to mark as abandoned. Name only runs whose process is known to be gone:
 * while holding the product's run lock (`productId`), or runs started before this process
 * started when it is the only one running products (`startedBefore`). At least one is required,
 * so that no call can fail every live run in a shared database by accident.
 */
export interface StaleRunQuery {
  readonly productId?: string;
  readonly startedBefore?: string | Date;
  /** Stored as the error message; a default explains the abandonment. */
  readonly reason?: string;
  /** The finish time to record; defaults to the store's clock (never before a run's start). */
  readonly at?: string | Date;
}
