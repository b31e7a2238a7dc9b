/**
 * ODCS v3.0.x data quality rules. A rule without `type` counts as a library rule and so
 * needs `rule`; library rules may combine any of the comparison operators. Rules are open
 * objects.
 */
import { Type, type Static } from '@sinclair/typebox';
import { refTo, stringEnum } from './odcs-schema-helpers.js';
import { odcsV30xAuthoritativeDefinitionsRef, odcsV30xCustomPropertiesRef } from './odcs-v3-0-x-metadata.js';
import {
  ODCS_QUALITY_TYPES,
  OdcsCustomQualitySchema,
  odcsQualityOperatorFields,
  odcsV3QualityFields,
  qualityTypeIs,
  type OdcsCustomQuality,
} from './odcs-v3-quality-common.js';

export const OdcsV30xLibraryQualitySchema = Type.Object({
  /** The name of the predefined check. */
  rule: Type.String(),
  ...odcsQualityOperatorFields,
});
export type OdcsV30xLibraryQuality = Static<typeof OdcsV30xLibraryQualitySchema>;

export const OdcsV30xSqlQualitySchema = Type.Object({ query: Type.String() });
export type OdcsV30xSqlQuality = Static<typeof OdcsV30xSqlQualitySchema>;

const qualityFields = Type.Object({
  ...odcsV3QualityFields,
  authoritativeDefinitions: Type.Optional(odcsV30xAuthoritativeDefinitionsRef()),
  customProperties: Type.Optional(odcsV30xCustomPropertiesRef()),
});

export type OdcsV30xDataQuality = Static<typeof qualityFields> &
  (
    | { type: 'text' }
    | ({ type?: 'library' } & OdcsV30xLibraryQuality)
    | ({ type: 'sql' } & OdcsV30xSqlQuality)
    | ({ type: 'custom' } & OdcsCustomQuality)
  );

export const OdcsV30xDataQualitySchema = Type.Unsafe<OdcsV30xDataQuality>(
  Type.Object(
    { ...qualityFields.properties, type: Type.Optional(stringEnum(ODCS_QUALITY_TYPES)) },
    {
      allOf: [
        // Deliberately without `required: ['type']`: a rule with no type is a library rule.
        { if: { properties: { type: { const: 'library' } } }, then: OdcsV30xLibraryQualitySchema },
        { if: qualityTypeIs('sql'), then: OdcsV30xSqlQualitySchema },
        { if: qualityTypeIs('custom'), then: OdcsCustomQualitySchema },
      ],
    },
  ),
);

/** The rules of an object or property, each checked by the document's `DataQuality` definition. */
export const OdcsV30xDataQualityChecksSchema = Type.Array(refTo('DataQuality', OdcsV30xDataQualitySchema));
