/**
 * A DCS field's `references: model.field` → an ODCS property-level foreign-key relationship.
 * ODCS accepts `model.field` shorthand only for plain identifiers; other references made of
 * names (nested fields, names with dashes or leading digits) are written in ODCS's
 * fully-qualified form `schema/<model>/properties/<field>[/properties/<nested>…]`.
 */
import type { JsonObject } from './dcs-values.js';

const SHORTHAND = /^[A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*$/;
const NAME = /^[A-Za-z0-9_-]+$/;

/** The relationship for `reference`, or undefined when ODCS cannot express it. */
export function referenceToRelationship(reference: string): JsonObject | undefined {
  if (SHORTHAND.test(reference)) return { type: 'foreignKey', to: reference };
  const parts = reference.split('.');
  if (parts.length < 2 || !parts.every((part) => NAME.test(part))) return undefined;
  const [model, ...fields] = parts;
  return { type: 'foreignKey', to: `schema/${model}/properties/${fields.join('/properties/')}` };
}
