/**
 * Whether the server should receive traffic: `starting` until every part is up, `ready`, then
 * `stopping` from the first shutdown signal — and, while ready, only when the metadata store
 * answers a trivial read within a short time. A load balancer polls this often, so a check is
 * one indexed read of at most one row, bounded by a timeout, and never needs a credential.
 */
export type ServerPhase = 'starting' | 'ready' | 'stopping';

export interface ReadinessReport {
  readonly ready: boolean;
  readonly phase: ServerPhase;
  /** Why not ready, for people reading the probe's answer. */
  readonly reason?: string;
}

export interface Readiness {
  readonly phase: ServerPhase;
  ready(): void;
  stopping(): void;
  check(): Promise<ReadinessReport>;
}

export interface ReadinessOptions {
  /** A trivial read of the metadata store; rejects or hangs when the store is down. */
  readonly probeStore: () => Promise<unknown>;
  /** How long the store may take to answer (default 2 s). */
  readonly timeoutMs?: number;
  /** The phase to begin in (default `starting`). */
  readonly phase?: ServerPhase;
}

export function createReadiness(options: ReadinessOptions): Readiness {
  let phase: ServerPhase = options.phase ?? 'starting';
  const timeoutMs = options.timeoutMs ?? 2000;
  return {
    get phase() {
      return phase;
    },
    ready: () => {
      if (phase === 'starting') phase = 'ready';
    },
    stopping: () => {
      phase = 'stopping';
    },
    check: async () => {
      if (phase !== 'ready') return { ready: false, phase, reason: `the server is ${phase}` };
      const answered = await withTimeout(options.probeStore(), timeoutMs);
      if (answered === 'timeout') {
        return { ready: false, phase, reason: `the metadata store did not answer within ${timeoutMs} ms` };
      }
      if (answered === 'failed') return { ready: false, phase, reason: 'the metadata store does not answer' };
      return { ready: true, phase };
    },
  };
}

async function withTimeout(work: Promise<unknown>, ms: number): Promise<'ok' | 'failed' | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
    timer.unref();
  });
  try {
    return await Promise.race([
      work.then(
        () => 'ok' as const,
        () => 'failed' as const,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
