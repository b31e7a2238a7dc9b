/** Contracts: how a change to an ODCS data contract affects its consumers (see CONTEXT.md). */
export { CHANGE_SEVERITIES, overallSeverity, type ChangeSeverity } from './change-severity.js';
export { CONTRACT_CHANGE_KINDS, type ContractChangeKind } from './change-kinds.js';
export type { ContractChange } from './contract-change.js';
export { classifyContractChange } from './classify-contract-change.js';
