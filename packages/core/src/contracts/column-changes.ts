/**
 * Changes to the columns of a table, nested properties included: removed columns first, then
 * the columns of `after` in order — renamed, kept or added — each kept one with every aspect in
 * a fixed order (physical name, required, unique, types, classification, options, valid values,
 * quality, relationships, partitioning, documentation), then its nested properties.
 */
import { classificationChanges } from './classification-changes.js';
import { columnPromiseChanges } from './column-promise-changes.js';
import { columnTypeChanges } from './column-type-changes.js';
import { itemsOf, MAX_NESTING, propertiesOf, type ContractElement } from './contract-elements.js';
import { contractChange, type ChangeSite, type ContractChange } from './contract-change.js';
import { matchElements, type ElementMatching } from './element-matching.js';
import { booleanOf, textOf } from './json-values.js';
import { relateLogicalTypes } from './logical-types.js';
import { documentationChanges, partitioningChanges, relationshipChanges } from './metadata-changes.js';
import { qualityChanges } from './quality-changes.js';
import { qualityRulesOf } from './quality-rules.js';
import { COLUMN_RENAMES } from './rename-scores.js';
import { typeOptionChanges } from './type-option-changes.js';
import { validValuesChanges } from './valid-values.js';

export function matchColumns(before: readonly ContractElement[], after: readonly ContractElement[]): ElementMatching {
  return matchElements(before, after, COLUMN_RENAMES);
}

/** All changes below one table or object property, given how its direct properties match. */
export function columnListChanges(table: string, matching: ElementMatching, depth: number): ContractChange[] {
  const site = (column: ContractElement): ChangeSite => ({ table, column: column.path });
  const changes: ContractChange[] = matching.removed.map((column) =>
    contractChange('column-removed', site(column), {
      pointer: column.pointer,
      before: column.name,
      explanation: `Column ${table}.${column.path} was removed: queries that select it fail.`,
    }),
  );
  const renamedFrom = new Map(matching.renamed.map(([b, a]) => [a, b]));
  const keptFrom = new Map(matching.kept.map(([b, a]) => [a, b]));
  // Walk `after` in its own order, so the changes read as the document does.
  const inOrder = [...keptFrom.keys(), ...renamedFrom.keys(), ...matching.added].sort((x, y) => x.index - y.index);
  for (const a of inOrder) {
    const renamed = renamedFrom.get(a);
    const b = renamed ?? keptFrom.get(a);
    if (renamed !== undefined) {
      changes.push(
        contractChange('column-renamed', site(a), {
          pointer: a.pointer,
          before: renamed.name,
          after: a.name,
          explanation: `Column ${table}.${renamed.path} was renamed to ${a.name}: queries that select ${renamed.name} fail.`,
        }),
      );
    }
    changes.push(...(b === undefined ? [addedColumn(site(a), a)] : columnChanges(site(a), b, a, depth)));
  }
  return changes;
}

function addedColumn(site: ChangeSite, column: ContractElement): ContractChange {
  const label = `${site.table}.${column.path}`;
  if (booleanOf(column.node, 'required') === true) {
    return contractChange('required-column-added', site, {
      pointer: column.pointer,
      after: column.name,
      explanation: `Required column ${label} was added: readers are unaffected, only whoever writes rows must now supply it.`,
    });
  }
  return contractChange('column-added', site, {
    pointer: column.pointer,
    after: column.name,
    explanation: `Optional column ${label} was added: existing queries are unaffected.`,
  });
}

/** Every aspect of one column present in both versions, then its nested properties. */
export function columnChanges(
  site: ChangeSite,
  b: ContractElement,
  a: ContractElement,
  depth: number,
): ContractChange[] {
  const [typeBefore, typeAfter] = [textOf(b.node, 'logicalType'), textOf(a.node, 'logicalType')];
  const relation =
    typeBefore === undefined || typeAfter === undefined
      ? typeBefore === typeAfter
        ? 'same'
        : 'incompatible'
      : relateLogicalTypes(typeBefore, typeAfter);
  const beforeRules = qualityRulesOf(b.node, b.pointer);
  const afterRules = qualityRulesOf(a.node, a.pointer);
  const changes = [
    ...columnPromiseChanges(site, b, a),
    ...columnTypeChanges(site, b, a),
    ...classificationChanges(site, b, a),
    // Options mean different things per type: all compared when it stays, all but format when it widens.
    ...(relation === 'same' || relation === 'widened' ? typeOptionChanges(site, b, a, relation === 'same') : []),
    ...validValuesChanges(site, b, a),
    ...qualityChanges(site, beforeRules, afterRules),
    ...relationshipChanges(site, b, a),
    ...partitioningChanges(site, b, a),
    ...documentationChanges(site, b, a),
  ];
  if (depth >= MAX_NESTING) return changes;
  const table = site.table ?? '';
  changes.push(...columnListChanges(table, matchColumns(propertiesOf(b, false), propertiesOf(a, false)), depth + 1));
  const [itemsBefore, itemsAfter] = [itemsOf(b), itemsOf(a)];
  const items: ElementMatching = {
    kept: itemsBefore && itemsAfter ? [[itemsBefore, itemsAfter]] : [],
    renamed: [],
    removed: itemsBefore && !itemsAfter ? [itemsBefore] : [],
    added: itemsAfter && !itemsBefore ? [itemsAfter] : [],
  };
  changes.push(...columnListChanges(table, items, depth + 1));
  return changes;
}
