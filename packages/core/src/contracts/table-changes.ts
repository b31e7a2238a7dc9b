/**
 * Changes to the tables (ODCS schema objects) of a contract: removed, renamed and added tables,
 * then, for each table on both sides, its own fields, its primary key, its quality rules and
 * relationships, and its columns.
 */
import { columnListChanges, matchColumns } from './column-changes.js';
import { propertiesOf, tablesOf, fieldPointer, type ContractElement } from './contract-elements.js';
import { contractChange, type ChangeSite, type ContractChange } from './contract-change.js';
import { matchElements } from './element-matching.js';
import { textOf, type JsonRecord } from './json-values.js';
import { fieldChanges, METADATA_FIELDS, relationshipChanges } from './metadata-changes.js';
import { primaryKeyChanges } from './primary-key-changes.js';
import { qualityChanges } from './quality-changes.js';
import { qualityRulesOf } from './quality-rules.js';
import { TABLE_RENAMES } from './rename-scores.js';

function storageChanges(site: ChangeSite, b: ContractElement, a: ContractElement): ContractChange[] {
  const changes: ContractChange[] = [];
  const [nameBefore, nameAfter] = [textOf(b.node, 'physicalName'), textOf(a.node, 'physicalName')];
  // Without a physical name the table is stored under its name, which a rename reports.
  if ((nameBefore !== undefined || nameAfter !== undefined) && (nameBefore ?? b.name) !== (nameAfter ?? a.name)) {
    const [before, after] = [nameBefore ?? b.name, nameAfter ?? a.name];
    changes.push(
      contractChange('table-physical-name-changed', site, {
        pointer: fieldPointer(b, a, 'physicalName'),
        before,
        after,
        explanation: `The physical name of table ${a.name} changed from ${before} to ${after}: queries and tools that read the stored table by name fail.`,
      }),
    );
  }
  const [typeBefore, typeAfter] = [textOf(b.node, 'physicalType'), textOf(a.node, 'physicalType')];
  if (typeBefore?.toLowerCase() !== typeAfter?.toLowerCase()) {
    changes.push(
      contractChange('table-physical-type-changed', site, {
        pointer: fieldPointer(b, a, 'physicalType'),
        before: typeBefore,
        after: typeAfter,
        explanation: `Table ${a.name} is now stored as ${typeAfter ?? 'an unstated type'} instead of ${typeBefore ?? 'an unstated type'}: queries still run, but tools and performance that depend on the kind of object may not.`,
      }),
    );
  }
  return changes;
}

function keptTableChanges(b: ContractElement, a: ContractElement): ContractChange[] {
  const site: ChangeSite = { table: a.name };
  const columns = matchColumns(propertiesOf(b, true), propertiesOf(a, true));
  return [
    ...storageChanges(site, b, a),
    ...fieldChanges(
      site,
      b,
      a,
      ['dataGranularityDescription'],
      'granularity-changed',
      'a row may now stand for something else, so counts, joins and aggregates need review',
    ),
    ...primaryKeyChanges(site, b, a, columns),
    ...qualityChanges(site, qualityRulesOf(b.node, b.pointer), qualityRulesOf(a.node, a.pointer)),
    ...relationshipChanges(site, b, a),
    ...fieldChanges(site, b, a, ['description'], 'description-changed', 'documentation only, no consumer breaks'),
    ...fieldChanges(site, b, a, METADATA_FIELDS, 'metadata-changed', 'documentation only, no consumer breaks'),
    ...columnListChanges(a.name, columns, 0),
  ];
}

export function tableChanges(before: JsonRecord, after: JsonRecord): ContractChange[] {
  const matching = matchElements(tablesOf(before), tablesOf(after), TABLE_RENAMES);
  const changes: ContractChange[] = matching.removed.map((table) =>
    contractChange(
      'table-removed',
      { table: table.name },
      {
        pointer: table.pointer,
        before: table.name,
        explanation: `Table ${table.name} was removed: every query on it fails.`,
      },
    ),
  );
  const renamedFrom = new Map(matching.renamed.map(([b, a]) => [a, b]));
  const keptFrom = new Map(matching.kept.map(([b, a]) => [a, b]));
  const inOrder = [...keptFrom.keys(), ...renamedFrom.keys(), ...matching.added].sort((x, y) => x.index - y.index);
  for (const a of inOrder) {
    const renamed = renamedFrom.get(a);
    const b = renamed ?? keptFrom.get(a);
    if (renamed !== undefined) {
      changes.push(
        contractChange(
          'table-renamed',
          { table: a.name },
          {
            pointer: a.pointer,
            before: renamed.name,
            after: a.name,
            explanation: `Table ${renamed.name} was renamed to ${a.name}: queries that name ${renamed.name} fail.`,
          },
        ),
      );
    }
    if (b !== undefined) changes.push(...keptTableChanges(b, a));
    else
      changes.push(
        contractChange(
          'table-added',
          { table: a.name },
          {
            pointer: a.pointer,
            after: a.name,
            explanation: `Table ${a.name} was added: existing queries are unaffected.`,
          },
        ),
      );
  }
  return changes;
}
