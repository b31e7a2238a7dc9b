/**
 * Open Data Product Standard v1.0.0, as Meshwork's own TypeBox definitions. They accept
 * exactly what the official v1.0.0 JSON Schema accepts (a test proves it against the official
 * file), and their static types are the model's ODPS v1.0.0 types.
 *
 * Note that the official v1.0.0 schema also admits `apiVersion: v0.9.0`: documents labelled
 * v0.9.0 that use v1.0.0 structure are valid under it, and so they are here.
 */
import { Type, type Static } from '@sinclair/typebox';
import { closedObject, stringEnum } from './odps-schema-helpers.js';
import {
  odpsAuthoritativeDefinitionProperties,
  odpsDescriptionSchema,
  odpsDocumentProperties,
  odpsExtensionProperties,
  odpsInputPortProperties,
  odpsManagementPortSchema,
  odpsOutputPortProperties,
  odpsSupportSchema,
  odpsTeamMemberProperties,
} from './odps-shared-schemas.js';

export const OdpsV100AuthoritativeDefinitionSchema = closedObject(
  odpsAuthoritativeDefinitionProperties(
    Type.String({
      description: 'Kind of source, e.g. businessDefinition, transformationImplementation, videoTutorial, tutorial.',
    }),
  ),
  'A link to a source that defines or explains the element.',
);
const authoritativeDefinition = OdpsV100AuthoritativeDefinitionSchema;

export const OdpsV100DescriptionSchema = odpsDescriptionSchema(authoritativeDefinition);

export const OdpsV100InputPortSchema = closedObject(
  { ...odpsInputPortProperties(), ...odpsExtensionProperties(authoritativeDefinition) },
  'Data the product consumes, described by the contract it expects.',
);

export const OdpsV100OutputPortSchema = closedObject(
  { ...odpsOutputPortProperties(), ...odpsExtensionProperties(authoritativeDefinition) },
  'Data the product serves, described by the contract it promises.',
);

export const OdpsV100ManagementPortSchema = odpsManagementPortSchema(authoritativeDefinition);

export const OdpsV100SupportSchema = odpsSupportSchema(authoritativeDefinition);

export const OdpsV100TeamMemberSchema = closedObject(
  odpsTeamMemberProperties(authoritativeDefinition),
  'A person on the team owning the data product.',
);

export const OdpsV100TeamSchema = closedObject(
  {
    name: Type.Optional(Type.String()),
    description: Type.Optional(Type.String()),
    members: Type.Optional(Type.Array(OdpsV100TeamMemberSchema)),
    ...odpsExtensionProperties(authoritativeDefinition),
  },
  'The team owning the data product.',
);

export const ODPS_V100_API_VERSIONS = ['v0.9.0', 'v1.0.0'] as const;

export const OdpsV100Schema = closedObject(
  {
    apiVersion: stringEnum(ODPS_V100_API_VERSIONS, {
      default: 'v1.0.0',
      description: 'Version of the standard the document follows.',
    }),
    ...odpsDocumentProperties(authoritativeDefinition),
    inputPorts: Type.Optional(Type.Array(OdpsV100InputPortSchema)),
    outputPorts: Type.Optional(Type.Array(OdpsV100OutputPortSchema)),
    team: Type.Optional(OdpsV100TeamSchema),
  },
  'An Open Data Product Standard v1.0.0 data product.',
);

export type OdpsV100AuthoritativeDefinition = Static<typeof OdpsV100AuthoritativeDefinitionSchema>;
export type OdpsV100Description = Static<typeof OdpsV100DescriptionSchema>;
export type OdpsV100InputPort = Static<typeof OdpsV100InputPortSchema>;
export type OdpsV100OutputPort = Static<typeof OdpsV100OutputPortSchema>;
export type OdpsV100ManagementPort = Static<typeof OdpsV100ManagementPortSchema>;
export type OdpsV100Support = Static<typeof OdpsV100SupportSchema>;
export type OdpsV100TeamMember = Static<typeof OdpsV100TeamMemberSchema>;
export type OdpsV100Team = Static<typeof OdpsV100TeamSchema>;
export type OdpsV100Document = Static<typeof OdpsV100Schema>;
