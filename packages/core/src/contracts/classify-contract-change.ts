/**
 * The breaking-change classifier: what changed between two versions of an ODCS contract, and
 * how much it matters to the consumers of the data. See CONTEXT.md for the severity rule.
 */
import { contractLevelChanges } from './contract-level-changes.js';
import type { ContractChange } from './contract-change.js';
import { asRecord } from './json-values.js';
import { serverChanges } from './server-changes.js';
import { sloChanges } from './slo-changes.js';
import { tableChanges } from './table-changes.js';

/**
 * Every change from `before` to `after`, in document order: the contract itself, its servers,
 * its service levels, then each table (removed, renamed, then in the order of `after`) with
 * its columns. Inputs are ODCS documents as parsed (v3.1.0, or v3.0.x shapes); anything else
 * is read as far as it goes and never makes the classifier throw. Identical documents give no
 * changes, whatever the order of their keys.
 *
 * @example
 * const changes = classifyContractChange(published, edited);
 * overallSeverity(changes); // 'breaking' when a column was removed
 * changes.map((c) => `${c.severity}: ${c.explanation}`);
 */
export function classifyContractChange(before: object, after: object): ContractChange[] {
  const was = asRecord(before) ?? {};
  const is = asRecord(after) ?? {};
  return [
    ...contractLevelChanges(was, is),
    ...serverChanges(was, is),
    ...sloChanges(was, is),
    ...tableChanges(was, is),
  ];
}
