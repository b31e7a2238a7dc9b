/**
 * ODCS v3.0.x authoritative definitions and custom properties. Unlike v3.1.0, these objects
 * are open (unknown keys pass) and a custom property needs neither key nor value.
 */
import { Type, type Static } from '@sinclair/typebox';
import { refTo } from './odcs-schema-helpers.js';
import { OdcsAnyValueSchema } from './odcs-v3-values.js';

export const OdcsV30xAuthoritativeDefinitionSchema = Type.Object({
  url: Type.String(),
  /** E.g. `businessDefinition`, `transformationImplementation`, `videoTutorial`. */
  type: Type.String(),
});
export type OdcsV30xAuthoritativeDefinition = Static<typeof OdcsV30xAuthoritativeDefinitionSchema>;

export const OdcsV30xAuthoritativeDefinitionsSchema = Type.Array(OdcsV30xAuthoritativeDefinitionSchema);

export const OdcsV30xCustomPropertySchema = Type.Object({
  property: Type.Optional(Type.String()),
  value: Type.Optional(OdcsAnyValueSchema),
});
export type OdcsV30xCustomProperty = Static<typeof OdcsV30xCustomPropertySchema>;

export const OdcsV30xCustomPropertiesSchema = Type.Array(OdcsV30xCustomPropertySchema);

/** The document's definitions of these lists, which the other parts refer to. */
export const OdcsV30xMetadataDefs = {
  AuthoritativeDefinitions: OdcsV30xAuthoritativeDefinitionsSchema,
  CustomProperties: OdcsV30xCustomPropertiesSchema,
};

/** `authoritativeDefinitions` of any part of a contract (see OdcsV30xMetadataDefs). */
export const odcsV30xAuthoritativeDefinitionsRef = () =>
  refTo('AuthoritativeDefinitions', OdcsV30xAuthoritativeDefinitionsSchema);
/** `customProperties` of any part of a contract (see OdcsV30xMetadataDefs). */
export const odcsV30xCustomPropertiesRef = () => refTo('CustomProperties', OdcsV30xCustomPropertiesSchema);
