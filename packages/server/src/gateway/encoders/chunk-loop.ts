/**
 * How encoders drive a QueryStream. Breaking out of the gateway's chunk iterator early would end
 * the query as if it had finished; these helpers end it the way that matches what happened, so
 * usage metering tells the truth: closed quietly at a byte limit (`ok`), cancelled when the
 * output went away or the encoder gave up (`cancelled`).
 */
import type { DuckDBDataChunk } from '@duckdb/node-api';
import type { QueryStream } from '../gateway-types.js';

export type ChunkVerdict = 'more' | 'stop';

/**
 * Feeds chunks to `onChunk` until the result ends or it answers `stop`. Errors of the query are
 * raised as they come; an error of `onChunk` cancels the query first, then is raised.
 */
export async function forEachChunk(
  stream: QueryStream,
  onChunk: (chunk: DuckDBDataChunk) => Promise<ChunkVerdict>,
): Promise<void> {
  const iterator = stream.chunks()[Symbol.asyncIterator]();
  for (;;) {
    const next = await iterator.next();
    if (next.done) return;
    let verdict: ChunkVerdict;
    try {
      verdict = await onChunk(next.value);
    } catch (error) {
      await cancelAndSettle(stream, iterator);
      throw error;
    }
    if (verdict === 'stop') {
      await iterator.return?.();
      return;
    }
  }
}

/** A stream whose first chunk was fetched already; `release` ends it when it will not be encoded. */
export interface PrefetchedStream extends QueryStream {
  release(): Promise<void>;
}

/**
 * Fetches the first chunk (or the end) before anything is written: most failures of a query
 * that passed the gateway's checks — binder, conversion, division by zero, the timeout of a
 * slow first row — happen there, and can still be answered with a status code and an error body.
 */
export async function prefetchFirstChunk(stream: QueryStream): Promise<PrefetchedStream> {
  const iterator = stream.chunks()[Symbol.asyncIterator]();
  const first = await iterator.next();
  let pending: IteratorResult<DuckDBDataChunk> | undefined = first;
  let handedOut = false;
  const rest: AsyncIterator<DuckDBDataChunk> = {
    next: async () => {
      if (pending) {
        const result = pending;
        pending = undefined;
        return result;
      }
      return iterator.next();
    },
    return: async () => {
      pending = undefined;
      return (await iterator.return?.()) ?? { done: true, value: undefined };
    },
  };
  return {
    columns: stream.columns,
    cancel: () => stream.cancel(),
    stats: () => stream.stats(),
    chunks: () => {
      if (handedOut) throw new Error('the chunks of a query stream can be read once');
      handedOut = true;
      return { [Symbol.asyncIterator]: () => rest };
    },
    release: async () => {
      if (handedOut) return;
      handedOut = true;
      await rest.return?.();
    },
  };
}

async function cancelAndSettle(stream: QueryStream, iterator: AsyncIterator<DuckDBDataChunk>): Promise<void> {
  stream.cancel();
  try {
    // The gateway notices the interrupt on its next fetch, records the query as cancelled and
    // releases its connection; the cancellation error it raises is expected here.
    await iterator.next();
    await iterator.return?.();
  } catch {
    // expected: MW5011
  }
}
