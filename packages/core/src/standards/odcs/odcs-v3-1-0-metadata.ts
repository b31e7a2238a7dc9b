/**
 * ODCS v3.1.0 building blocks used all over a contract: stable ids, authoritative
 * definitions and custom properties. v3.1.0 closes these objects (no unknown keys).
 */
import { Type, type Static } from '@sinclair/typebox';
import { refTo } from './odcs-schema-helpers.js';
import { OdcsAnyValueSchema } from './odcs-v3-values.js';

/** An identifier other parts of the contract can refer to; letters, digits, `_` and `-`. */
export const OdcsStableIdSchema = Type.String({ pattern: '^[A-Za-z0-9_-]+$' });

export const OdcsV310AuthoritativeDefinitionSchema = Type.Object(
  {
    id: Type.Optional(OdcsStableIdSchema),
    /** Where the definition lives; any string (the standard does not check it is a URL). */
    url: Type.String(),
    /** E.g. `businessDefinition`, `transformationImplementation`, `videoTutorial`. */
    type: Type.String(),
    description: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type OdcsV310AuthoritativeDefinition = Static<typeof OdcsV310AuthoritativeDefinitionSchema>;

export const OdcsV310AuthoritativeDefinitionsSchema = Type.Array(OdcsV310AuthoritativeDefinitionSchema);

/** A key/value pair for what the standard has no field for. */
export const OdcsV310CustomPropertySchema = Type.Object(
  {
    id: Type.Optional(OdcsStableIdSchema),
    property: Type.String(),
    value: OdcsAnyValueSchema,
    description: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type OdcsV310CustomProperty = Static<typeof OdcsV310CustomPropertySchema>;

export const OdcsV310CustomPropertiesSchema = Type.Array(OdcsV310CustomPropertySchema);

/** The document's definitions of these lists, which the other parts refer to. */
export const OdcsV310MetadataDefs = {
  AuthoritativeDefinitions: OdcsV310AuthoritativeDefinitionsSchema,
  CustomProperties: OdcsV310CustomPropertiesSchema,
};

/** `authoritativeDefinitions` of any part of a contract (see OdcsV310MetadataDefs). */
export const odcsV310AuthoritativeDefinitionsRef = () =>
  refTo('AuthoritativeDefinitions', OdcsV310AuthoritativeDefinitionsSchema);
/** `customProperties` of any part of a contract (see OdcsV310MetadataDefs). */
export const odcsV310CustomPropertiesRef = () => refTo('CustomProperties', OdcsV310CustomPropertiesSchema);
