/**
 * The lineage service of a server that shares its store with others. The graph lives in memory
 * (../lineage): this server's runs and accepted OpenLineage events update it directly, but what
 * other servers record reaches it only through the store. So each of this server's changes
 * bumps the `lineage` change marker once it is stored, and a move of the marker by another
 * server makes this one load the graph anew from the store and swap it in (change-watch.ts).
 */
import type { LineageService } from '../lineage/lineage-service.js';
import type { RunListener } from '../runtime/run-listener.js';
import type { ChangeWatch } from './change-watch.js';

export const LINEAGE_TOPIC = 'lineage';

/**
 * `load` builds a service from the store (createLineageService). Create it after the change
 * watch, which must hold the marker's version from before the first load.
 */
export async function createSharedLineage(
  load: () => Promise<LineageService>,
  watch: Pick<ChangeWatch, 'follow' | 'changed'>,
): Promise<LineageService> {
  let current = await load();
  // A replaced service may still have store writes queued: `idle` waits for them too.
  const draining = new Set<Promise<void>>();
  const announce = () => void watch.changed(LINEAGE_TOPIC);

  watch.follow(LINEAGE_TOPIC, async () => {
    const next = await load();
    const drained: Promise<void> = current
      .idle()
      .catch(() => undefined)
      .finally(() => draining.delete(drained));
    draining.add(drained);
    current = next;
  });

  const listener: RunListener = {
    started: (run) => current.listener.started?.(run),
    finished(run) {
      const service = current;
      service.listener.finished?.(run);
      // Told only once the recorder's write landed, so the others reload what is stored.
      if (run.outcome === 'succeeded' && run.lineage) void service.idle().then(announce);
    },
    idle: () => current.listener.idle?.() ?? Promise.resolve(),
  };

  return {
    get graph() {
      return current.graph;
    },
    listener,
    lineage: (ref, query, access) => current.lineage(ref, query, access),
    impact: (ref, access, now) => current.impact(ref, access, now),
    mergeEvent(event) {
      // The intake merges only after the event is stored.
      current.mergeEvent(event);
      announce();
    },
    idle: async () => {
      await Promise.all([...draining, current.idle()]);
    },
  };
}
