/**
 * Keeps what a server holds in memory in step with the other servers on its store, for state
 * that is not re-read per request: after changing such state, a server bumps the topic's change
 * marker in the store; every server reads the markers on a timer (one query of a few rows) and
 * reloads each topic whose marker moved past what it has — so a change made through server A is
 * seen by server B within one interval plus the reload.
 *
 * A server's own bumps do not make it reload: when its bump is the next version after the one it
 * has, it already holds that change. A bump that skipped versions means another server bumped
 * meanwhile, and the next poll reloads. Changes made while a bump waits to start share it (a
 * batch of a thousand OpenLineage events is one bump, not a thousand).
 */
import type { MetadataStore } from '../metadata/metadata-store.js';

export interface ChangeWatch {
  /** Calls `reload` whenever another process changed `topic` (the first registration of a topic wins). */
  follow(topic: string, reload: () => Promise<void>): void;
  /** Records a change this server made to `topic` (and already holds). Never rejects. */
  changed(topic: string): Promise<void>;
  /** Reads the markers and reloads what moved; polls never overlap. */
  poll(): Promise<void>;
  /** Starts polling every `intervalMs`. */
  start(intervalMs: number): void;
  stop(): Promise<void>;
}

export interface ChangeWatchOptions {
  readonly store: Pick<MetadataStore, 'bumpChangeMarker' | 'listChangeMarkers'>;
  readonly log: (message: string, fields?: Record<string, unknown>) => void;
}

/**
 * Reads the markers' current versions first: create the watch before loading what it guards, so
 * that a change made while loading is reloaded rather than missed.
 */
export async function createChangeWatch(options: ChangeWatchOptions): Promise<ChangeWatch> {
  const { store, log } = options;
  const held = new Map<string, number>();
  for (const marker of await store.listChangeMarkers()) held.set(marker.topic, marker.version);
  const reloaders = new Map<string, () => Promise<void>>();
  let polling: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  /** Per topic: the last bump scheduled, and a scheduled bump that has not started yet. */
  const lastBump = new Map<string, Promise<void>>();
  const waitingBump = new Map<string, Promise<void>>();

  const bump = async (topic: string) => {
    try {
      const { version } = await store.bumpChangeMarker(topic);
      if (version === (held.get(topic) ?? 0) + 1) held.set(topic, version);
    } catch (error) {
      log('change marker not bumped; other servers see this change later', { topic, error: String(error) });
    }
  };

  const pollOnce = async () => {
    const markers = await store.listChangeMarkers();
    for (const { topic, version } of markers) {
      const reload = reloaders.get(topic);
      if (!reload || version <= (held.get(topic) ?? 0)) continue;
      try {
        await reload();
        held.set(topic, Math.max(held.get(topic) ?? 0, version));
      } catch (error) {
        // Left behind on purpose: the next poll tries again.
        log('reloading shared state failed', { topic, error: String(error) });
      }
    }
  };

  const watch: ChangeWatch = {
    follow(topic, reload) {
      if (!reloaders.has(topic)) reloaders.set(topic, reload);
    },
    changed(topic) {
      const waiting = waitingBump.get(topic);
      if (waiting) return waiting;
      const next = (lastBump.get(topic) ?? Promise.resolve()).then(() => {
        waitingBump.delete(topic);
        return bump(topic);
      });
      waitingBump.set(topic, next);
      lastBump.set(topic, next);
      return next;
    },
    poll() {
      polling ??= pollOnce()
        .catch((error: unknown) => log('reading change markers failed', { error: String(error) }))
        .finally(() => {
          polling = undefined;
        });
      return polling;
    },
    start(intervalMs) {
      timer = setInterval(() => void watch.poll(), intervalMs);
      timer.unref();
    },
    async stop() {
      clearInterval(timer);
      await polling;
    },
  };
  return watch;
}
