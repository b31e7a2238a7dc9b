/** The health context's public surface: per-product scorecards (see CONTEXT.md). */
export type { HealthComponent, HealthComponentName, HealthEvidence, HealthScorecard } from './health-types.js';
export { HEALTH_WEIGHTS, combineHealth } from './health-weights.js';
export { documentationScore } from './documentation-score.js';
export { sloScore, type SloInput } from './slo-score.js';
export { qualityScore } from './quality-score.js';
export { complianceScore, BLOCKING_WEIGHT } from './compliance-score.js';
export { usageScore, AGREEMENT_TARGET, QUERIER_TARGET } from './usage-score.js';
export {
  computeScorecards,
  DEFAULT_HEALTH_SETTINGS,
  type GovernanceSnapshot,
  type HealthSettings,
  type ScorecardSources,
} from './compute-scorecards.js';
export { createHealthService, type HealthService, type HealthServiceOptions } from './health-service.js';
