/** Scores every product of the model in one batch (see health-evidence.ts for the reads). */
import {
  productSlaDuration,
  type CompiledPolicy,
  type GovernanceReport,
  type MeshModel,
  type PolicyOutcome,
} from '@meshwork/core';
import type { MetadataStore } from '../metadata/metadata-store.js';
import { complianceScore } from './compliance-score.js';
import { documentationScore } from './documentation-score.js';
import { activeAgreementCounts, forEachLimited, recentRunsByProduct, statusHistorySince } from './health-evidence.js';
import type { HealthScorecard } from './health-types.js';
import { combineHealth } from './health-weights.js';
import { qualityScore } from './quality-score.js';
import { sloScore } from './slo-score.js';
import { usageScore } from './usage-score.js';

const DAY = 86_400_000;

export interface HealthSettings {
  /** Finished runs per product the quality pass rate looks at. */
  readonly runsPerProduct: number;
  /** Runs older than this are not read. */
  readonly runWindowDays: number;
  /** The window of SLO attainment. */
  readonly sloWindowDays: number;
  /** The window of distinct queriers. */
  readonly usageWindowDays: number;
  /** Products read at once for status history and usage. */
  readonly concurrency: number;
}

export const DEFAULT_HEALTH_SETTINGS: HealthSettings = Object.freeze({
  runsPerProduct: 10,
  runWindowDays: 90,
  sloWindowDays: 30,
  usageWindowDays: 30,
  concurrency: 8,
});

/** The latest governance check and the policies it ran (for their severity). */
export interface GovernanceSnapshot {
  readonly report: GovernanceReport;
  readonly policies: readonly CompiledPolicy[];
}

export interface ScorecardSources {
  readonly model: MeshModel;
  readonly store: MetadataStore;
  readonly governance?: () => GovernanceSnapshot | undefined;
}

export async function computeScorecards(
  sources: ScorecardSources,
  now: Date,
  settings: HealthSettings = DEFAULT_HEALTH_SETTINGS,
): Promise<Map<string, HealthScorecard>> {
  const { model, store } = sources;
  const products = [...model.products.values()];
  const runs = await recentRunsByProduct(
    store,
    new Date(now.getTime() - settings.runWindowDays * DAY),
    settings.runsPerProduct,
  );
  const agreements = await activeAgreementCounts(store, now);
  const governance = sources.governance?.();
  const severity = new Map(governance?.policies.map((p) => [p.id, p.severity]) ?? []);
  const outcomes = new Map<string, PolicyOutcome[]>();
  for (const o of governance?.report.outcomes ?? [])
    outcomes.set(o.productId, [...(outcomes.get(o.productId) ?? []), o]);
  const sloSince = new Date(now.getTime() - settings.sloWindowDays * DAY);
  const usageSince = new Date(now.getTime() - settings.usageWindowDays * DAY);
  const computedAt = now.toISOString();
  const result = new Map<string, HealthScorecard>();
  await forEachLimited(products, settings.concurrency, async (product) => {
    const declared = productSlaDuration(product, 'frequency') !== undefined;
    const history = declared ? await statusHistorySince(store, product.id, sloSince) : [];
    const usage = await store.summarizeQueryUsage(product.id, usageSince);
    const measured = [
      documentationScore(product),
      sloScore({ declared, history, now, windowMs: settings.sloWindowDays * DAY }),
      qualityScore(runs.get(product.id) ?? []),
      complianceScore(governance ? (outcomes.get(product.id) ?? []) : undefined, (id) => severity.get(id)),
      usageScore(
        agreements.get(product.id) ?? 0,
        usage.length,
        usage.reduce((n, u) => n + u.queries, 0),
      ),
    ];
    result.set(product.id, combineHealth(product.id, measured, computedAt));
  });
  return new Map([...result].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
