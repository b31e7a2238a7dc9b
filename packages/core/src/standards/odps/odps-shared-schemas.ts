/**
 * The parts of ODPS that v0.9.0 and v1.0.0 share. Most objects differ between the versions
 * only through the authoritative definition they embed (its `type` is an enum in v0.9.0 and
 * free text in v1.0.0), so those are factories taking that schema; the rest are constants.
 * Descriptions are Meshwork's own wording.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { closedObject, stringEnum } from './odps-schema-helpers.js';

export const OdpsTagsSchema = Type.Array(Type.String(), {
  description: 'Free-form labels used to categorise the element.',
});

export const OdpsCustomPropertySchema = closedObject(
  {
    property: Type.String({ description: 'Key of the property, camelCase by convention.' }),
    // Any JSON value is allowed, including null.
    value: Type.Unknown({ description: 'Value of the property.' }),
    description: Type.Optional(Type.String()),
  },
  'A key/value pair for anything the standard has no field for.',
);

export const OdpsSbomSchema = closedObject(
  {
    type: Type.Optional(Type.String({ default: 'external', description: 'Kind of SBOM.' })),
    url: Type.String({ format: 'uri', description: 'Where the software bill of materials lives.' }),
  },
  'A software bill of materials of an output port version.',
);

export const OdpsInputContractSchema = closedObject(
  {
    id: Type.String({ description: 'Identifier of the contract depended on.' }),
    version: Type.String({ description: 'Version of that contract.' }),
  },
  'A data contract an output port depends on.',
);

/** `tags`, `customProperties` and `authoritativeDefinitions`, which most objects carry. */
export function odpsExtensionProperties<A extends TSchema>(authoritativeDefinition: A) {
  return {
    tags: Type.Optional(OdpsTagsSchema),
    customProperties: Type.Optional(Type.Array(OdpsCustomPropertySchema)),
    authoritativeDefinitions: Type.Optional(Type.Array(authoritativeDefinition)),
  };
}

export function odpsAuthoritativeDefinitionProperties<T extends TSchema>(type: T) {
  return {
    type,
    url: Type.String({ format: 'uri', description: 'Link to the authoritative source.' }),
    description: Type.Optional(Type.String()),
  };
}

export function odpsDescriptionSchema<A extends TSchema>(authoritativeDefinition: A) {
  return closedObject(
    {
      purpose: Type.Optional(Type.String({ description: 'What the data is provided for.' })),
      limitations: Type.Optional(Type.String({ description: 'Technical, compliance and legal limits of use.' })),
      usage: Type.Optional(Type.String({ description: 'How the data is meant to be used.' })),
      authoritativeDefinitions: Type.Optional(Type.Array(authoritativeDefinition)),
      customProperties: Type.Optional(Type.Array(OdpsCustomPropertySchema)),
    },
    'Human descriptions of the data product.',
  );
}

export function odpsManagementPortSchema<A extends TSchema>(authoritativeDefinition: A) {
  return closedObject(
    {
      name: Type.String({ description: 'Unique name of the endpoint.' }),
      content: Type.String({ description: 'What the port serves, e.g. discoverability, observability, control.' }),
      type: Type.Optional(Type.String({ default: 'rest', description: 'Transport, e.g. rest or topic.' })),
      url: Type.Optional(Type.String({ format: 'uri' })),
      channel: Type.Optional(Type.String()),
      description: Type.Optional(Type.String()),
      ...odpsExtensionProperties(authoritativeDefinition),
    },
    'An endpoint for managing the data product.',
  );
}

export function odpsSupportSchema<A extends TSchema>(authoritativeDefinition: A) {
  return closedObject(
    {
      channel: Type.String({ description: 'Name of the channel.' }),
      url: Type.String({ format: 'uri', description: 'How to reach it (https, mailto…).' }),
      description: Type.Optional(Type.String()),
      tool: Type.Optional(Type.String({ description: 'e.g. email, slack, teams, discord, ticket, other.' })),
      scope: Type.Optional(Type.String({ description: 'e.g. interactive, announcements, issues.' })),
      invitationUrl: Type.Optional(Type.String({ format: 'uri' })),
      ...odpsExtensionProperties(authoritativeDefinition),
    },
    'A support or communication channel.',
  );
}

/** Team member fields; whether `username` is required differs by version, so callers decide. */
export function odpsTeamMemberProperties<A extends TSchema>(authoritativeDefinition: A) {
  return {
    username: Type.String({ description: 'Username or email of the member.' }),
    name: Type.Optional(Type.String()),
    description: Type.Optional(Type.String()),
    role: Type.Optional(Type.String({ description: 'Job role, e.g. owner or data steward.' })),
    dateIn: Type.Optional(Type.String({ format: 'date', description: 'When the member joined.' })),
    dateOut: Type.Optional(Type.String({ format: 'date', description: 'When the member left.' })),
    replacedByUsername: Type.Optional(Type.String()),
    ...odpsExtensionProperties(authoritativeDefinition),
  };
}

export function odpsOutputPortProperties() {
  return {
    name: Type.String(),
    description: Type.Optional(Type.String()),
    type: Type.Optional(Type.String({ description: 'Kind of output port, e.g. tables.' })),
    version: Type.String({ description: 'Name and version together identify the port.' }),
    contractId: Type.Optional(Type.String({ description: 'The data contract the port promises.' })),
    sbom: Type.Optional(Type.Array(OdpsSbomSchema)),
    inputContracts: Type.Optional(Type.Array(OdpsInputContractSchema)),
  };
}

export function odpsInputPortProperties() {
  return {
    name: Type.String(),
    version: Type.String(),
    contractId: Type.String({ description: 'The data contract the port expects.' }),
  };
}

/** Document fields other than `apiVersion`, `team` and the ports, which differ by version. */
export function odpsDocumentProperties<A extends TSchema>(authoritativeDefinition: A) {
  return {
    kind: stringEnum(['DataProduct'], { default: 'DataProduct' }),
    id: Type.String({ description: 'Unique identifier of the data product, such as a UUID.' }),
    name: Type.Optional(Type.String()),
    version: Type.Optional(Type.String({ description: 'Version of the data product (recommended).' })),
    status: Type.String({ description: 'e.g. proposed, draft, active, deprecated, retired.' }),
    domain: Type.Optional(Type.String({ description: 'Business domain.' })),
    tenant: Type.Optional(Type.String({ description: 'Organisation identifier.' })),
    authoritativeDefinitions: Type.Optional(Type.Array(authoritativeDefinition)),
    description: Type.Optional(odpsDescriptionSchema(authoritativeDefinition)),
    customProperties: Type.Optional(Type.Array(OdpsCustomPropertySchema)),
    tags: Type.Optional(OdpsTagsSchema),
    managementPorts: Type.Optional(Type.Array(odpsManagementPortSchema(authoritativeDefinition))),
    support: Type.Optional(Type.Array(odpsSupportSchema(authoritativeDefinition))),
    productCreatedTs: Type.Optional(Type.String({ format: 'date-time', description: 'Creation time, in UTC.' })),
  };
}

export type OdpsTags = Static<typeof OdpsTagsSchema>;
export type OdpsCustomProperty = Static<typeof OdpsCustomPropertySchema>;
export type OdpsSbom = Static<typeof OdpsSbomSchema>;
export type OdpsInputContract = Static<typeof OdpsInputContractSchema>;
