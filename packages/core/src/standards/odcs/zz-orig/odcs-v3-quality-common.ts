/** What data quality rules look like in both ODCS versions: descriptive fields, custom rules. */
import { Type, type Static } from '@sinclair/typebox';
import { oneOf, openObject, stringEnum } from './odcs-schema-helpers.js';
import { OdcsTagsSchema } from './odcs-v3-values.js';

export const ODCS_QUALITY_DIMENSIONS = [
  'accuracy',
  'completeness',
  'conformity',
  'consistency',
  'coverage',
  'timeliness',
  'uniqueness',
] as const;

/**
 * `text` describes quality in prose, `library` uses a predefined metric, `sql` a query whose
 * result is compared, `custom` a vendor engine (Soda, Great Expectations…).
 */
export const ODCS_QUALITY_TYPES = ['text', 'library', 'sql', 'custom'] as const;
export type OdcsQualityType = (typeof ODCS_QUALITY_TYPES)[number];

const optionalString = () => Type.Optional(Type.String());

/** The fields of a rule that say what it is about, identical in v3.0.x and v3.1.0. */
export const odcsV3QualityFields = {
  name: optionalString(),
  description: optionalString(),
  dimension: Type.Optional(stringEnum(ODCS_QUALITY_DIMENSIONS)),
  /** E.g. `operational`, `regulatory` (free text). */
  businessImpact: optionalString(),
  method: optionalString(),
  /** E.g. `info`, `warning`, `error` (free text). */
  severity: optionalString(),
  scheduler: optionalString(),
  schedule: optionalString(),
  /** E.g. `rows`, `percent` (free text). */
  unit: optionalString(),
  tags: Type.Optional(OdcsTagsSchema),
};

export const OdcsCustomQualitySchema = Type.Object({
  /** E.g. `soda`, `great-expectations`, `dbt`. */
  engine: Type.String(),
  /** The engine's own check definition, as text or as an object. */
  implementation: oneOf([Type.String(), openObject()]),
});
export type OdcsCustomQuality = Static<typeof OdcsCustomQualitySchema>;

/** The condition "the rule's `type` is `type`". */
export function qualityTypeIs(type: OdcsQualityType): object {
  return { properties: { type: { const: type } }, required: ['type'] };
}

/** The two bounds of a `mustBeBetween` / `mustNotBeBetween` range, smallest first. */
const range = () => Type.Array(Type.Number(), { minItems: 2, maxItems: 2, uniqueItems: true });

/**
 * How a library or SQL rule compares its result. v3.0.x allows any combination of them;
 * v3.1.0 requires exactly one.
 */
export const odcsQualityOperatorFields = {
  mustBe: Type.Optional(Type.Unknown()),
  mustNotBe: Type.Optional(Type.Unknown()),
  mustBeGreaterThan: Type.Optional(Type.Number()),
  mustBeGreaterOrEqualTo: Type.Optional(Type.Number()),
  mustBeLessThan: Type.Optional(Type.Number()),
  mustBeLessOrEqualTo: Type.Optional(Type.Number()),
  mustBeBetween: Type.Optional(range()),
  mustNotBeBetween: Type.Optional(range()),
};
