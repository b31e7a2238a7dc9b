/** The usage context's public surface: the recorder, the access rule, periods and the codes. */
export {
  createUsageRecorder,
  type UsageLog,
  type UsageRecorder,
  type UsageRecorderOptions,
  type UsageRecorderStats,
} from './usage-recorder.js';
export { usageEntries, type AgreementFacts, type AgreementResolver } from './usage-entries.js';
export { requireUsageAccess } from './usage-access.js';
export { DEFAULT_USAGE_PERIOD, parseUsageSince } from './usage-period.js';
export { USAGE_CODES, type UsageCode } from './usage-codes.js';
