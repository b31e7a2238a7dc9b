/**
 * The structure of Trino's file-based system access control rules (`rules.json`), written from
 * Trino's documentation of that file: each section a list of rules read top to bottom, the first
 * match deciding; `user`, `group`, `role` and the object fields are Java regular expressions
 * matching whole names. Every documented section is modelled, so that a file holding one Meshwork
 * does not write is still checked; unknown fields are errors, as a misspelt field would silently
 * widen a rule (a dropped `filter` lets every row through).
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';

const Pattern = Type.String();
const Environment = Type.Object({ user: Type.Optional(Type.String()) }, { additionalProperties: false });

/** `user`, `role` and `group` patterns every rule may carry. */
const who = { user: Type.Optional(Pattern), role: Type.Optional(Pattern), group: Type.Optional(Pattern) };

const rule = <P extends Record<string, TSchema>>(properties: P) =>
  Type.Object(properties, { additionalProperties: false });

export const TABLE_PRIVILEGES = ['SELECT', 'INSERT', 'DELETE', 'UPDATE', 'OWNERSHIP', 'GRANT_SELECT'] as const;
export const CATALOG_ACCESS = ['all', 'read-only', 'none'] as const;

export const TrinoCatalogRuleSchema = rule({
  ...who,
  catalog: Type.Optional(Pattern),
  // true and false are the documented legacy spellings of all and none.
  allow: Type.Union([...CATALOG_ACCESS.map((a) => Type.Literal(a)), Type.Boolean()]),
});

export const TrinoSchemaRuleSchema = rule({
  ...who,
  catalog: Type.Optional(Pattern),
  schema: Type.Optional(Pattern),
  owner: Type.Boolean(),
});

export const TrinoColumnConstraintSchema = rule({
  name: Type.String({ minLength: 1 }),
  allow: Type.Optional(Type.Boolean()),
  mask: Type.Optional(Type.String({ minLength: 1 })),
  mask_environment: Type.Optional(Environment),
});

export const TrinoTableRuleSchema = rule({
  ...who,
  catalog: Type.Optional(Pattern),
  schema: Type.Optional(Pattern),
  table: Type.Optional(Pattern),
  privileges: Type.Array(Type.Union(TABLE_PRIVILEGES.map((p) => Type.Literal(p))), { uniqueItems: true }),
  columns: Type.Optional(Type.Array(TrinoColumnConstraintSchema)),
  filter: Type.Optional(Type.String({ minLength: 1 })),
  filter_environment: Type.Optional(Environment),
});

export const TrinoQueryRuleSchema = rule({
  ...who,
  queryOwner: Type.Optional(Pattern),
  allow: Type.Array(Type.Union([Type.Literal('execute'), Type.Literal('view'), Type.Literal('kill')]), {
    uniqueItems: true,
  }),
});

const RoutineRule = (field: 'function' | 'procedure') =>
  rule({
    ...who,
    catalog: Type.Optional(Pattern),
    schema: Type.Optional(Pattern),
    [field]: Type.Optional(Pattern),
    privileges: Type.Array(
      Type.Union([Type.Literal('EXECUTE'), Type.Literal('GRANT_EXECUTE'), Type.Literal('OWNERSHIP')]),
      { uniqueItems: true },
    ),
  });

const SessionPropertyRule = (withCatalog: boolean) =>
  rule({
    ...who,
    ...(withCatalog ? { catalog: Type.Optional(Pattern) } : {}),
    property: Type.Optional(Pattern),
    allow: Type.Boolean(),
  });

export const TrinoRulesSchema = Type.Object(
  {
    catalogs: Type.Optional(Type.Array(TrinoCatalogRuleSchema)),
    schemas: Type.Optional(Type.Array(TrinoSchemaRuleSchema)),
    tables: Type.Optional(Type.Array(TrinoTableRuleSchema)),
    queries: Type.Optional(Type.Array(TrinoQueryRuleSchema)),
    functions: Type.Optional(Type.Array(RoutineRule('function'))),
    procedures: Type.Optional(Type.Array(RoutineRule('procedure'))),
    system_session_properties: Type.Optional(Type.Array(SessionPropertyRule(false))),
    catalog_session_properties: Type.Optional(Type.Array(SessionPropertyRule(true))),
    impersonation: Type.Optional(
      Type.Array(
        rule({
          original_user: Type.Optional(Pattern),
          original_role: Type.Optional(Pattern),
          new_user: Pattern,
          allow: Type.Optional(Type.Boolean()),
        }),
      ),
    ),
    principals: Type.Optional(
      Type.Array(
        rule({
          principal: Pattern,
          user: Type.Optional(Pattern),
          principal_to_user: Type.Optional(Type.String()),
          allow: Type.Boolean(),
        }),
      ),
    ),
    system_information: Type.Optional(
      Type.Array(
        rule({
          user: Type.Optional(Pattern),
          role: Type.Optional(Pattern),
          allow: Type.Array(Type.Union([Type.Literal('read'), Type.Literal('write')]), { uniqueItems: true }),
        }),
      ),
    ),
    authorization: Type.Optional(
      Type.Array(
        rule({
          original_user: Type.Optional(Pattern),
          original_group: Type.Optional(Pattern),
          original_role: Type.Optional(Pattern),
          new_user: Type.Optional(Pattern),
          new_role: Type.Optional(Pattern),
          allow: Type.Optional(Type.Boolean()),
        }),
      ),
    ),
  },
  { additionalProperties: false },
);

export type TrinoRules = Static<typeof TrinoRulesSchema>;
export type TrinoCatalogRule = Static<typeof TrinoCatalogRuleSchema>;
export type TrinoSchemaRule = Static<typeof TrinoSchemaRuleSchema>;
export type TrinoTableRule = Static<typeof TrinoTableRuleSchema>;
export type TrinoColumnConstraint = Static<typeof TrinoColumnConstraintSchema>;
export type TrinoQueryRule = Static<typeof TrinoQueryRuleSchema>;

/** The fields of any rule that are regular expressions, by section. */
export const PATTERN_FIELDS = [
  'user',
  'role',
  'group',
  'catalog',
  'schema',
  'table',
  'function',
  'procedure',
  'property',
  'queryOwner',
  'original_user',
  'original_role',
  'original_group',
  'new_user',
  'new_role',
  'principal',
] as const;
