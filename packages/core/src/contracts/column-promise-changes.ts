/**
 * The promises a column makes about every row: where it is stored (`physicalName`), that it
 * has a value (`required`), that its values are distinct (`unique`). Weakening one is breaking,
 * strengthening one is not.
 */
import { fieldPointer, type ContractElement } from './contract-elements.js';
import { capitalised, contractChange, siteLabel, type ChangeSite, type ContractChange } from './contract-change.js';
import { booleanOf, textOf } from './json-values.js';

function physicalNameChange(site: ChangeSite, b: ContractElement, a: ContractElement): ContractChange[] {
  const before = textOf(b.node, 'physicalName');
  const after = textOf(a.node, 'physicalName');
  // A rename without physical names is reported as the rename it is.
  if (before === undefined && after === undefined) return [];
  // Without a physical name the column is stored under its name.
  const stored = (name: string | undefined, element: ContractElement) => name ?? element.name;
  if (stored(before, b) === stored(after, a)) return [];
  const explanation = `The physical name of ${siteLabel(site)} changed from ${stored(before, b)} to ${stored(after, a)}: queries and tools that read the stored column by name fail.`;
  return [
    contractChange('column-physical-name-changed', site, {
      pointer: fieldPointer(b, a, 'physicalName'),
      before: stored(before, b),
      after: stored(after, a),
      explanation,
    }),
  ];
}

function flagChange(
  site: ChangeSite,
  b: ContractElement,
  a: ContractElement,
  key: 'required' | 'unique',
): ContractChange[] {
  const before = booleanOf(b.node, key) === true;
  const after = booleanOf(a.node, key) === true;
  if (before === after) return [];
  const pointer = fieldPointer(b, a, key);
  const label = siteLabel(site);
  const explanation =
    key === 'required'
      ? after
        ? `${label} is now required: a stronger promise, consumers no longer receive nulls in it.`
        : `${label} is no longer required: consumers may now receive nulls where the contract promised a value.`
      : after
        ? `${label} is now unique: a stronger promise, consumers no longer receive duplicates in it.`
        : `${label} is no longer unique: consumers may now receive duplicates, so joins and lookups on it can multiply rows.`;
  const kind = after ? (`${key}-tightened` as const) : (`${key}-relaxed` as const);
  return [contractChange(kind, site, { pointer, before, after, explanation: capitalised(explanation) })];
}

export function columnPromiseChanges(site: ChangeSite, b: ContractElement, a: ContractElement): ContractChange[] {
  return [
    ...physicalNameChange(site, b, a),
    ...flagChange(site, b, a, 'required'),
    ...flagChange(site, b, a, 'unique'),
  ];
}
