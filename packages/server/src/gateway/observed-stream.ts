/**
 * A query stream that says once how it ended — read to the end, failed, cancelled, or never
 * started — for whoever measures queries (metrics, logs) without being part of the gateway.
 * The wrapper adds no work per chunk beyond the generator step.
 */
import type { QueryStream } from './gateway-types.js';

export type StreamOutcome = 'ok' | 'failed' | 'cancelled';

export interface StreamEnd {
  readonly outcome: StreamOutcome;
  /** Rows handed to the reader. */
  readonly rows: number;
  /** The stable code of the failure, when it had one. */
  readonly code?: string;
}

/**
 * `started`, with `onEnd` called exactly once: when the stream could not start, when it is read
 * to its end (or the reader stops early), fails, or is cancelled before anyone read it.
 *
 * @example
 * const stream = await observeStream(gateway.stream(principal, query), (end) => count(end.outcome));
 */
export async function observeStream(
  started: Promise<QueryStream>,
  onEnd: (end: StreamEnd) => void,
): Promise<QueryStream> {
  let ended = false;
  const end = (result: StreamEnd) => {
    if (ended) return;
    ended = true;
    try {
      onEnd(result);
    } catch {
      // Measuring never changes what the reader gets.
    }
  };
  let stream: QueryStream;
  try {
    stream = await started;
  } catch (error) {
    end({ outcome: isCancellation(error) ? 'cancelled' : 'failed', rows: 0, ...codeOf(error) });
    throw error;
  }
  let iterating = false;
  let cancelled = false;
  const inner = stream;
  return {
    columns: inner.columns,
    ...(inner.deprecations ? { deprecations: inner.deprecations } : {}),
    async *chunks() {
      iterating = true;
      let outcome: StreamOutcome = 'ok';
      let failure: { code?: string } = {};
      try {
        yield* inner.chunks();
      } catch (error) {
        outcome = cancelled || isCancellation(error) ? 'cancelled' : 'failed';
        failure = codeOf(error);
        throw error;
      } finally {
        if (outcome === 'ok' && cancelled) outcome = 'cancelled';
        end({ outcome, rows: inner.stats().rows, ...failure });
      }
    },
    cancel: () => {
      cancelled = true;
      inner.cancel();
      if (!iterating) end({ outcome: 'cancelled', rows: 0 });
    },
    stats: () => inner.stats(),
  };
}

function isCancellation(error: unknown): boolean {
  return (error as { code?: unknown })?.code === 'MW5011';
}

function codeOf(error: unknown): { code?: string } {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && /^MW\d{4}$/.test(code) ? { code } : {};
}
