/**
 * A query source that tells the connection's observer how each statement ended and how long it
 * took (from its start to its last row sent). Describe is not a statement and is not told.
 */
import { observeStream } from '../../gateway/observed-stream.js';
import type { WireConnectionObserver, WireQueryTarget } from '../wire-observer.js';
import type { QuerySource } from './query-source.js';

export function observedSource(
  source: QuerySource,
  target: WireQueryTarget,
  observer: WireConnectionObserver,
): QuerySource {
  return {
    describe: (sql) => source.describe(sql),
    stream: (sql, parameters, signal) => {
      const started = performance.now();
      return observeStream(source.stream(sql, parameters, signal), (end) =>
        observer.queryFinished({ ...end, target, durationMs: performance.now() - started }),
      );
    },
  };
}
