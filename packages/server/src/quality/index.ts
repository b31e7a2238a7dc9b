export { checkContract } from './check-contract.js';
export type {
  CheckContractOptions,
  CheckKind,
  CheckReport,
  CheckResult,
  CheckStatus,
  ColumnStats,
} from './check-types.js';
export { LOGICAL_TYPE_EXPECTATIONS } from './logical-type-compatibility.js';
export { isBlockingSeverity } from './rule-severity.js';
