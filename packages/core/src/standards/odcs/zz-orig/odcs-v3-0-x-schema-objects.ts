/**
 * ODCS v3.0.x `schema`: objects and their (nesting) properties. Differences from v3.1.0: no
 * ids, no relationships, no `timestamp`/`time`, and array items may always nest `properties`.
 */
import { Type, type Static } from '@sinclair/typebox';
import { documentRef, openObject, stringEnum } from './odcs-schema-helpers.js';
import { ODCS_V30X_LOGICAL_TYPES, odcsV30xLogicalTypeRules } from './odcs-v3-0-x-logical-types.js';
import type {
  OdcsV30xDateTypeOptions,
  OdcsV30xIntegerTypeOptions,
  OdcsV30xNumberTypeOptions,
} from './odcs-v3-0-x-logical-types.js';
import { OdcsV30xAuthoritativeDefinitionsSchema, OdcsV30xCustomPropertiesSchema } from './odcs-v3-0-x-metadata.js';
import { OdcsV30xDataQualityChecksSchema } from './odcs-v3-0-x-quality.js';
import {
  logicalTypeConditionals,
  type OdcsArrayTypeOptions,
  type OdcsObjectTypeOptions,
  type OdcsStringTypeOptions,
} from './odcs-v3-logical-type-options.js';
import { OdcsAnyValueSchema, OdcsTagsSchema } from './odcs-v3-values.js';

const optionalString = () => Type.Optional(Type.String());
const optionalBoolean = () => Type.Optional(Type.Boolean());

const elementFields = {
  businessName: optionalString(),
  description: optionalString(),
  physicalType: optionalString(),
  authoritativeDefinitions: Type.Optional(OdcsV30xAuthoritativeDefinitionsSchema),
  tags: Type.Optional(OdcsTagsSchema),
  customProperties: Type.Optional(OdcsV30xCustomPropertiesSchema),
};

const propertyFields = Type.Object({
  ...elementFields,
  logicalType: Type.Optional(stringEnum(ODCS_V30X_LOGICAL_TYPES)),
  logicalTypeOptions: Type.Optional(openObject()),
  physicalName: optionalString(),
  required: optionalBoolean(),
  unique: optionalBoolean(),
  primaryKey: optionalBoolean(),
  primaryKeyPosition: Type.Optional(Type.Integer()),
  partitioned: optionalBoolean(),
  partitionKeyPosition: Type.Optional(Type.Integer()),
  classification: optionalString(),
  encryptedName: optionalString(),
  transformSourceObjects: Type.Optional(Type.Array(Type.String())),
  transformLogic: optionalString(),
  transformDescription: optionalString(),
  examples: Type.Optional(Type.Array(OdcsAnyValueSchema)),
  criticalDataElement: optionalBoolean(),
  quality: Type.Optional(OdcsV30xDataQualityChecksSchema),
});

export type OdcsV30xPropertyFields = Omit<Static<typeof propertyFields>, 'logicalType' | 'logicalTypeOptions'>;

/** As OdcsV310LogicalTyping, for the v3.0.x logical types. */
export type OdcsV30xLogicalTyping =
  | { logicalType: 'string'; logicalTypeOptions?: OdcsStringTypeOptions }
  | { logicalType: 'date'; logicalTypeOptions?: OdcsV30xDateTypeOptions }
  | { logicalType: 'integer'; logicalTypeOptions?: OdcsV30xIntegerTypeOptions }
  | { logicalType: 'number'; logicalTypeOptions?: OdcsV30xNumberTypeOptions }
  | { logicalType: 'boolean'; logicalTypeOptions?: Record<string, unknown> }
  | { logicalType: 'object'; logicalTypeOptions?: OdcsObjectTypeOptions; properties?: OdcsV30xSchemaProperty[] }
  | { logicalType: 'array'; logicalTypeOptions?: OdcsArrayTypeOptions; items?: OdcsV30xSchemaItemProperty }
  | {
      logicalType?: undefined;
      logicalTypeOptions?: Record<string, never>;
      properties?: OdcsV30xSchemaProperty[];
      items?: OdcsV30xSchemaItemProperty;
    };

/** The options of any logical type (narrow them through `logicalType`). */
export type OdcsV30xLogicalTypeOptions = NonNullable<OdcsV30xLogicalTyping['logicalTypeOptions']>;

export type OdcsV30xSchemaProperty = OdcsV30xPropertyFields & { name: string } & OdcsV30xLogicalTyping;
/** The element type of an array property: its name is optional and it may nest `properties`. */
export type OdcsV30xSchemaItemProperty = OdcsV30xPropertyFields & {
  name?: string;
  properties?: OdcsV30xSchemaProperty[];
} & OdcsV30xLogicalTyping;

const propertyRef = documentRef<OdcsV30xSchemaProperty>('SchemaProperty');
const itemRef = documentRef<OdcsV30xSchemaItemProperty>('SchemaItemProperty');

const logicalTypeRules = logicalTypeConditionals(
  odcsV30xLogicalTypeRules({ properties: Type.Array(propertyRef), items: itemRef }),
);

/** A property; compile it inside a schema whose `$defs` are OdcsV30xPropertyDefs. */
export const OdcsV30xSchemaPropertySchema = Type.Unsafe<OdcsV30xSchemaProperty>(
  Type.Object(
    { name: Type.String(), ...propertyFields.properties },
    { allOf: logicalTypeRules, unevaluatedProperties: false },
  ),
);

export const OdcsV30xSchemaItemPropertySchema = Type.Unsafe<OdcsV30xSchemaItemProperty>(
  Type.Object(
    { name: optionalString(), ...propertyFields.properties, properties: Type.Optional(Type.Array(propertyRef)) },
    { allOf: logicalTypeRules, unevaluatedProperties: false },
  ),
);

export const OdcsV30xPropertyDefs = {
  SchemaProperty: OdcsV30xSchemaPropertySchema,
  SchemaItemProperty: OdcsV30xSchemaItemPropertySchema,
};

export const OdcsV30xSchemaObjectSchema = Type.Object(
  {
    name: Type.String(),
    ...elementFields,
    logicalType: Type.Optional(stringEnum(['object'])),
    physicalName: optionalString(),
    dataGranularityDescription: optionalString(),
    properties: Type.Optional(Type.Array(propertyRef)),
    quality: Type.Optional(OdcsV30xDataQualityChecksSchema),
  },
  { additionalProperties: false },
);
export type OdcsV30xSchemaObject = Static<typeof OdcsV30xSchemaObjectSchema>;
