/**
 * ODCS v3.1.0 `schema`: the objects (tables, topics, files…) a contract describes and their
 * properties (columns, fields), which nest through `properties` (objects) and `items` (arrays).
 */
import { Type, type Static } from '@sinclair/typebox';
import { documentRef, openObject, refTo, stringEnum } from './odcs-schema-helpers.js';
import { ODCS_V310_LOGICAL_TYPES, odcsV310LogicalTypeRules } from './odcs-v3-1-0-logical-types.js';
import type {
  OdcsV310DateTypeOptions,
  OdcsV310IntegerTypeOptions,
  OdcsV310NumberTypeOptions,
  OdcsV310TemporalTypeOptions,
} from './odcs-v3-1-0-logical-types.js';
import {
  OdcsStableIdSchema,
  OdcsV310MetadataDefs,
  odcsV310AuthoritativeDefinitionsRef,
  odcsV310CustomPropertiesRef,
} from './odcs-v3-1-0-metadata.js';
import { OdcsV310DataQualityChecksSchema, OdcsV310DataQualitySchema } from './odcs-v3-1-0-quality.js';
import { OdcsV310PropertyRelationshipSchema, OdcsV310SchemaRelationshipSchema } from './odcs-v3-1-0-relationships.js';
import {
  logicalTypeChecks,
  type OdcsArrayTypeOptions,
  type OdcsObjectTypeOptions,
  type OdcsStringTypeOptions,
} from './odcs-v3-logical-type-options.js';
import { OdcsAnyValueSchema, OdcsTagsSchema } from './odcs-v3-values.js';

const optionalString = () => Type.Optional(Type.String());
const optionalBoolean = () => Type.Optional(Type.Boolean());

/** What objects and properties have in common (their `name` is added where it is required). */
const elementFields = {
  id: Type.Optional(OdcsStableIdSchema),
  businessName: optionalString(),
  description: optionalString(),
  /** The type in the data source: `table`, `topic`… for objects, `VARCHAR(2)`… for properties. */
  physicalType: optionalString(),
  authoritativeDefinitions: Type.Optional(odcsV310AuthoritativeDefinitionsRef()),
  tags: Type.Optional(OdcsTagsSchema),
  customProperties: Type.Optional(odcsV310CustomPropertiesRef()),
};

const propertyFields = Type.Object({
  ...elementFields,
  logicalType: Type.Optional(stringEnum(ODCS_V310_LOGICAL_TYPES)),
  /** Constrained by `logicalType`, see OdcsV310LogicalTyping. */
  logicalTypeOptions: Type.Optional(openObject()),
  physicalName: optionalString(),
  /** Whether a value must be present (not null). */
  required: optionalBoolean(),
  unique: optionalBoolean(),
  primaryKey: optionalBoolean(),
  /** 1-based position in a composite primary key. */
  primaryKeyPosition: Type.Optional(Type.Integer()),
  partitioned: optionalBoolean(),
  partitionKeyPosition: Type.Optional(Type.Integer()),
  /** E.g. `public`, `restricted`, `confidential` (free text). */
  classification: optionalString(),
  /** The element holding the encrypted value of this one. */
  encryptedName: optionalString(),
  transformSourceObjects: Type.Optional(Type.Array(Type.String())),
  transformLogic: optionalString(),
  transformDescription: optionalString(),
  examples: Type.Optional(Type.Array(OdcsAnyValueSchema)),
  criticalDataElement: optionalBoolean(),
  relationships: Type.Optional(Type.Array(refTo('PropertyRelationship', OdcsV310PropertyRelationshipSchema))),
  quality: Type.Optional(OdcsV310DataQualityChecksSchema),
});

export type OdcsV310PropertyFields = Omit<Static<typeof propertyFields>, 'logicalType' | 'logicalTypeOptions'>;

/**
 * `logicalType` decides which options a property may carry and whether it nests. Without a
 * `logicalType` every rule applies at once: options must be empty, nesting is allowed.
 */
