/** The changes context's public surface: contract diffs of a product's ports (see CONTEXT.md). */
export {
  diffProductContracts,
  WORKSPACE_VERSION,
  type ContractDiffOptions,
  type PortContractDiff,
  type ProductContractDiff,
} from './contract-diff.js';
export { portReference, selectDiffTargets, type DiffTarget } from './diff-ports.js';
