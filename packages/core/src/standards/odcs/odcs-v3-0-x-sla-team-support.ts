/** ODCS v3.0.x roles, SLA properties, support channels, price and team; all open objects. */
import { Type, type Static } from '@sinclair/typebox';
import { refTo } from './odcs-schema-helpers.js';
import { odcsV30xCustomPropertiesRef } from './odcs-v3-0-x-metadata.js';
import { OdcsScalarValueSchema } from './odcs-v3-values.js';

const optionalString = () => Type.Optional(Type.String());

export const OdcsV30xRoleSchema = Type.Object({
  role: Type.String(),
  description: optionalString(),
  access: optionalString(),
  firstLevelApprovers: optionalString(),
  secondLevelApprovers: optionalString(),
  customProperties: Type.Optional(odcsV30xCustomPropertiesRef()),
});
export type OdcsV30xRole = Static<typeof OdcsV30xRoleSchema>;

/** The roles of a server or of the contract (see OdcsV30xPeopleDefs). */
export const odcsV30xRolesRef = () => Type.Array(refTo('Role', OdcsV30xRoleSchema));

export const OdcsV30xSlaPropertySchema = Type.Object({
  property: Type.String(),
  /** Required, but may be `null`. */
  value: OdcsScalarValueSchema,
  valueExt: Type.Optional(OdcsScalarValueSchema),
  unit: optionalString(),
  element: optionalString(),
  driver: optionalString(),
});
export type OdcsV30xSlaProperty = Static<typeof OdcsV30xSlaPropertySchema>;

/** In v3.0.x a support channel needs a `url` (v3.1.0 made it optional). */
export const OdcsV30xSupportChannelSchema = Type.Object({
  channel: Type.String(),
  url: Type.String(),
  description: optionalString(),
  tool: optionalString(),
  scope: optionalString(),
  invitationUrl: optionalString(),
});
export type OdcsV30xSupportChannel = Static<typeof OdcsV30xSupportChannelSchema>;

export const OdcsV30xSupportSchema = Type.Array(OdcsV30xSupportChannelSchema);

export const OdcsV30xPricingSchema = Type.Object({
  priceAmount: Type.Optional(Type.Number()),
  priceCurrency: optionalString(),
  priceUnit: optionalString(),
});
export type OdcsV30xPricing = Static<typeof OdcsV30xPricingSchema>;

/** A team member; in v3.0.x even `username` is optional. */
export const OdcsV30xTeamMemberSchema = Type.Object({
  username: optionalString(),
  name: optionalString(),
  description: optionalString(),
  role: optionalString(),
  dateIn: Type.Optional(Type.String({ format: 'date' })),
  dateOut: Type.Optional(Type.String({ format: 'date' })),
  replacedByUsername: optionalString(),
});
export type OdcsV30xTeamMember = Static<typeof OdcsV30xTeamMemberSchema>;

/** In v3.0.x the team is the list of its members. */
export const OdcsV30xTeamSchema = Type.Array(OdcsV30xTeamMemberSchema);
export type OdcsV30xTeam = Static<typeof OdcsV30xTeamSchema>;

/** The document's definition of roles, which several parts refer to. */
export const OdcsV30xPeopleDefs = { Role: OdcsV30xRoleSchema };
