/** Response schemas of the knowledge routes (OpenAPI); nested results are described loosely. */
import { Type } from '@sinclair/typebox';

export const ColumnBindingSchema = Type.Object(
  {
    productId: Type.String(),
    domain: Type.String(),
    port: Type.String(),
    major: Type.Integer(),
    relation: Type.String({ description: 'SQL name in the gateway, e.g. customers.customer_profile' }),
    table: Type.String(),
    column: Type.String(),
    logicalType: Type.Optional(Type.String()),
    primaryKey: Type.Boolean(),
    term: Type.String(),
    kind: Type.String(),
    entity: Type.Optional(Type.String()),
  },
  { additionalProperties: true },
);

const loose = (description: string) => Type.Object({}, { additionalProperties: true, description });

export const EntityResponseSchema = Type.Object({
  entity: loose('The glossary entity: name, urn, description, synonyms, identifiers, attributes, relations'),
  products: Type.Array(
    Type.Object({
      productId: Type.String(),
      domain: Type.String(),
      role: Type.Union([Type.Literal('about'), Type.Literal('references'), Type.Literal('mentions')]),
      columns: Type.Array(ColumnBindingSchema),
    }),
  ),
});

export const TermColumnsResponseSchema = Type.Object({
  term: Type.String(),
  kind: Type.String(),
  columns: Type.Array(ColumnBindingSchema),
});

export const JoinPathsResponseSchema = Type.Object({
  from: Type.String(),
  to: Type.String(),
  maxHops: Type.Integer(),
  ambiguous: Type.Boolean(),
  explanation: Type.Optional(Type.String()),
  paths: Type.Array(
    Type.Object({
      hops: Type.Integer(),
      score: Type.Number(),
      products: Type.Array(Type.String()),
      sql: Type.String(),
      notes: Type.Array(Type.String()),
      steps: Type.Array(loose('term, left, right, quality, compatible, alternatives')),
    }),
  ),
});

export const CompatibilityResponseSchema = Type.Object({
  term: Type.String(),
  expected: loose('logicalType, format, pattern of the glossary identifier'),
  compatible: Type.Boolean(),
  domains: Type.Array(Type.String()),
  columns: Type.Array(
    Type.Object({
      binding: ColumnBindingSchema,
      logicalType: Type.Optional(Type.String()),
      format: Type.Optional(Type.String()),
      pattern: Type.Optional(Type.String()),
      compatible: Type.Boolean(),
      reasons: Type.Array(Type.String()),
    }),
  ),
});
