/**
 * ELK in the browser, off the main thread: elkjs's own worker build (`elk-worker.min.js`, served
 * by Vite as a static asset of the build, same origin, so the Content-Security-Policy's
 * `script-src 'self'` admits it). Where no worker can start, the bundled build runs on the main
 * thread instead — slower for a big graph, never wrong. `engine` says which one ran, for the
 * page (and its end-to-end test) to tell.
 */
import ElkConstructor, { type ELK, type ElkNode } from 'elkjs/lib/elk-api.js';
import workerUrl from 'elkjs/lib/elk-worker.min.js?url';
import type { ElkLayout } from './lineage-layout.js';

export type ElkEngineKind = 'worker' | 'main-thread';

/** The worker's ELK; null once a worker failed to start. */
let workerElk: Layouter | null | undefined;
let mainThreadElk: Promise<ELK> | undefined;
let lastEngine: ElkEngineKind = 'worker';

/** Which engine laid out the last graph. */
export function elkEngineKind(): ElkEngineKind {
  return lastEngine;
}

export const elkLayout: ElkLayout = async (graph: ElkNode) => {
  const worker = startWorker();
  if (worker) {
    try {
      const laidOut = await worker.layout(graph);
      lastEngine = 'worker';
      return laidOut;
    } catch (error) {
      // A worker that failed to load never answers again: use the main thread from now on.
      if (!(error instanceof WorkerFailed)) throw error;
      workerElk = null;
    }
  }
  mainThreadElk ??= import('elkjs/lib/elk.bundled.js').then(({ default: Elk }) => new Elk());
  const laidOut = await (await mainThreadElk).layout(graph);
  lastEngine = 'main-thread';
  return laidOut;
};

class WorkerFailed extends Error {}

interface Layouter {
  layout(graph: ElkNode): Promise<ElkNode>;
}

/** The worker ELK, wrapped so that a worker which cannot load rejects instead of hanging. */
function startWorker(): Layouter | null {
  if (workerElk === null || typeof Worker === 'undefined') return null;
  if (workerElk) return workerElk;
  let failed: ((error: WorkerFailed) => void) | undefined;
  const failure = new Promise<never>((_, reject) => (failed = reject));
  failure.catch(() => undefined);
  const elk = new ElkConstructor({
    workerUrl,
    workerFactory: (url) => {
      const worker = new Worker(url ?? workerUrl);
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        failed?.(new WorkerFailed(event.message || 'the layout worker did not start'));
      });
      return worker;
    },
  });
  workerElk = { layout: (graph) => Promise.race([elk.layout(graph), failure]) };
  return workerElk;
}
