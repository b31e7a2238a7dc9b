/** The schema of `domains/<domain>/domain.yaml` (Meshwork's own file). */
import { Type, type Static } from '@sinclair/typebox';

export const DomainFileSchema = Type.Object(
  {
    apiVersion: Type.Literal('meshwork/v1'),
    kind: Type.Literal('Domain'),
    name: Type.String({ pattern: '^[a-z][a-z0-9-]*$' }),
    title: Type.Optional(Type.String()),
    description: Type.Optional(Type.String()),
    /** Team id from mesh.yaml that owns the domain. */
    owner: Type.Optional(Type.String()),
    /** Parent domain, for sub-domains. */
    parent: Type.Optional(Type.String()),
    tags: Type.Optional(Type.Array(Type.String())),
  },
  { additionalProperties: false },
);

export type DomainFile = Static<typeof DomainFileSchema>;
