/**
 * The one place the health score's weights live. They sum to 1; a component without evidence
 * (value null) is left out and the others are scaled up, so a score always spans 0..100.
 */
import type { HealthComponentName, HealthScorecard, Measured } from './health-types.js';

export const HEALTH_WEIGHTS: Readonly<Record<HealthComponentName, number>> = Object.freeze({
  documentation: 0.2,
  slo: 0.2,
  quality: 0.25,
  compliance: 0.2,
  usage: 0.15,
});

/**
 * Combines measured components into a scorecard.
 *
 * @example
 * combineHealth('sales.orders', [doc, slo, quality, compliance, usage], '2026-01-01T00:00:00Z').score; // 87.5
 */
export function combineHealth(
  productId: string,
  measured: readonly Measured[],
  computedAt: string,
  weights: Readonly<Record<HealthComponentName, number>> = HEALTH_WEIGHTS,
): HealthScorecard {
  let total = 0;
  let weighed = 0;
  const components = measured.map((m) => {
    const weight = weights[m.name];
    if (m.value !== null) {
      total += weight * clamp(m.value);
      weighed += weight;
    }
    return { ...m, value: m.value === null ? null : round(clamp(m.value), 4), weight };
  });
  const score = weighed === 0 ? 0 : round((100 * total) / weighed, 1);
  return { productId, score, components, computedAt };
}

export function clamp(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}

export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
