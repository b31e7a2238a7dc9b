/**
 * The health service: scorecards of every product, computed in one batch and cached; refreshed
 * on a timer (when given an interval) or on demand. Readers never wait for more than the batch
 * in flight: the first read computes it, later reads use the cache.
 */
import type { HealthScorecard } from './health-types.js';
import {
  computeScorecards,
  DEFAULT_HEALTH_SETTINGS,
  type HealthSettings,
  type ScorecardSources,
} from './compute-scorecards.js';

export interface HealthService {
  /** Recomputes every scorecard (joins a refresh already in flight). */
  refresh(): Promise<void>;
  /** One product's scorecard, or undefined for a product the model does not have. */
  scorecard(productId: string): Promise<HealthScorecard | undefined>;
  /** Every scorecard, best score first. */
  scorecards(): Promise<readonly HealthScorecard[]>;
  /** Scores 0..100 by product id from the last batch (empty before the first one). */
  scores(): ReadonlyMap<string, number>;
  /** 0..1 for search ranking: `quality(productId)` as the search index's callback; 0 when unknown. */
  quality(productId: string): number;
  /** Stops the refresh timer. */
  close(): void;
}

export interface HealthServiceOptions extends ScorecardSources {
  readonly now?: () => Date;
  readonly settings?: Partial<HealthSettings>;
  /** Refresh period; no timer when absent. */
  readonly refreshIntervalMs?: number;
  /** Where a failed timed refresh is reported. */
  readonly onError?: (error: unknown) => void;
}

/**
 * @example
 * const health = createHealthService({ model, store, governance: () => latestCheck, refreshIntervalMs: 300_000 });
 * (await health.scorecard('sales.orders'))?.score; // 0..100
 * searchIndex({ quality: health.quality });
 */
export function createHealthService(options: HealthServiceOptions): HealthService {
  const settings = { ...DEFAULT_HEALTH_SETTINGS, ...options.settings };
  const now = options.now ?? (() => new Date());
  let cards = new Map<string, HealthScorecard>();
  let scores: ReadonlyMap<string, number> = new Map();
  let computed = false;
  let inFlight: Promise<void> | undefined;

  const refresh = (): Promise<void> => {
    inFlight ??= computeScorecards(options, now(), settings)
      .then((next) => {
        cards = next;
        scores = new Map([...next].map(([id, card]) => [id, card.score]));
        computed = true;
      })
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  };
  const ready = async () => {
    if (!computed) await refresh();
  };

  const timer =
    options.refreshIntervalMs === undefined
      ? undefined
      : setInterval(() => void refresh().catch(options.onError ?? (() => undefined)), options.refreshIntervalMs);
  timer?.unref();

  return {
    refresh,
    async scorecard(productId) {
      await ready();
      return cards.get(productId);
    },
    async scorecards() {
      await ready();
      return [...cards.values()].sort((a, b) => b.score - a.score || (a.productId < b.productId ? -1 : 1));
    },
    scores: () => scores,
    quality: (productId) => (scores.get(productId) ?? 0) / 100,
    close: () => clearInterval(timer),
  };
}
