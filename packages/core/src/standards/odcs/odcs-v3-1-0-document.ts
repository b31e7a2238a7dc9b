/**
 * An ODCS v3.1.0 data contract document. Like the official v3.1.0 schema, it accepts the
 * older apiVersion values too; `validateOdcs` tries the v3.0.x schema first for those.
 */
import { Type, type Static } from '@sinclair/typebox';
import { ODCS_API_VERSIONS } from './odcs-api-versions.js';
import { refTo, stringEnum } from './odcs-schema-helpers.js';
import { odcsV310AuthoritativeDefinitionsRef, odcsV310CustomPropertiesRef } from './odcs-v3-1-0-metadata.js';
import { OdcsV310SchemaObjectDefs, OdcsV310SchemaObjectSchema } from './odcs-v3-1-0-schema-objects.js';
import { OdcsV310ServerSchema } from './odcs-v3-1-0-servers.js';
import {
  OdcsV310PricingSchema,
  odcsV310RolesRef,
  OdcsV310PeopleDefs,
  OdcsV310SlaPropertySchema,
  OdcsV310SupportSchema,
  OdcsV310TeamSchema,
} from './odcs-v3-1-0-sla-team-support.js';
import { OdcsTagsSchema } from './odcs-v3-values.js';

const optionalString = () => Type.Optional(Type.String());

export const OdcsV310Schema = Type.Object(
  {
    apiVersion: stringEnum(ODCS_API_VERSIONS),
    kind: stringEnum(['DataContract']),
    id: Type.String(),
    /** The contract's own version. */
    version: Type.String(),
    /** E.g. `proposed`, `draft`, `active`, `deprecated`, `retired` (free text). */
    status: Type.String(),
    name: optionalString(),
    tenant: optionalString(),
    domain: optionalString(),
    /** Deprecated since v3.1.0. */
    dataProduct: optionalString(),
    tags: Type.Optional(OdcsTagsSchema),
    description: Type.Optional(
      Type.Object({
        usage: optionalString(),
        purpose: optionalString(),
        limitations: optionalString(),
        authoritativeDefinitions: Type.Optional(odcsV310AuthoritativeDefinitionsRef()),
        customProperties: Type.Optional(odcsV310CustomPropertiesRef()),
      }),
    ),
    servers: Type.Optional(Type.Array(refTo('Server', OdcsV310ServerSchema))),
    schema: Type.Optional(Type.Array(refTo('SchemaObject', OdcsV310SchemaObjectSchema))),
    support: Type.Optional(OdcsV310SupportSchema),
    price: Type.Optional(OdcsV310PricingSchema),
    team: Type.Optional(OdcsV310TeamSchema),
    roles: Type.Optional(odcsV310RolesRef()),
    /** Deprecated since v3.1.0: use `element` on each SLA property. */
    slaDefaultElement: optionalString(),
    slaProperties: Type.Optional(Type.Array(OdcsV310SlaPropertySchema)),
    authoritativeDefinitions: Type.Optional(odcsV310AuthoritativeDefinitionsRef()),
    customProperties: Type.Optional(odcsV310CustomPropertiesRef()),
    contractCreatedTs: Type.Optional(Type.String({ format: 'date-time' })),
  },
  {
    additionalProperties: false,
    // What the parts refer to; each definition that refers to another compiles to a function of its own.
    $defs: { ...OdcsV310SchemaObjectDefs, ...OdcsV310PeopleDefs, Server: OdcsV310ServerSchema },
  },
);
export type OdcsV310Document = Static<typeof OdcsV310Schema>;
