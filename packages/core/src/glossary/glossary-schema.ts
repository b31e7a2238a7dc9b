/**
 * The schema of `glossary/*.yaml` (Meshwork's own file): business entities with their
 * identifiers, attributes and relations, plain terms, and metrics. Reference:
 * docs/reference/glossary.md.
 *
 * Entities, terms and metrics share one namespace of PascalCase names (a binding names
 * `Customer` or `Customer.customer_id` without saying which kind it is); members of an entity
 * are snake_case like the columns bound to them.
 */
import { Type, type Static } from '@sinclair/typebox';
import { ODCS_V310_LOGICAL_TYPES } from '../standards/odcs/odcs-v3-1-0-logical-types.js';
import { stringEnum } from '../standards/odcs/odcs-schema-helpers.js';

export const GLOSSARY_NAME_PATTERN = '^[A-Z][A-Za-z0-9]*$';
export const GLOSSARY_MEMBER_PATTERN = '^[a-z][a-z0-9_]*$';

export const CARDINALITIES = ['one-to-one', 'one-to-many', 'many-to-one', 'many-to-many'] as const;
export type Cardinality = (typeof CARDINALITIES)[number];

const ConceptName = Type.String({ pattern: GLOSSARY_NAME_PATTERN, maxLength: 100 });
const MemberName = Type.String({ pattern: GLOSSARY_MEMBER_PATTERN, maxLength: 63 });
const Description = Type.String({ minLength: 1 });
const Synonyms = Type.Array(Type.String({ minLength: 1 }));
/** ODCS v3.1.0 logical types, so that bound columns can be compared with the glossary as written. */
const LogicalType = stringEnum(ODCS_V310_LOGICAL_TYPES);

export const GlossaryIdentifierSchema = Type.Object(
  {
    name: MemberName,
    logicalType: LogicalType,
    /** ODCS `logicalTypeOptions.format`, e.g. `uuid`. */
    format: Type.Optional(Type.String({ minLength: 1 })),
    /** ODCS `logicalTypeOptions.pattern`: a regular expression every value matches. */
    pattern: Type.Optional(Type.String({ minLength: 1 })),
    description: Type.Optional(Description),
  },
  { additionalProperties: false },
);

export const GlossaryAttributeSchema = Type.Object(
  {
    name: MemberName,
    description: Type.Optional(Description),
    logicalType: LogicalType,
    format: Type.Optional(Type.String({ minLength: 1 })),
  },
  { additionalProperties: false },
);

export const GlossaryRelationSchema = Type.Object(
  {
    name: MemberName,
    /** The entity at the other end. */
    target: ConceptName,
    /** Instances of this entity to instances of the target, e.g. a Customer places many Orders. */
    cardinality: stringEnum(CARDINALITIES),
    description: Type.Optional(Description),
  },
  { additionalProperties: false },
);

export const GlossaryEntitySchema = Type.Object(
  {
    name: ConceptName,
    description: Description,
    synonyms: Type.Optional(Synonyms),
    /** Each identifier identifies an instance on its own (alternative keys). */
    identifiers: Type.Optional(Type.Array(GlossaryIdentifierSchema)),
    attributes: Type.Optional(Type.Array(GlossaryAttributeSchema)),
    relations: Type.Optional(Type.Array(GlossaryRelationSchema)),
  },
  { additionalProperties: false },
);

export const GlossaryTermSchema = Type.Object(
  {
    name: ConceptName,
    description: Description,
    synonyms: Type.Optional(Synonyms),
  },
  { additionalProperties: false },
);

export const GlossaryMetricSchema = Type.Object(
  {
    name: ConceptName,
    description: Description,
    synonyms: Type.Optional(Synonyms),
    /** The aggregate, over glossary names, e.g. `sum(Order.gross_amount)`; kept as written. */
    measure: Type.String({ minLength: 1 }),
    /** The entity one value of the metric is about, e.g. `Customer`. */
    grain: ConceptName,
    /** What the metric may be broken down by: `Entity.member` names, e.g. `Customer.segment`. */
    dimensions: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
    /** Conditions on the rows measured, kept as written. */
    filters: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
  },
  { additionalProperties: false },
);

export const GlossaryFileSchema = Type.Object(
  {
    apiVersion: Type.Literal('meshwork/v1'),
    kind: Type.Literal('Glossary'),
    description: Type.Optional(Type.String()),
    entities: Type.Optional(Type.Array(GlossaryEntitySchema)),
    terms: Type.Optional(Type.Array(GlossaryTermSchema)),
    metrics: Type.Optional(Type.Array(GlossaryMetricSchema)),
  },
  { additionalProperties: false },
);

export type GlossaryFile = Static<typeof GlossaryFileSchema>;
