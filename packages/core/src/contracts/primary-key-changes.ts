/**
 * Changes of a table's primary key, the columns with `primaryKey: true` in
 * `primaryKeyPosition` order. The key is the table's grain: a different set of key columns
 * means a row stands for something else, and joins or deduplication on the old key multiply or
 * lose rows. The order matters to consumers that build composite keys in key order (surrogate
 * key hashes, merge keys). A renamed key column is reported as the rename, not as a new key.
 */
import { propertiesOf, type ContractElement } from './contract-elements.js';
import { contractChange, type ChangeSite, type ContractChange } from './contract-change.js';
import type { ElementMatching } from './element-matching.js';
import { booleanOf, numberOf } from './json-values.js';

function keyOf(columns: readonly ContractElement[]): ContractElement[] {
  // Positions below 1 mean "not in the key" in the official examples (-1).
  const position = (column: ContractElement) => {
    const value = numberOf(column.node, 'primaryKeyPosition');
    return value !== undefined && value >= 1 ? value : Infinity;
  };
  return columns
    .filter((column) => booleanOf(column.node, 'primaryKey') === true)
    .sort((x, y) => position(x) - position(y) || x.index - y.index);
}

export function primaryKeyChanges(
  site: ChangeSite,
  b: ContractElement,
  a: ContractElement,
  columns: ElementMatching,
): ContractChange[] {
  const newName = new Map(columns.renamed.map(([before, after]) => [before.key, after.name]));
  const before = keyOf(propertiesOf(b, true)).map((column) => newName.get(column.key) ?? column.name);
  const after = keyOf(propertiesOf(a, true)).map((column) => column.name);
  if (before.join('\u0000') === after.join('\u0000')) return [];
  const shown = (key: readonly string[]) => `(${key.join(', ')})`;
  const draft = { pointer: a.pointer, before, after };
  const table = site.table ?? '';
  if (before.length === 0) {
    const explanation = `Table ${table} now declares the primary key ${shown(after)}: a key promised where there was none.`;
    return [contractChange('primary-key-added', site, { ...draft, explanation })];
  }
  if (after.length === 0) {
    const explanation = `Table ${table} no longer declares its primary key ${shown(before)}: consumers lose the promise that rows are unique by it.`;
    return [contractChange('primary-key-removed', site, { ...draft, explanation })];
  }
  const sameColumns = before.length === after.length && before.every((name) => after.includes(name));
  if (sameColumns) {
    const explanation = `The primary key of table ${table} was reordered from ${shown(before)} to ${shown(after)}: composite keys that consumers build in key order change.`;
    return [contractChange('primary-key-reordered', site, { ...draft, explanation })];
  }
  const explanation = `The primary key of table ${table} changed from ${shown(before)} to ${shown(after)}: a row now stands for something else, so joins and deduplication on the old key may multiply or lose rows.`;
  return [contractChange('primary-key-changed', site, { ...draft, explanation })];
}