export type OdcsV310LogicalTyping =
  | { logicalType: 'string'; logicalTypeOptions?: OdcsStringTypeOptions }
  | { logicalType: 'date'; logicalTypeOptions?: OdcsV310DateTypeOptions }
  | { logicalType: 'timestamp' | 'time'; logicalTypeOptions?: OdcsV310TemporalTypeOptions }
  | { logicalType: 'integer'; logicalTypeOptions?: OdcsV310IntegerTypeOptions }
  | { logicalType: 'number'; logicalTypeOptions?: OdcsV310NumberTypeOptions }
  | { logicalType: 'boolean'; logicalTypeOptions?: Record<string, unknown> }
  | { logicalType: 'object'; logicalTypeOptions?: OdcsObjectTypeOptions; properties?: OdcsV310SchemaProperty[] }
  | { logicalType: 'array'; logicalTypeOptions?: OdcsArrayTypeOptions; items?: OdcsV310SchemaItemProperty }
  | {
      logicalType?: undefined;
      logicalTypeOptions?: Record<string, never>;
      properties?: OdcsV310SchemaProperty[];
      items?: OdcsV310SchemaItemProperty;
    };

/** The options of any logical type (narrow them through `logicalType`). */
export type OdcsV310LogicalTypeOptions = NonNullable<OdcsV310LogicalTyping['logicalTypeOptions']>;

export type OdcsV310SchemaProperty = OdcsV310PropertyFields & { name: string } & OdcsV310LogicalTyping;
/** The element type of an array property: a property whose name is optional. */
export type OdcsV310SchemaItemProperty = OdcsV310PropertyFields & { name?: string } & OdcsV310LogicalTyping;

const propertyRef = documentRef<OdcsV310SchemaProperty>('SchemaProperty');
const itemRef = documentRef<OdcsV310SchemaItemProperty>('SchemaItemProperty');

const logicalTyping = logicalTypeChecks(
  odcsV310LogicalTypeRules({ properties: Type.Array(propertyRef), items: itemRef }),
);

/**
 * A property. It refers to nested properties through `#/$defs/…` of the document schema:
 * compile it inside a schema whose `$defs` include OdcsV310PropertyDefs, as OdcsV310Schema does.
 */
export const OdcsV310SchemaPropertySchema = Type.Unsafe<OdcsV310SchemaProperty>(
  Type.Object(
    { name: Type.String(), ...propertyFields.properties, ...logicalTyping.declared },
    { additionalProperties: false, dependentSchemas: logicalTyping.dependentSchemas },
  ),
);

export const OdcsV310SchemaItemPropertySchema = Type.Unsafe<OdcsV310SchemaItemProperty>(
  Type.Object(
    { name: optionalString(), ...propertyFields.properties, ...logicalTyping.declared },
    // Nesting members are only allowed by the item's own logical type.
    { additionalProperties: false, dependentSchemas: logicalTyping.dependentSchemas },
  ),
);

/** The definitions a property refers to, directly or through its nested properties. */
export const OdcsV310PropertyDefs = {
  ...OdcsV310MetadataDefs,
  SchemaProperty: OdcsV310SchemaPropertySchema,
  SchemaItemProperty: OdcsV310SchemaItemPropertySchema,
  PropertyRelationship: OdcsV310PropertyRelationshipSchema,
  DataQuality: OdcsV310DataQualitySchema,
};

export const OdcsV310SchemaObjectSchema = Type.Object(
  {
    name: Type.String(),
    ...elementFields,
    /** An object's logical type can only be `object`. */
    logicalType: Type.Optional(stringEnum(['object'])),
    physicalName: optionalString(),
    /** E.g. "aggregated by country". */
    dataGranularityDescription: optionalString(),
    properties: Type.Optional(Type.Array(propertyRef)),
    relationships: Type.Optional(Type.Array(refTo('SchemaRelationship', OdcsV310SchemaRelationshipSchema))),
    quality: Type.Optional(OdcsV310DataQualityChecksSchema),
  },
  { additionalProperties: false },
);
export type OdcsV310SchemaObject = Static<typeof OdcsV310SchemaObjectSchema>;

/** The definitions a schema object refers to. */
export const OdcsV310SchemaObjectDefs = {
  ...OdcsV310PropertyDefs,
  SchemaObject: OdcsV310SchemaObjectSchema,
  SchemaRelationship: OdcsV310SchemaRelationshipSchema,
};
