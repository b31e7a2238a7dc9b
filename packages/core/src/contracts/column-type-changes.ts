/**
 * Changes of a column's `logicalType` and `physicalType`. When the logical type changes, that
 * change says it all and the physical type is not reported as well.
 */
import { fieldPointer, type ContractElement } from './contract-elements.js';
import { contractChange, siteLabel, type ChangeSite, type ContractChange } from './contract-change.js';
import type { ContractChangeKind } from './change-kinds.js';
import { relateLogicalTypes } from './logical-types.js';
import { parsePhysicalType } from './physical-type-parse.js';
import { relatePhysicalTypes } from './physical-type-relation.js';
import { textOf } from './json-values.js';
import type { TypeRelation } from './type-relation.js';

const CONSEQUENCE: Readonly<Record<Exclude<TypeRelation, 'same'>, string>> = {
  widened:
    'old values keep their meaning, but larger or finer values may now appear, so fixed-width sinks and typed readers need review',
  narrowed: 'values consumers could receive before no longer fit and are rounded, truncated or gone',
  incompatible: 'comparisons, functions and grouping written for the old type no longer mean the same',
  unknown: 'Meshwork cannot tell whether every old value still fits, so typed readers need review',
};

function typeChange(
  site: ChangeSite,
  b: ContractElement,
  a: ContractElement,
  key: 'logicalType' | 'physicalType',
): ContractChange[] {
  const before = textOf(b.node, key);
  const after = textOf(a.node, key);
  if (before === after) return [];
  const what = key === 'logicalType' ? 'logical type' : 'physical type';
  const prefix = key === 'logicalType' ? 'logical-type' : 'physical-type';
  const pointer = fieldPointer(b, a, key);
  const label = siteLabel(site);
  if (before === undefined) {
    const kind: ContractChangeKind = `${prefix}-added`;
    return [
      contractChange(kind, site, {
        pointer,
        after,
        explanation: `The ${what} of ${label} is now declared as ${after}: a type promised where there was none.`,
      }),
    ];
  }
  if (after === undefined) {
    const kind: ContractChangeKind = `${prefix}-removed`;
    const why =
      key === 'logicalType'
        ? 'consumers are no longer promised any type'
        : 'typed readers lose the storage type they declared';
    return [
      contractChange(kind, site, {
        pointer,
        before,
        explanation: `The ${what} ${before} of ${label} was removed: ${why}.`,
      }),
    ];
  }
  const relation =
    key === 'logicalType'
      ? relateLogicalTypes(before, after)
      : relatePhysicalTypes(parsePhysicalType(before), parsePhysicalType(after));
  if (relation === 'same') return [];
  // Only physical types can be unrelatable: logical types are a closed list.
  const kind: ContractChangeKind = relation === 'unknown' ? 'physical-type-changed' : `${prefix}-${relation}`;
  const verb = relation === 'widened' || relation === 'narrowed' ? relation : 'changed';
  const explanation = `The ${what} of ${label} ${verb} from ${before} to ${after}: ${CONSEQUENCE[relation]}.`;
  return [contractChange(kind, site, { pointer, before, after, explanation })];
}

export function columnTypeChanges(site: ChangeSite, b: ContractElement, a: ContractElement): ContractChange[] {
  const logical = typeChange(site, b, a, 'logicalType');
  return logical.length > 0 ? logical : typeChange(site, b, a, 'physicalType');
}
