/**
 * Changes to the contract as a whole: its id, its lifecycle `status`, its description and
 * terms of use. Not compared, because they promise nothing to readers of the data:
 * `apiVersion` and `kind` (the document's format), `version` (the change itself is what is
 * judged), team, support, roles and price.
 */
import { contractChange, type ContractChange } from './contract-change.js';
import { asRecord, fieldOf, sameValue, textOf, under, type JsonRecord } from './json-values.js';
import type { ContractChangeKind } from './change-kinds.js';

/** `description` is an object in v3 (`purpose`, `usage`, `limitations`…), text in older contracts. */
const DESCRIPTION_PARTS: readonly (readonly [part: string, kind: ContractChangeKind, why: string])[] = [
  ['purpose', 'description-changed', 'documentation only, no consumer breaks'],
  ['usage', 'terms-changed', 'the terms of use changed, so consumers should re-read them'],
  ['limitations', 'terms-changed', 'the stated limitations of the data changed, so consumers should re-read them'],
  ['authoritativeDefinitions', 'description-changed', 'documentation only, no consumer breaks'],
  ['customProperties', 'description-changed', 'documentation only, no consumer breaks'],
];
const METADATA = ['name', 'tags', 'domain', 'dataProduct', 'tenant', 'authoritativeDefinitions', 'customProperties'];

function statusChange(before: JsonRecord, after: JsonRecord): ContractChange[] {
  const [was, is] = [textOf(before, 'status')?.toLowerCase(), textOf(after, 'status')?.toLowerCase()];
  if (was === is) return [];
  const draft = { pointer: '/status', before: was, after: is };
  if (is === 'deprecated')
    return [
      contractChange(
        'contract-deprecated',
        {},
        {
          ...draft,
          explanation:
            'The contract is now deprecated: nothing breaks yet, but consumers must plan their move to its successor.',
        },
      ),
    ];
  if (is === 'retired')
    return [
      contractChange(
        'contract-retired',
        {},
        {
          ...draft,
          explanation:
            'The contract is now retired: the announced end of its lifecycle, so remaining consumers must have moved.',
        },
      ),
    ];
  const explanation = `The contract status changed from ${was ?? 'unset'} to ${is ?? 'unset'}: the promise to consumers is not weakened.`;
  return [contractChange('status-changed', {}, { ...draft, explanation })];
}

function descriptionChanges(before: JsonRecord, after: JsonRecord): ContractChange[] {
  const [was, is] = [fieldOf(before, 'description'), fieldOf(after, 'description')];
  if (sameValue(was, is)) return [];
  const [wasParts, isParts] = [asRecord(was), asRecord(is)];
  if (wasParts === undefined || isParts === undefined) {
    const explanation = 'The description of the contract changed: documentation only, no consumer breaks.';
    return [
      contractChange('description-changed', {}, { pointer: '/description', before: was, after: is, explanation }),
    ];
  }
  const known = new Map(DESCRIPTION_PARTS.map(([part, kind, why]) => [part, [kind, why] as const]));
  const others = [...new Set([...Object.keys(wasParts), ...Object.keys(isParts)])].filter((p) => !known.has(p)).sort();
  return [...known.keys(), ...others].flatMap((part) => {
    const [x, y] = [fieldOf(wasParts, part), fieldOf(isParts, part)];
    if (sameValue(x, y)) return [];
    const [kind, why] = known.get(part) ?? (['description-changed', 'documentation only, no consumer breaks'] as const);
    const explanation = `The ${part} of the contract changed: ${why}.`;
    return [contractChange(kind, {}, { pointer: under('/description', part), before: x, after: y, explanation })];
  });
}

export function contractLevelChanges(before: JsonRecord, after: JsonRecord): ContractChange[] {
  const changes: ContractChange[] = [];
  const [idBefore, idAfter] = [textOf(before, 'id'), textOf(after, 'id')];
  if (idBefore !== idAfter) {
    const explanation = `The contract id changed from ${idBefore ?? 'unset'} to ${idAfter ?? 'unset'}: input ports that name the old id no longer find it.`;
    changes.push(
      contractChange('contract-id-changed', {}, { pointer: '/id', before: idBefore, after: idAfter, explanation }),
    );
  }
  changes.push(...statusChange(before, after), ...descriptionChanges(before, after));
  for (const key of METADATA) {
    const [x, y] = [fieldOf(before, key), fieldOf(after, key)];
    if (sameValue(x, y)) continue;
    const explanation = `The ${key} of the contract changed: documentation only, no consumer breaks.`;
    changes.push(contractChange('metadata-changed', {}, { pointer: `/${key}`, before: x, after: y, explanation }));
  }
  return changes;
}
