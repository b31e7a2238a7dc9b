/** An ODCS v3.0.x data contract document (apiVersion v3.0.0 to v3.0.2, and v2.2.x). */
import { Type, type Static } from '@sinclair/typebox';
import { ODCS_V30X_API_VERSIONS } from './odcs-api-versions.js';
import { refTo, stringEnum } from './odcs-schema-helpers.js';
import { odcsV30xAuthoritativeDefinitionsRef, odcsV30xCustomPropertiesRef } from './odcs-v3-0-x-metadata.js';
import { OdcsV30xSchemaObjectDefs, OdcsV30xSchemaObjectSchema } from './odcs-v3-0-x-schema-objects.js';
import { OdcsV30xServerSchema } from './odcs-v3-0-x-servers.js';
import {
  OdcsV30xPricingSchema,
  odcsV30xRolesRef,
  OdcsV30xPeopleDefs,
  OdcsV30xSlaPropertySchema,
  OdcsV30xSupportSchema,
  OdcsV30xTeamSchema,
} from './odcs-v3-0-x-sla-team-support.js';
import { OdcsTagsSchema } from './odcs-v3-values.js';

const optionalString = () => Type.Optional(Type.String());

export const OdcsV30xSchema = Type.Object(
  {
    apiVersion: stringEnum(ODCS_V30X_API_VERSIONS),
    kind: stringEnum(['DataContract']),
    id: Type.String(),
    version: Type.String(),
    status: Type.String(),
    name: optionalString(),
    tenant: optionalString(),
    domain: optionalString(),
    dataProduct: optionalString(),
    tags: Type.Optional(OdcsTagsSchema),
    description: Type.Optional(
      Type.Object({
        usage: optionalString(),
        purpose: optionalString(),
        limitations: optionalString(),
        authoritativeDefinitions: Type.Optional(odcsV30xAuthoritativeDefinitionsRef()),
        customProperties: Type.Optional(odcsV30xCustomPropertiesRef()),
      }),
    ),
    servers: Type.Optional(Type.Array(refTo('Server', OdcsV30xServerSchema))),
    schema: Type.Optional(Type.Array(refTo('SchemaObject', OdcsV30xSchemaObjectSchema))),
    support: Type.Optional(OdcsV30xSupportSchema),
    price: Type.Optional(OdcsV30xPricingSchema),
    team: Type.Optional(OdcsV30xTeamSchema),
    roles: Type.Optional(odcsV30xRolesRef()),
    slaDefaultElement: optionalString(),
    slaProperties: Type.Optional(Type.Array(OdcsV30xSlaPropertySchema)),
    authoritativeDefinitions: Type.Optional(odcsV30xAuthoritativeDefinitionsRef()),
    customProperties: Type.Optional(odcsV30xCustomPropertiesRef()),
    contractCreatedTs: Type.Optional(Type.String({ format: 'date-time' })),
  },
  {
    additionalProperties: false,
    // What the parts refer to; each definition that refers to another compiles to a function of its own.
    $defs: { ...OdcsV30xSchemaObjectDefs, ...OdcsV30xPeopleDefs, Server: OdcsV30xServerSchema },
  },
);
export type OdcsV30xDocument = Static<typeof OdcsV30xSchema>;
