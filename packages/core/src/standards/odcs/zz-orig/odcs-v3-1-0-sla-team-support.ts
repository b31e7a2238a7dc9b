/** ODCS v3.1.0 people and promises: roles, SLA properties, support channels, price, team. */
import { Type, type Static } from '@sinclair/typebox';
import { oneOf } from './odcs-schema-helpers.js';
import {
  OdcsStableIdSchema,
  OdcsV310AuthoritativeDefinitionsSchema,
  OdcsV310CustomPropertiesSchema,
} from './odcs-v3-1-0-metadata.js';
import { OdcsScalarValueSchema, OdcsTagsSchema } from './odcs-v3-values.js';

const id = () => Type.Optional(OdcsStableIdSchema);
const optionalString = () => Type.Optional(Type.String());

/** An access role (e.g. an IAM role) and who approves requests for it. */
export const OdcsV310RoleSchema = Type.Object(
  {
    id: id(),
    role: Type.String(),
    description: optionalString(),
    access: optionalString(),
    firstLevelApprovers: optionalString(),
    secondLevelApprovers: optionalString(),
    customProperties: Type.Optional(OdcsV310CustomPropertiesSchema),
  },
  { additionalProperties: false },
);
export type OdcsV310Role = Static<typeof OdcsV310RoleSchema>;

/** One service-level promise, e.g. `{ property: latency, value: 4, unit: d }`. */
export const OdcsV310SlaPropertySchema = Type.Object(
  {
    id: id(),
    property: Type.String(),
    /** Required, but may be `null`. */
    value: OdcsScalarValueSchema,
    valueExt: Type.Optional(OdcsScalarValueSchema),
    unit: optionalString(),
    /** The element(s) the promise is about, in element path notation. */
    element: optionalString(),
    /** Why it matters: `regulatory`, `analytics`, `operational`… (free text). */
    driver: optionalString(),
    description: optionalString(),
    scheduler: optionalString(),
    schedule: optionalString(),
  },
  { additionalProperties: false },
);
export type OdcsV310SlaProperty = Static<typeof OdcsV310SlaPropertySchema>;

export const OdcsV310SupportChannelSchema = Type.Object(
  {
    id: id(),
    channel: Type.String(),
    url: optionalString(),
    description: optionalString(),
    /** `email`, `slack`, `teams`, `ticket`… (free text). */
    tool: optionalString(),
    /** `interactive`, `announcements`, `issues`, `notifications` (free text). */
    scope: optionalString(),
    invitationUrl: optionalString(),
    customProperties: Type.Optional(OdcsV310CustomPropertiesSchema),
  },
  { additionalProperties: false },
);
export type OdcsV310SupportChannel = Static<typeof OdcsV310SupportChannelSchema>;

export const OdcsV310SupportSchema = Type.Array(OdcsV310SupportChannelSchema);

export const OdcsV310PricingSchema = Type.Object(
  {
    id: id(),
    priceAmount: Type.Optional(Type.Number()),
    priceCurrency: optionalString(),
    priceUnit: optionalString(),
  },
  { additionalProperties: false },
);
export type OdcsV310Pricing = Static<typeof OdcsV310PricingSchema>;

export const OdcsV310TeamMemberSchema = Type.Object(
  {
    id: id(),
    username: Type.String(),
    name: optionalString(),
    description: optionalString(),
    role: optionalString(),
    dateIn: Type.Optional(Type.String({ format: 'date' })),
    dateOut: Type.Optional(Type.String({ format: 'date' })),
    replacedByUsername: optionalString(),
    tags: Type.Optional(OdcsTagsSchema),
    customProperties: Type.Optional(OdcsV310CustomPropertiesSchema),
    authoritativeDefinitions: Type.Optional(OdcsV310AuthoritativeDefinitionsSchema),
  },
  { additionalProperties: false },
);
export type OdcsV310TeamMember = Static<typeof OdcsV310TeamMemberSchema>;

export const OdcsV310TeamObjectSchema = Type.Object(
  {
    id: id(),
    name: optionalString(),
    description: optionalString(),
    members: Type.Optional(Type.Array(OdcsV310TeamMemberSchema)),
    tags: Type.Optional(OdcsTagsSchema),
    customProperties: Type.Optional(OdcsV310CustomPropertiesSchema),
    authoritativeDefinitions: Type.Optional(OdcsV310AuthoritativeDefinitionsSchema),
  },
  { additionalProperties: false },
);

export type OdcsV310TeamObject = Static<typeof OdcsV310TeamObjectSchema>;

/** A team object (new in v3.1.0) or, deprecated, the v3.0.x list of members. */
export const OdcsV310TeamSchema = oneOf([OdcsV310TeamObjectSchema, Type.Array(OdcsV310TeamMemberSchema)]);
export type OdcsV310Team = Static<typeof OdcsV310TeamSchema>;
