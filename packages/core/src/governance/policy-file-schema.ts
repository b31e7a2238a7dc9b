/**
 * The files of publish-time governance, all Meshwork's own YAML:
 *   policies/governance/*.yaml                  global policies (kind GovernancePolicies)
 *   domains/<domain>/policies/governance/*.yaml  domain policies, confined to their domain
 *   policies/governance/waivers.yaml            waivers (kind GovernanceWaivers)
 *   policies/governance/tests/*.yaml            policy tests (kind GovernancePolicyTests)
 * Unknown fields are errors, reported with file and line when the files load.
 */
import { Type, type Static } from '@sinclair/typebox';
import { POLICY_TARGETS } from './policy-targets.js';

const Id = Type.String({ pattern: '^[a-z][a-z0-9]*([.-][a-z0-9]+)*$', maxLength: 120 });
const Expression = Type.String({ minLength: 1, maxLength: 4_000 });
const Names = Type.Array(Type.String({ minLength: 1 }), { minItems: 1 });

export const PolicyScopeSchema = Type.Object(
  {
    target: Type.Optional(Type.Union(POLICY_TARGETS.map((t) => Type.Literal(t)))),
    domains: Type.Optional(Names),
    /** Product ids, `*` matching within a segment: `sales.*`, `*.customer-*`. */
    products: Type.Optional(Names),
    archetypes: Type.Optional(Names),
    tags: Type.Optional(Names),
    status: Type.Optional(Names),
    /** Column targets only: the classifications the policy applies to. */
    classifications: Type.Optional(Names),
  },
  { additionalProperties: false },
);
export type PolicyScope = Static<typeof PolicyScopeSchema>;

export const PolicyEntrySchema = Type.Object(
  {
    id: Id,
    /** A built-in policy, e.g. `meshwork/pii-masked`; its fields are the defaults of this entry. */
    use: Type.Optional(Type.String({ pattern: '^meshwork/[a-z0-9-]+$' })),
    description: Type.Optional(Type.String({ minLength: 1 })),
    rationale: Type.Optional(Type.String({ minLength: 1 })),
    severity: Type.Optional(Type.Union([Type.Literal('blocking'), Type.Literal('warning')])),
    scope: Type.Optional(PolicyScopeSchema),
    /** Narrows the targets further: the policy applies where this is true. */
    where: Type.Optional(Expression),
    /** The rule: a target passes when this is true. */
    check: Type.Optional(Expression),
    /** Why a target failed, as a CEL string expression over the same variables. */
    message: Type.Optional(Expression),
    /** JSON pointer of the field at fault, relative to the target's node in its file. */
    field: Type.Optional(Type.String()),
    fix: Type.Optional(Type.String({ minLength: 1 })),
    params: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    /** false keeps the policy in the file without enforcing it (simulate it meanwhile). */
    enabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type PolicyEntry = Static<typeof PolicyEntrySchema>;

export const PolicyFileSchema = Type.Object(
  {
    apiVersion: Type.Literal('meshwork/v1'),
    kind: Type.Literal('GovernancePolicies'),
    policies: Type.Array(PolicyEntrySchema),
  },
  { additionalProperties: false },
);
export type PolicyFile = Static<typeof PolicyFileSchema>;

export const WaiverSchema = Type.Object(
  {
    policy: Id,
    product: Type.String({ minLength: 1 }),
    /** Narrow the waiver to one port, or one column (`table.column` or `column`). */
    port: Type.Optional(Type.String({ minLength: 1 })),
    column: Type.Optional(Type.String({ minLength: 1 })),
    /** The user or team answerable for the waiver. */
    owner: Type.String({ minLength: 1 }),
    reason: Type.String({ minLength: 1 }),
    /** Last day the waiver applies (UTC), e.g. 2027-03-31. */
    expires: Type.String({ minLength: 1 }),
    granted: Type.Optional(Type.String()),
    grantedBy: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type Waiver = Static<typeof WaiverSchema>;

export const WaiverFileSchema = Type.Object(
  {
    apiVersion: Type.Literal('meshwork/v1'),
    kind: Type.Literal('GovernanceWaivers'),
    waivers: Type.Array(WaiverSchema),
  },
  { additionalProperties: false },
);

const Partial = Type.Record(Type.String(), Type.Unknown());

export const PolicyTestSchema = Type.Object(
  {
    name: Type.String({ minLength: 1 }),
    policy: Id,
    /** Facts of the target, merged over blank facts (see docs/reference/governance-policies.md). */
    product: Type.Optional(Partial),
    port: Type.Optional(Partial),
    column: Type.Optional(Partial),
    expect: Type.Union([Type.Literal('pass'), Type.Literal('fail'), Type.Literal('skip')]),
  },
  { additionalProperties: false },
);
export type PolicyTest = Static<typeof PolicyTestSchema>;

export const PolicyTestFileSchema = Type.Object(
  {
    apiVersion: Type.Literal('meshwork/v1'),
    kind: Type.Literal('GovernancePolicyTests'),
    tests: Type.Array(PolicyTestSchema),
  },
  { additionalProperties: false },
);
