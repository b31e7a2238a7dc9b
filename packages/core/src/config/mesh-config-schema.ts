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

/**
 * `identity`: API token lifetimes and an optional OIDC issuer whose JWTs are accepted as bearer
 * credentials. Exactly one of `jwksFile` (relative to the workspace) and `jwksUrl` is required;
 * the server checks that when it starts (MW5211), with a message that names the fix.
 */
export const IdentitySettingsSchema = Type.Object(
  {
    tokens: Type.Optional(
      Type.Object(
        {
          /** Lifetime of a token created without `--expires` (default 90). */
          defaultTtlDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
          /** The longest lifetime a token may be given (default 365, never more). */
          maxTtlDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
        },
        { additionalProperties: false },
      ),
    ),
    oidc: Type.Optional(
      Type.Object(
        {
          issuer: Type.String({ minLength: 1 }),
          audience: Type.String({ minLength: 1 }),
          jwksFile: Type.Optional(Type.String({ minLength: 1 })),
          jwksUrl: Type.Optional(Type.String({ minLength: 1 })),
          /** The claim that names the user (default `sub`). */
          subjectClaim: Type.Optional(Type.String({ minLength: 1 })),
          /** A claim holding the user's groups (an array of strings). */
          groupsClaim: Type.Optional(Type.String({ minLength: 1 })),
          /** Claims copied into the attributes of subjects that mesh.yaml does not declare. */
          attributeClaims: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

/**
 * `webhooks`: subscribers told about platform events (`access.requested`, `access.*`, `*`…) by a
 * signed POST. The secret is normally `${WEBHOOK_SECRET}`; the server refuses a secret shorter
 * than 16 characters, duplicate ids and URLs with credentials (MW8750).
 */
export const WebhookSubscriptionSchema = Type.Object(
  {
    id: Identifier,
    url: Type.String({ pattern: '^https?://', description: 'http(s) URL that receives the POSTs' }),
    events: Type.Array(Type.String({ minLength: 1 }), { minItems: 1 }),
    secret: Type.String({ minLength: 1, description: 'HMAC-SHA256 signing secret, e.g. ${WEBHOOK_SECRET}' }),
    description: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

/**
 * `openlineage`: where run events are sent (the OpenLineage HTTP transport: `POST <url><endpoint>`).
 * The key is normally `${OPENLINEAGE_API_KEY}`; a URL with a user or password, or a key that
 * resolved to nothing, is refused when the platform starts (MW8850). Reference:
 * docs/reference/openlineage.md.
 */
export const OpenLineageSettingsSchema = Type.Object(
  {
    url: Type.String({ pattern: '^https?://', description: 'base URL of the receiver, e.g. http://marquez:5000' }),
    endpoint: Type.Optional(
      Type.String({ pattern: '^/', description: 'path of its lineage API (default /api/v1/lineage)' }),
    ),
    apiKey: Type.Optional(
      Type.String({ description: 'sent as `Authorization: Bearer <apiKey>`, e.g. ${OPENLINEAGE_API_KEY}' }),
    ),
    namespace: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$', maxLength: 253 })),
    timeoutMs: Type.Optional(Type.Integer({ minimum: 100, maximum: 300_000 })),
    disabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

/**
 * `iceberg`: the Iceberg REST catalog under `/iceberg`. Products are read-only Iceberg tables;
 * `engines` names the service accounts of query engines (Trino, Spark) that enforce Meshwork's
 * exported access rules themselves and may therefore load tables whose ports have masks or row
 * filters (everyone else is never handed such a table raw). `catalogName` is the warehouse name
 * the catalog answers to (default `meshwork`). Reference: docs/operations/scaling.md.
 */
export const IcebergSettingsSchema = Type.Object(
  {
    catalogName: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9_-]*$', maxLength: 63 })),
    engines: Type.Optional(Type.Array(Identifier, { uniqueItems: true })),
    disabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

/** The governed SQL gateway: limits of every query, and TLS for the PostgreSQL wire protocol. */
export const GatewaySettingsSchema = Type.Object(
  {
    timeoutMs: Type.Optional(Type.Integer({ minimum: 100 })),
    maxRows: Type.Optional(Type.Integer({ minimum: 1 })),
    maxBytes: Type.Optional(Type.Integer({ minimum: 1024 })),
    maxConcurrentPerPrincipal: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
    /** DuckDB memory limit of the gateway, e.g. `4GB`. */
    memoryLimit: Type.Optional(Type.String({ pattern: '^[0-9]+(\\.[0-9]+)?\\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$' })),
    threads: Type.Optional(Type.Integer({ minimum: 1, maximum: 256 })),
    /** PEM files (relative to the workspace) to serve the wire protocol over TLS. */
    tls: Type.Optional(
      Type.Object(
        { cert: Type.String({ minLength: 1 }), key: Type.String({ minLength: 1 }) },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

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
    identity: Type.Optional(IdentitySettingsSchema),
    webhooks: Type.Optional(Type.Array(WebhookSubscriptionSchema)),
    openlineage: Type.Optional(OpenLineageSettingsSchema),
    gateway: Type.Optional(GatewaySettingsSchema),
    iceberg: Type.Optional(IcebergSettingsSchema),
    /** Deprecation of port versions: the minimum days between announcing it and the `endOfLife` (default 30). */
    lifecycle: Type.Optional(
      Type.Object(
        { deprecationNoticeDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 3650 })) },
        { additionalProperties: false },
      ),
    ),
    connections: Type.Optional(Type.Record(Type.String({ pattern: '^[a-z][a-z0-9_-]*$' }), ConnectionSchema)),
    limits: Type.Optional(
      Type.Object({ maxFileBytes: Type.Optional(Type.Integer({ minimum: 1024 })) }, { additionalProperties: false }),
    ),
  },
  { additionalProperties: false },
);

export type MeshConfig = Static<typeof MeshConfigSchema>;
export type GatewaySettings = Static<typeof GatewaySettingsSchema>;
export type TeamConfig = Static<typeof TeamSchema>;
export type UserConfig = Static<typeof UserSchema>;
export type ConnectionConfig = Static<typeof ConnectionSchema>;
export type Role = (typeof ROLES)[number];
export type IdentitySettings = Static<typeof IdentitySettingsSchema>;
export type WebhookSubscriptionConfig = Static<typeof WebhookSubscriptionSchema>;
export type OpenLineageSettingsConfig = Static<typeof OpenLineageSettingsSchema>;
export type IcebergSettingsConfig = Static<typeof IcebergSettingsSchema>;
