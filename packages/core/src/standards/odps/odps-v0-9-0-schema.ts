/**
 * Open Data Product Standard v0.9.0, as Meshwork's own TypeBox definitions, accepting exactly
 * what the official v0.9.0 JSON Schema accepts. It differs from v1.0.0 in four places:
 * authoritative definition types are a closed list, input and output ports carry no
 * tags/customProperties/authoritativeDefinitions, a team member's username is optional, and
 * `team` is a bare list of members instead of a team object.
 */
import { Type, type Static } from '@sinclair/typebox';
import { closedObject, stringEnum } from './odps-schema-helpers.js';
import {
  odpsAuthoritativeDefinitionProperties,
  odpsDescriptionSchema,
  odpsDocumentProperties,
  odpsInputPortProperties,
  odpsManagementPortSchema,
  odpsOutputPortProperties,
  odpsSupportSchema,
  odpsTeamMemberProperties,
} from './odps-shared-schemas.js';

export const ODPS_V090_AUTHORITATIVE_DEFINITION_TYPES = [
  'businessDefinition',
  'transformationImplementation',
  'videoTutorial',
  'tutorial',
  'implementation',
] as const;

export const OdpsV090AuthoritativeDefinitionSchema = closedObject(
  odpsAuthoritativeDefinitionProperties(stringEnum(ODPS_V090_AUTHORITATIVE_DEFINITION_TYPES)),
  'A link to a source that defines or explains the element.',
);
const authoritativeDefinition = OdpsV090AuthoritativeDefinitionSchema;

export const OdpsV090DescriptionSchema = odpsDescriptionSchema(authoritativeDefinition);

export const OdpsV090InputPortSchema = closedObject(
  odpsInputPortProperties(),
  'Data the product consumes, described by the contract it expects.',
);

export const OdpsV090OutputPortSchema = closedObject(
  odpsOutputPortProperties(),
  'Data the product serves, described by the contract it promises.',
);

export const OdpsV090ManagementPortSchema = odpsManagementPortSchema(authoritativeDefinition);

export const OdpsV090SupportSchema = odpsSupportSchema(authoritativeDefinition);

export const OdpsV090TeamMemberSchema = closedObject(
  { ...odpsTeamMemberProperties(authoritativeDefinition), username: Type.Optional(Type.String()) },
  'A person on the team owning the data product.',
);

export const OdpsV090Schema = closedObject(
  {
    apiVersion: stringEnum(['v0.9.0'], {
      default: 'v0.9.0',
      description: 'Version of the standard the document follows.',
    }),
    ...odpsDocumentProperties(authoritativeDefinition),
    inputPorts: Type.Optional(Type.Array(OdpsV090InputPortSchema)),
    outputPorts: Type.Optional(Type.Array(OdpsV090OutputPortSchema)),
    team: Type.Optional(Type.Array(OdpsV090TeamMemberSchema, { description: 'Members of the owning team.' })),
  },
  'An Open Data Product Standard v0.9.0 data product.',
);

export type OdpsV090AuthoritativeDefinition = Static<typeof OdpsV090AuthoritativeDefinitionSchema>;
export type OdpsV090Description = Static<typeof OdpsV090DescriptionSchema>;
export type OdpsV090InputPort = Static<typeof OdpsV090InputPortSchema>;
export type OdpsV090OutputPort = Static<typeof OdpsV090OutputPortSchema>;
export type OdpsV090ManagementPort = Static<typeof OdpsV090ManagementPortSchema>;
export type OdpsV090Support = Static<typeof OdpsV090SupportSchema>;
export type OdpsV090TeamMember = Static<typeof OdpsV090TeamMemberSchema>;
export type OdpsV090Document = Static<typeof OdpsV090Schema>;
