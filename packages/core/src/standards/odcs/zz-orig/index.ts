/** ODCS (Open Data Contract Standard) v3.1.0 and v3.0.x: Meshwork's schemas, types and validation. */
export { validateOdcs, validateOdcsV30x, validateOdcsV310, type OdcsValidation } from './odcs-validators.js';
export {
  ODCS_API_VERSIONS,
  ODCS_V30X_API_VERSIONS,
  ODCS_V310_API_VERSIONS,
  odcsSchemaVersionOf,
  type OdcsApiVersion,
  type OdcsSchemaVersion,
} from './odcs-api-versions.js';

// Shared by both versions.
export {
  OdcsAnyValueSchema,
  OdcsScalarValueSchema,
  OdcsTagsSchema,
  type OdcsAnyValue,
  type OdcsScalarValue,
  type OdcsTags,
} from './odcs-v3-values.js';
export {
  OdcsArrayTypeOptionsSchema,
  OdcsObjectTypeOptionsSchema,
  OdcsStringTypeOptionsSchema,
  type OdcsArrayTypeOptions,
  type OdcsObjectTypeOptions,
  type OdcsStringTypeOptions,
} from './odcs-v3-logical-type-options.js';
export {
  ODCS_QUALITY_DIMENSIONS,
  ODCS_QUALITY_TYPES,
  OdcsCustomQualitySchema,
  type OdcsCustomQuality,
  type OdcsQualityType,
} from './odcs-v3-quality-common.js';
export type { OdcsServerVariants } from './odcs-v3-server-schema.js';

// v3.1.0
export { OdcsV310Schema, type OdcsV310Document } from './odcs-v3-1-0-document.js';
export {
  OdcsStableIdSchema,
  OdcsV310AuthoritativeDefinitionSchema,
  OdcsV310AuthoritativeDefinitionsSchema,
  OdcsV310CustomPropertiesSchema,
  OdcsV310CustomPropertySchema,
  type OdcsV310AuthoritativeDefinition,
  type OdcsV310CustomProperty,
} from './odcs-v3-1-0-metadata.js';
export {
  ODCS_V310_LOGICAL_TYPES,
  OdcsV310DateTypeOptionsSchema,
  OdcsV310IntegerTypeOptionsSchema,
  OdcsV310NumberTypeOptionsSchema,
  OdcsV310TemporalTypeOptionsSchema,
  type OdcsV310DateTypeOptions,
  type OdcsV310IntegerTypeOptions,
  type OdcsV310LogicalType,
  type OdcsV310NumberTypeOptions,
  type OdcsV310TemporalTypeOptions,
} from './odcs-v3-1-0-logical-types.js';
export {
  OdcsV310PropertyDefs,
  OdcsV310SchemaItemPropertySchema,
  OdcsV310SchemaObjectSchema,
  OdcsV310SchemaPropertySchema,
  type OdcsV310LogicalTypeOptions,
  type OdcsV310LogicalTyping,
  type OdcsV310PropertyFields,
  type OdcsV310SchemaItemProperty,
  type OdcsV310SchemaObject,
  type OdcsV310SchemaProperty,
} from './odcs-v3-1-0-schema-objects.js';
export {
  OdcsFullyQualifiedReferenceSchema,
  OdcsShorthandReferenceSchema,
  OdcsV310PropertyRelationshipSchema,
  OdcsV310SchemaRelationshipSchema,
  type OdcsV310PropertyRelationship,
  type OdcsV310SchemaRelationship,
} from './odcs-v3-1-0-relationships.js';
export {
  ODCS_V310_QUALITY_METRICS,
  OdcsV310DataQualityChecksSchema,
  OdcsV310DataQualitySchema,
  OdcsV310LibraryQualitySchema,
  OdcsV310SqlQualitySchema,
  type OdcsV310DataQuality,
  type OdcsV310LibraryQuality,
  type OdcsV310QualityOperator,
  type OdcsV310SqlQuality,
} from './odcs-v3-1-0-quality.js';
export {
  OdcsV310ServerSchema,
  odcsV310ServerDetails,
  type OdcsV310Server,
  type OdcsV310ServerType,
} from './odcs-v3-1-0-servers.js';
export {
  OdcsV310PricingSchema,
  OdcsV310RoleSchema,
  OdcsV310SlaPropertySchema,
  OdcsV310SupportChannelSchema,
  OdcsV310SupportSchema,
  OdcsV310TeamMemberSchema,
  OdcsV310TeamObjectSchema,
  OdcsV310TeamSchema,
  type OdcsV310Pricing,
  type OdcsV310Role,
  type OdcsV310SlaProperty,
  type OdcsV310SupportChannel,
  type OdcsV310Team,
  type OdcsV310TeamMember,
  type OdcsV310TeamObject,
} from './odcs-v3-1-0-sla-team-support.js';

// v3.0.x
export { OdcsV30xSchema, type OdcsV30xDocument } from './odcs-v3-0-x-document.js';
export {
  OdcsV30xAuthoritativeDefinitionSchema,
  OdcsV30xAuthoritativeDefinitionsSchema,
  OdcsV30xCustomPropertiesSchema,
  OdcsV30xCustomPropertySchema,
  type OdcsV30xAuthoritativeDefinition,
  type OdcsV30xCustomProperty,
} from './odcs-v3-0-x-metadata.js';
export {
  ODCS_V30X_LOGICAL_TYPES,
  OdcsV30xDateTypeOptionsSchema,
  OdcsV30xIntegerTypeOptionsSchema,
  OdcsV30xNumberTypeOptionsSchema,
  type OdcsV30xDateTypeOptions,
  type OdcsV30xIntegerTypeOptions,
  type OdcsV30xLogicalType,
  type OdcsV30xNumberTypeOptions,
} from './odcs-v3-0-x-logical-types.js';
export {
  OdcsV30xPropertyDefs,
  OdcsV30xSchemaItemPropertySchema,
  OdcsV30xSchemaObjectSchema,
  OdcsV30xSchemaPropertySchema,
  type OdcsV30xLogicalTypeOptions,
  type OdcsV30xLogicalTyping,
  type OdcsV30xPropertyFields,
  type OdcsV30xSchemaItemProperty,
  type OdcsV30xSchemaObject,
  type OdcsV30xSchemaProperty,
} from './odcs-v3-0-x-schema-objects.js';
export {
  OdcsV30xDataQualityChecksSchema,
  OdcsV30xDataQualitySchema,
  OdcsV30xLibraryQualitySchema,
  OdcsV30xSqlQualitySchema,
  type OdcsV30xDataQuality,
  type OdcsV30xLibraryQuality,
  type OdcsV30xSqlQuality,
} from './odcs-v3-0-x-quality.js';
export {
  OdcsV30xServerSchema,
  odcsV30xServerDetails,
  type OdcsV30xServer,
  type OdcsV30xServerType,
} from './odcs-v3-0-x-servers.js';
export {
  OdcsV30xPricingSchema,
  OdcsV30xRoleSchema,
  OdcsV30xSlaPropertySchema,
  OdcsV30xSupportChannelSchema,
  OdcsV30xSupportSchema,
  OdcsV30xTeamMemberSchema,
  OdcsV30xTeamSchema,
  type OdcsV30xPricing,
  type OdcsV30xRole,
  type OdcsV30xSlaProperty,
  type OdcsV30xSupportChannel,
  type OdcsV30xTeam,
  type OdcsV30xTeamMember,
} from './odcs-v3-0-x-sla-team-support.js';
