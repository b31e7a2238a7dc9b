/**
 * A health score (0–100) as a word: the bands and words the portal's health badge and mesh map
 * legend already show (75 and more good, 50–74 fair, below 50 poor; no scorecard yet unknown),
 * so a domain's counts on the map read like its products' badges.
 */
export const HEALTH_BANDS = ['good', 'fair', 'poor', 'unknown'] as const;
export type HealthBand = (typeof HEALTH_BANDS)[number];

/** Index into HEALTH_BANDS; NaN (no scorecard) is `unknown`. */
export function healthBand(score: number): number {
  if (Number.isNaN(score)) return 3;
  return score >= 75 ? 0 : score >= 50 ? 1 : 2;
}
