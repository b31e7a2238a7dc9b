/**
 * ODCS v3.1.0 data quality rules. A rule's `type` decides what else it must say; a rule with
 * a string `metric` is a library rule even without `type`. Library and SQL rules compare
 * their result with exactly one operator (`mustBe`, `mustBeLessThan`, …).
 */
import { Type, type Static, type TObject, type TProperties } from '@sinclair/typebox';
import { declaredKeys, openObject, refTo, rejectKeys, stringEnum } from './odcs-schema-helpers.js';
import {
  OdcsStableIdSchema,
  odcsV310AuthoritativeDefinitionsRef,
  odcsV310CustomPropertiesRef,
} from './odcs-v3-1-0-metadata.js';
import {
  ODCS_QUALITY_TYPES,
  OdcsCustomQualitySchema,
  odcsQualityOperatorFields,
  odcsV3QualityFields,
  qualityTypeIs,
  type OdcsCustomQuality,
} from './odcs-v3-quality-common.js';

const operatorNames = Object.keys(odcsQualityOperatorFields) as (keyof typeof odcsQualityOperatorFields)[];
type OperatorFields = Static<TObject<typeof odcsQualityOperatorFields>>;

/** Exactly one operator, e.g. `{ mustBeLessThan: 10 }`. */
export type OdcsV310QualityOperator = {
  [K in keyof OperatorFields]-?: { [P in K]-?: OperatorFields[P] };
}[keyof OperatorFields];

/** `fields` plus exactly one operator, of the right type. */
function withOneOperator<T extends TProperties>(fields: T) {
  return Type.Unsafe<Static<TObject<T>> & OdcsV310QualityOperator>(
    Type.Object(
      { ...fields, ...odcsQualityOperatorFields },
      { oneOf: operatorNames.map((name) => ({ required: [name] })) },
    ),
  );
}

export const ODCS_V310_QUALITY_METRICS = [
  'nullValues',
  'missingValues',
  'invalidValues',
  'duplicateValues',
  'rowCount',
] as const;

export const OdcsV310LibraryQualitySchema = withOneOperator({
  metric: stringEnum(ODCS_V310_QUALITY_METRICS),
  /** Deprecated: the v3.0.x name of `metric`. */
  rule: Type.Optional(Type.String()),
  arguments: Type.Optional(openObject()),
});
export type OdcsV310LibraryQuality = Static<typeof OdcsV310LibraryQualitySchema>;

export const OdcsV310SqlQualitySchema = withOneOperator({
  /** In the dialect of the server; `${table}` and `${column}` stand for the checked element. */
  query: Type.String(),
});
export type OdcsV310SqlQuality = Static<typeof OdcsV310SqlQualitySchema>;

const qualityFields = Type.Object({
  id: Type.Optional(OdcsStableIdSchema),
  ...odcsV3QualityFields,
  authoritativeDefinitions: Type.Optional(odcsV310AuthoritativeDefinitionsRef()),
  customProperties: Type.Optional(odcsV310CustomPropertiesRef()),
});

export type OdcsV310DataQuality = Static<typeof qualityFields> &
  (
    | { type?: 'text' }
    | ({ type?: 'library' } & OdcsV310LibraryQuality)
    | ({ type: 'sql' } & OdcsV310SqlQuality)
    | ({ type: 'custom' } & OdcsCustomQuality)
  );

const isLibrary = {
  anyOf: [qualityTypeIs('library'), { properties: { metric: { type: 'string' } }, required: ['metric'] }],
};
const libraryKeys = ['metric', 'rule', 'arguments'];

/**
 * A rule: its own fields plus those of its type, nothing else. The official schema says so
 * with `unevaluatedProperties: false` over one conditional per type; here each conditional
 * rejects, when it does not hold, the keys only its type may have.
 */
export const OdcsV310DataQualitySchema = Type.Unsafe<OdcsV310DataQuality>(
  Type.Object(
    {
      ...qualityFields.properties,
      type: Type.Optional(stringEnum(ODCS_QUALITY_TYPES)),
      // Checked by the conditionals.
      ...declaredKeys([...libraryKeys, 'query', 'engine', 'implementation', ...operatorNames]),
    },
    {
      allOf: [
        { if: isLibrary, then: OdcsV310LibraryQualitySchema, else: rejectKeys(libraryKeys) },
        { if: qualityTypeIs('sql'), then: OdcsV310SqlQualitySchema, else: rejectKeys(['query']) },
        {
          if: qualityTypeIs('custom'),
          then: OdcsCustomQualitySchema,
          else: rejectKeys(['engine', 'implementation']),
        },
        // Library and SQL rules compare their result; other rules have no operator.
        { if: { anyOf: [isLibrary, qualityTypeIs('sql')] }, else: rejectKeys(operatorNames) },
      ],
      additionalProperties: false,
    },
  ),
);

/** The rules of an object or property, each checked by the document's `DataQuality` definition. */
export const OdcsV310DataQualityChecksSchema = Type.Array(refTo('DataQuality', OdcsV310DataQualitySchema));
