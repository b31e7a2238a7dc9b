/**
 * Consumers and usage, log-scaled so the first consumers count most: half from agreements in
 * force, half from distinct principals who queried the product in the window (30 days). Each
 * half reaches 1 at its target (AGREEMENT_TARGET, QUERIER_TARGET).
 */
import type { Measured } from './health-types.js';

export const AGREEMENT_TARGET = 10;
export const QUERIER_TARGET = 25;

export function usageScore(activeAgreements: number, distinctQueriers: number, queries: number): Measured {
  const scaled = (n: number, target: number) => Math.min(1, Math.log1p(n) / Math.log1p(target));
  const value = 0.5 * scaled(activeAgreements, AGREEMENT_TARGET) + 0.5 * scaled(distinctQueriers, QUERIER_TARGET);
  return {
    name: 'usage',
    value,
    summary: `${activeAgreements} active agreements, ${distinctQueriers} consumers queried it in 30 days`,
    evidence: { activeAgreements, distinctQueriers, queries },
  };
}
