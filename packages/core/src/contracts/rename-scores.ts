/**
 * When a removed and an added element are one element renamed. A stable `id` (ODCS v3.1.0)
 * settles it; otherwise the evidence is what people keep when they rename: the physical name,
 * the description, the business name, the place in the table, or a description that names the
 * other element ("Replaces v1 country_code"). Reporting a rename instead of a removal and an
 * addition changes the explanation, not the severity: both are breaking.
 */
import type { ContractElement } from './contract-elements.js';
import type { RenameContext, RenameScoring } from './element-matching.js';
import { asArray, asRecord, fieldOf, textOf, type JsonRecord } from './json-values.js';

const sameText = (b: JsonRecord, a: JsonRecord, key: string): boolean => {
  const value = textOf(b, key);
  return value !== undefined && value === textOf(a, key);
};

const normalisedType = (node: JsonRecord, key: string): string | undefined =>
  textOf(node, key)?.toLowerCase().replace(/\s+/g, '');

/** Whether `text` contains `name` as a whole word (names shorter than 3 characters are too common). */
export function mentions(text: string | undefined, name: string): boolean {
  if (text === undefined || name.length < 3) return false;
  const isWordChar = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_]/.test(c);
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    if (!isWordChar(text[at - 1]) && !isWordChar(text[at + name.length])) return true;
  }
  return false;
}

function mentioned(b: ContractElement, a: ContractElement): boolean {
  return mentions(textOf(a.node, 'description'), b.name) || mentions(textOf(b.node, 'description'), a.name);
}

function sameId(b: ContractElement, a: ContractElement): boolean {
  return sameText(b.node, a.node, 'id');
}

/** Columns: the same type is required unless an id or an explicit mention ties them. */
export const COLUMN_RENAMES: RenameScoring = {
  threshold: 10,
  score: (b: ContractElement, a: ContractElement, context: RenameContext) => {
    if (sameId(b, a)) return 100;
    let score = mentioned(b, a) ? 40 : 0;
    const sameType =
      normalisedType(b.node, 'logicalType') === normalisedType(a.node, 'logicalType') &&
      normalisedType(b.node, 'physicalType') === normalisedType(a.node, 'physicalType');
    if (!sameType) return score;
    if (sameText(b.node, a.node, 'physicalName')) score += 40;
    if (sameText(b.node, a.node, 'description')) score += 30;
    if (sameText(b.node, a.node, 'businessName')) score += 30;
    // Position alone only counts for a rename in place, not when columns came and went.
    if (context.sameCount && b.index === a.index) score += 10;
    return score;
  },
};

const columnNames = (table: JsonRecord): string =>
  JSON.stringify(
    asArray(fieldOf(table, 'properties'))
      .map((property) => textOf(asRecord(property), 'name') ?? '')
      .sort(),
  );

/** Tables: a rename keeps the stored table, the id, or the columns. */
export const TABLE_RENAMES: RenameScoring = {
  threshold: 20,
  score: (b: ContractElement, a: ContractElement) => {
    if (sameId(b, a)) return 100;
    let score = mentioned(b, a) ? 40 : 0;
    if (sameText(b.node, a.node, 'physicalName')) score += 50;
    const columns = columnNames(b.node);
    if (columns !== '[]' && columns === columnNames(a.node)) score += 40;
    if (sameText(b.node, a.node, 'description')) score += 20;
    return score;
  },
};
