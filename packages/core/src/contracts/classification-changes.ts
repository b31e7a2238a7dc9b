/**
 * Changes of a column's `classification`. Masks, row filters and access decisions follow
 * classification, so a more sensitive label changes what existing consumers see: those without
 * an agreement for the new class get masked values or lose access (breaking). A less sensitive
 * label breaks no consumer but lets the data travel further, which someone should confirm
 * (risky), as should a different label of the same rank, which label-matching policies treat
 * differently.
 */
import { fieldPointer, type ContractElement } from './contract-elements.js';
import { capitalised, contractChange, siteLabel, type ChangeSite, type ContractChange } from './contract-change.js';
import { textOf } from './json-values.js';

/**
 * The ranks of Meshwork's access model (docs/reference/access-policies.md, `sensitivity`):
 * unknown labels rank as confidential, so that a new label is never taken for harmless.
 */
const SENSITIVITY: ReadonlyMap<string, number> = new Map([
  ['public', 0],
  ['unclassified', 1],
  ['internal', 1],
  ['confidential', 2],
  ['sensitive', 3],
  ['pii', 3],
  ['restricted', 4],
  ['secret', 4],
]);
const UNKNOWN_LABEL_RANK = 2;

const labelOf = (element: ContractElement) => textOf(element.node, 'classification')?.toLowerCase() ?? 'unclassified';
const rankOf = (label: string) => SENSITIVITY.get(label) ?? UNKNOWN_LABEL_RANK;

export function classificationChanges(site: ChangeSite, b: ContractElement, a: ContractElement): ContractChange[] {
  const [before, after] = [labelOf(b), labelOf(a)];
  if (before === after) return [];
  const draft = { pointer: fieldPointer(b, a, 'classification'), before, after };
  const label = siteLabel(site);
  const step = rankOf(after) - rankOf(before);
  if (step > 0) {
    const explanation = `${label} is now classified ${after} instead of ${before}: consumers without an agreement for ${after} data may get masked values or lose access.`;
    return [contractChange('classification-raised', site, { ...draft, explanation: capitalised(explanation) })];
  }
  if (step < 0) {
    const explanation = `${label} is now classified ${after} instead of ${before}: no consumer breaks, but the data may now reach people it did not before, which needs review.`;
    return [contractChange('classification-lowered', site, { ...draft, explanation: capitalised(explanation) })];
  }
  const explanation = `${label} is now classified ${after} instead of ${before}, of the same sensitivity: masks and policies that name the label may apply differently.`;
  return [contractChange('classification-changed', site, { ...draft, explanation: capitalised(explanation) })];
}
