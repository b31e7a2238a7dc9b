/**
 * The schema of `mesh.yaml`: Meshwork's own file (the standards have no mesh-level document).
 * Unknown keys are errors so that typos are caught; everything has a documented default.
 * Reference: docs/reference/workspace.md.
 */
import { Type, type Static } from '@sinclair/typebox';

/** A string enum as one JSON Schema `enum`, so a wrong value is one clear error. */
function StringEnum<T extends readonly string[]>(values: T) {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values] });
}

const Identifier = Type.String({ pattern: '^[a-z][a-z0-9-]*$', maxLength: 63 });

export const TeamSchema = Type.Object(
  {
    id: Identifier,
    name: Type.Optional(Type.String()),
    description: Type.Optional(Type.String()),
    members: Type.Optional(Type.Array(Type.String())),
    channel: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

export const ROLES = ['consumer', 'producer', 'owner', 'governance', 'admin'] as const;

export const UserSchema = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z][a-z0-9._-]*$', maxLength: 63 }),
    name: Type.Optional(Type.String()),
    email: Type.Optional(Type.String()),
    teams: Type.Optional(Type.Array(Identifier)),
    groups: Type.Optional(Type.Array(Identifier)),
    roles: Type.Optional(Type.Array(StringEnum(ROLES))),
    /** Free attributes used by access policies and row filters (e.g. `region: EU`). */
    attributes: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean()]))),
  },
  { additionalProperties: false },
);

export const ServiceAccountSchema = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z][a-z0-9._-]*$', maxLength: 63 }),
    description: Type.Optional(Type.String()),
    team: Type.Optional(Identifier),
    roles: Type.Optional(Type.Array(StringEnum(ROLES))),
  },
  { additionalProperties: false },
);

export const ConnectionSchema = Type.Object(
  {
    kind: Type.Literal('postgres'),
    url: Type.String({ minLength: 1 }),
    description: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

export const MetadataStoreSettingsSchema = Type.Union([
  Type.Object({ kind: Type.Literal('sqlite'), path: Type.Optional(Type.String()) }, { additionalProperties: false }),
  Type.Object(
    { kind: Type.Literal('postgres'), url: Type.String({ minLength: 1 }), schema: Type.Optional(Type.String()) },
    { additionalProperties: false },
  ),
]);

export const MeshConfigSchema = Type.Object(
  {
    apiVersion: Type.Literal('meshwork/v1'),
    kind: Type.Literal('Mesh'),
    name: Type.String({ minLength: 1 }),
    description: Type.Optional(Type.String()),
    metadataStore: Type.Optional(MetadataStoreSettingsSchema),
    warehouse: Type.Optional(Type.Object({ path: Type.Optional(Type.String()) }, { additionalProperties: false })),
    governance: Type.Optional(
      Type.Object(
        { council: Type.Optional(Identifier), policies: Type.Optional(Type.String()) },
        { additionalProperties: false },
      ),
    ),
    teams: Type.Optional(Type.Array(TeamSchema)),
    users: Type.Optional(Type.Array(UserSchema)),
    serviceAccounts: Type.Optional(Type.Array(ServiceAccountSchema)),
    connections: Type.Optional(Type.Record(Type.String({ pattern: '^[a-z][a-z0-9_-]*$' }), ConnectionSchema)),
    limits: Type.Optional(
      Type.Object({ maxFileBytes: Type.Optional(Type.Integer({ minimum: 1024 })) }, { additionalProperties: false }),
    ),
  },
  { additionalProperties: false },
);

export type MeshConfig = Static<typeof MeshConfigSchema>;
export type TeamConfig = Static<typeof TeamSchema>;
export type UserConfig = Static<typeof UserSchema>;
export type ConnectionConfig = Static<typeof ConnectionSchema>;
export type Role = (typeof ROLES)[number];
