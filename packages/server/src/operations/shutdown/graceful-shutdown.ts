/**
 * The graceful part of stopping a server, before its parts are closed in reverse order:
 *
 * 1. readiness turns `stopping` (503) and the scheduler starts no new run;
 * 2. the HTTP and wire listeners close: no new connections; idle keep-alive and idle wire
 *    sessions end, requests, statements and runs in progress go on;
 * 3. after `graceMs` (or as soon as everything in progress is done) what is left is cancelled:
 *    HTTP connections are cut (their queries see the disconnect), wire sessions end with FATAL
 *    57P01, runs stop at their next SQL statement and are recorded failed (MW8304);
 * 4. cancelled runs get `cancelWaitMs` to record their failure before the store closes.
 */
import type { WireServer } from '../../wire/wire-server.js';
import type { Readiness } from '../readiness.js';
import type { OperationsLogger } from '../wire-telemetry.js';
import type { CancellableRunEngine } from './cancellable-run-engine.js';
import type { RunTracker } from './run-tracker.js';

export interface ShutdownTargets {
  readonly readiness: Readiness;
  /** Stops listening and resolves once every request has been answered (Fastify's close). */
  readonly closeHttp: () => Promise<void>;
  /** Cuts every HTTP connection still open. */
  readonly cutHttp: () => void;
  /**
   * Closes keep-alive connections with no request in progress. Swept while draining: a
   * connection whose last response ends during the grace period would otherwise hold the
   * close until the client's keep-alive timeout.
   */
  readonly closeIdleHttp?: () => void;
  readonly wire?: Pick<WireServer, 'drain'>;
  readonly runs: RunTracker;
  readonly engine: Pick<CancellableRunEngine, 'cancelAll'>;
  readonly stopScheduling: () => void;
  readonly log?: OperationsLogger;
}

export interface ShutdownReport {
  /** Whether the grace period ran out with work still in progress. */
  readonly cancelled: boolean;
  /** Runs still in progress when the grace period ended. */
  readonly runsCancelled: number;
}

export const DEFAULT_SHUTDOWN_GRACE_MS = 20_000;
const DEFAULT_CANCEL_WAIT_MS = 10_000;
const IDLE_SWEEP_MS = 200;

export async function shutDownGracefully(
  targets: ShutdownTargets,
  options: { readonly graceMs: number; readonly cancelWaitMs?: number },
): Promise<ShutdownReport> {
  const { readiness, runs, log } = targets;
  readiness.stopping();
  targets.stopScheduling();
  log?.info({ graceMs: options.graceMs, runsInProgress: runs.inProgress }, 'shutting down');
  // A part that fails to close is reported; the others still get their grace period.
  const reported = (part: string) => (error: unknown) => log?.info({ error }, `closing the ${part} failed`);
  const sweep = setInterval(() => targets.closeIdleHttp?.(), IDLE_SWEEP_MS);
  const http = targets
    .closeHttp()
    .catch(reported('HTTP server'))
    .finally(() => clearInterval(sweep));
  const wire = (targets.wire?.drain(options.graceMs) ?? Promise.resolve()).catch(reported('wire server'));
  const inTime = await within(Promise.all([http, wire, runs.whenIdle()]), options.graceMs);
  let runsCancelled = 0;
  if (!inTime) {
    runsCancelled = runs.inProgress;
    log?.info({ runsCancelled }, 'shutdown grace period over: cancelling what is still running');
    targets.cutHttp();
    targets.engine.cancelAll();
  }
  await Promise.all([http, wire]);
  const runsDone = await within(runs.whenIdle(), options.cancelWaitMs ?? DEFAULT_CANCEL_WAIT_MS);
  if (!runsDone) {
    log?.info(
      { runsInProgress: runs.inProgress },
      'runs did not stop in time; the next run of each product records them failed (MW6120)',
    );
  }
  return { cancelled: !inTime, runsCancelled };
}

/** Whether `work` settled within `ms`; the timer never outlives the answer (it would hold the process). */
async function within(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([work.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
