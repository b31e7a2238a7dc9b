/** The format of `policies/access/tests/*.yaml`: cases of who does what on which resource, and the outcome. */
import { ROLES } from '@meshwork/core';
import { Type, type Static } from '@sinclair/typebox';
import { TOKEN_SCOPES } from '../identity/principal.js';
import { ACCESS_ACTIONS, MASK_STRATEGIES } from './access-types.js';
import { stringEnum } from './string-enum.js';

/** A user or service account of mesh.yaml by id, or a principal written out (e.g. an OIDC subject). */
const PrincipalSpec = Type.Union([
  Type.String({ minLength: 1 }),
  Type.Object(
    {
      id: Type.String({ minLength: 1 }),
      kind: Type.Optional(stringEnum(['user', 'service'] as const)),
      teams: Type.Optional(Type.Array(Type.String())),
      groups: Type.Optional(Type.Array(Type.String())),
      roles: Type.Optional(Type.Array(stringEnum(ROLES))),
      attributes: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean()]))),
    },
    { additionalProperties: false },
  ),
]);

export const PolicyTestCaseSchema = Type.Object(
  {
    name: Type.String({ minLength: 1 }),
    principal: PrincipalSpec,
    /** The scopes of the token the principal uses; all scopes when absent. */
    scopes: Type.Optional(Type.Array(stringEnum(TOKEN_SCOPES))),
    action: Type.Optional(stringEnum(ACCESS_ACTIONS)),
    resource: Type.String({ minLength: 1 }),
    context: Type.Optional(
      Type.Object(
        {
          purpose: Type.Optional(Type.String()),
          /** An agreement in force: `true` (for the stated purpose) or the agreement's purpose. */
          agreement: Type.Optional(Type.Union([Type.Boolean(), Type.String({ minLength: 1 })])),
        },
        { additionalProperties: false },
      ),
    ),
    expect: Type.Optional(stringEnum(['allow', 'deny'] as const)),
    /** For a column: the mask it gets when the principal reads its port, or `clear`. */
    expectMask: Type.Optional(stringEnum([...MASK_STRATEGIES, 'clear'] as const)),
    /** For a port (or a column's port): the row filters' SQL joined with AND, or null for none. */
    expectRowFilter: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  },
  { additionalProperties: false },
);

export const PolicyTestFileSchema = Type.Object(
  {
    apiVersion: Type.Literal('meshwork/v1'),
    kind: Type.Literal('AccessPolicyTests'),
    description: Type.Optional(Type.String()),
    cases: Type.Array(PolicyTestCaseSchema),
  },
  { additionalProperties: false },
);

export type PolicyTestCase = Static<typeof PolicyTestCaseSchema>;
