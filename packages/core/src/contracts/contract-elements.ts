/**
 * The elements of a contract the classifier walks: schema objects (tables) and their
 * properties (columns), nested through `properties` and `items`. Each keeps its pointer into
 * its own document, so a change can say where it is.
 */
import { asArray, asRecord, fieldOf, stringOf, under, type JsonRecord } from './json-values.js';

export interface ContractElement {
  /** Matching key: the name, `#<index>` without one, `<name>#<n>` for the n-th duplicate. */
  readonly key: string;
  /** The name as written, or the key when there is none. */
  readonly name: string;
  /** Dotted path from the table, `[]` for array items; the table name for tables. */
  readonly path: string;
  /** Position among its siblings. */
  readonly index: number;
  readonly pointer: string;
  readonly node: JsonRecord;
}

/** Nesting deeper than this is not compared: no real schema goes there, a hostile one might. */
export const MAX_NESTING = 32;

function elementsAt(list: unknown, listPointer: string, pathOf: (name: string) => string): ContractElement[] {
  const used = new Set<string>();
  const out: ContractElement[] = [];
  asArray(list).forEach((entry, index) => {
    const node = asRecord(entry);
    if (node === undefined) return;
    const written = stringOf(node, 'name');
    const base = written ?? `#${index}`;
    let key = base;
    for (let n = 2; used.has(key); n++) key = `${base}#${n}`;
    used.add(key);
    const name = written ?? key;
    out.push({ key, name, path: pathOf(name), index, pointer: under(listPointer, index), node });
  });
  return out;
}

export function tablesOf(document: JsonRecord): ContractElement[] {
  return elementsAt(fieldOf(document, 'schema'), '/schema', (name) => name);
}

/** Direct properties of a table or of an object property. */
export function propertiesOf(parent: ContractElement, isTable: boolean): ContractElement[] {
  const prefix = isTable ? '' : `${parent.path}.`;
  return elementsAt(fieldOf(parent.node, 'properties'), under(parent.pointer, 'properties'), (n) => prefix + n);
}

/** The item property of an array property, if it declares one. */
export function itemsOf(parent: ContractElement): ContractElement | undefined {
  const node = asRecord(fieldOf(parent.node, 'items'));
  if (node === undefined) return undefined;
  const path = `${parent.path}[]`;
  return { key: '[]', name: '[]', path, index: 0, pointer: under(parent.pointer, 'items'), node };
}

/**
 * Where a field of a compared element is: in `after` when it is written there, else in
 * `before`, else the element itself.
 */
export function fieldPointer(before: ContractElement, after: ContractElement, key: string): string {
  if (Object.hasOwn(after.node, key)) return under(after.pointer, key);
  if (Object.hasOwn(before.node, key)) return under(before.pointer, key);
  return after.pointer;
}
