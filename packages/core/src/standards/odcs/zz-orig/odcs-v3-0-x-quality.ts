/**
 * ODCS v3.0.x data quality rules. A rule without `type` counts as a library rule and so
 * needs `rule`; library rules may combine any of the comparison operators. Rules are open
 * objects.
 */
import { Type, type Static } from '@sinclair/typebox';
import { stringEnum } from './odcs-schema-helpers.js';
import { OdcsV30xAuthoritativeDefinitionsSchema, OdcsV30xCustomPropertiesSchema } from './odcs-v3-0-x-metadata.js';
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
  authoritativeDefinitions: Type.Optional(OdcsV30xAuthoritativeDefinitionsSchema),
  customProperties: Type.Optional(OdcsV30xCustomPropertiesSchema),
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

export const OdcsV30xDataQualityChecksSchema = Type.Array(OdcsV30xDataQualitySchema);
