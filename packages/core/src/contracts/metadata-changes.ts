/**
 * Changes to what documents an element rather than constrains it: descriptions, business
 * names, tags, examples, lineage notes (non-breaking); partitioning (risky: same results,
 * different cost); and relationships, the documented join paths (an added one is
 * non-breaking, a removed one risky).
 */
import type { ContractChangeKind } from './change-kinds.js';
import { fieldPointer, type ContractElement } from './contract-elements.js';
import { capitalised, contractChange, siteLabel, type ChangeSite, type ContractChange } from './contract-change.js';
import { asArray, canonicalText, fieldOf, sameValue, under } from './json-values.js';

/** Documentation fields of properties and schema objects. */
export const METADATA_FIELDS = [
  'businessName',
  'tags',
  'examples',
  'criticalDataElement',
  'encryptedName',
  'transformSourceObjects',
  'transformLogic',
  'transformDescription',
  'authoritativeDefinitions',
  'customProperties',
] as const;

/** One change per differing field, of one kind, in the order of `keys`. */
export function fieldChanges(
  site: ChangeSite,
  b: ContractElement,
  a: ContractElement,
  keys: readonly string[],
  kind: ContractChangeKind,
  why: string,
): ContractChange[] {
  return keys.flatMap((key) => {
    const [before, after] = [fieldOf(b.node, key), fieldOf(a.node, key)];
    if (sameValue(before, after)) return [];
    const explanation = `The ${key} of ${siteLabel(site)} changed: ${why}.`;
    return [contractChange(kind, site, { pointer: fieldPointer(b, a, key), before, after, explanation })];
  });
}

export function documentationChanges(site: ChangeSite, b: ContractElement, a: ContractElement): ContractChange[] {
  return [
    ...fieldChanges(site, b, a, ['description'], 'description-changed', 'documentation only, no consumer breaks'),
    ...fieldChanges(site, b, a, METADATA_FIELDS, 'metadata-changed', 'documentation only, no consumer breaks'),
  ];
}

export function partitioningChanges(site: ChangeSite, b: ContractElement, a: ContractElement): ContractChange[] {
  const keys = ['partitioned', 'partitionKeyPosition'];
  if (keys.every((key) => sameValue(fieldOf(b.node, key), fieldOf(a.node, key)))) return [];
  const read = (e: ContractElement) => ({
    partitioned: fieldOf(e.node, 'partitioned'),
    position: fieldOf(e.node, 'partitionKeyPosition'),
  });
  const explanation = `The partitioning of ${siteLabel(site)} changed: results are the same, but the cost of consumers' filtered queries may not be.`;
  return [
    contractChange('partitioning-changed', site, {
      pointer: fieldPointer(b, a, 'partitioned'),
      before: read(b),
      after: read(a),
      explanation,
    }),
  ];
}

export function relationshipChanges(site: ChangeSite, b: ContractElement, a: ContractElement): ContractChange[] {
  const entries = (e: ContractElement) =>
    asArray(fieldOf(e.node, 'relationships')).map((r, i) => ({ r, i, text: canonicalText(r) }));
  const [before, after] = [entries(b), entries(a)];
  const afterTexts = new Set(after.map((e) => e.text));
  const beforeTexts = new Set(before.map((e) => e.text));
  const label = siteLabel(site);
  return [
    ...before
      .filter((e) => !afterTexts.has(e.text))
      .map((e) =>
        contractChange('relationship-removed', site, {
          pointer: under(b.pointer, 'relationships', e.i),
          before: e.r,
          explanation: capitalised(
            `a relationship of ${label} is no longer declared: consumers joining along it lose the promise that it holds.`,
          ),
        }),
      ),
    ...after
      .filter((e) => !beforeTexts.has(e.text))
      .map((e) =>
        contractChange('relationship-added', site, {
          pointer: under(a.pointer, 'relationships', e.i),
          after: e.r,
          explanation: capitalised(
            `a relationship of ${label} is now declared: a new documented join path, nothing existing changes.`,
          ),
        }),
      ),
  ];
}
