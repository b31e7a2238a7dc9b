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

/** `share`: the fraction of rows whose `of` equals `equals` (0 to 1). */
export const METRIC_AGGREGATES = ['sum', 'avg', 'count', 'count_distinct', 'min', 'max', 'share'] as const;
export type MetricAggregate = (typeof METRIC_AGGREGATES)[number];

/**
 * A column a metric reads: `<domain>.<product>.<port>.<column>` (e.g.
 * `sales.orders.orders.gross_amount`) or a glossary term id bound to columns
 * (`Order.gross_amount`).
 */
const ColumnRef = Type.String({ minLength: 1 });
const FilterValue = Type.Union([Type.String(), Type.Number(), Type.Boolean()]);

/** The plannable measure: an aggregate over a column, optionally rolled up from the grain. */
export const MetricMeasureSchema = Type.Object(
  {
    aggregate: stringEnum(METRIC_AGGREGATES),
    /** The column aggregated; optional for `count` (count of rows). */
    of: Type.Optional(ColumnRef),
    /**
     * Two steps: `aggregate` per instance of the grain first (sum of a customer's orders), then
     * this aggregate over the grain instances of each dimension value (average per segment).
     */
    rollup: Type.Optional(stringEnum(METRIC_AGGREGATES)),
    /** For `share`: the value counted, e.g. `false`. */
    equals: Type.Optional(FilterValue),
  },
  { additionalProperties: false },
);

/** A dimension, and (optionally) the product to read it from when several bind it. */
export const MetricDimensionSchema = Type.Union([
  Type.String({ minLength: 1 }),
  Type.Object(
    {
      /** `Entity.member`, e.g. `Customer.segment`. */
      term: Type.String({ minLength: 1 }),
      /** `<domain>.<product>` that provides it, e.g. `customers.customer-360`. */
      from: Type.Optional(Type.String({ minLength: 1 })),
    },
    { additionalProperties: false },
  ),
]);

/**
 * A condition on a column: on the measured product it filters the measured rows; on another
 * product it keeps the grain instances with at least one matching row there (joined on the
 * grain's identifier).
 */
export const MetricFilterSchema = Type.Union([
  Type.String({ minLength: 1 }),
  Type.Object(
    {
      column: ColumnRef,
      in: Type.Optional(Type.Array(FilterValue, { minItems: 1 })),
      notIn: Type.Optional(Type.Array(FilterValue, { minItems: 1 })),
      equals: Type.Optional(FilterValue),
    },
    { additionalProperties: false },
  ),
]);

export const GlossaryMetricSchema = Type.Object(
  {
    name: ConceptName,
    description: Description,
    synonyms: Type.Optional(Synonyms),
    /**
     * `{ aggregate, of, rollup }`, which the metrics layer plans across products; or a text
     * over glossary names, e.g. `sum(Order.gross_amount)`, kept as written and not plannable.
     */
    measure: Type.Union([Type.String({ minLength: 1 }), MetricMeasureSchema]),
    /** The entity one value of the metric is about, e.g. `Customer`. */
    grain: ConceptName,
    /** What the metric may be broken down by: `Entity.member` names, e.g. `Customer.segment`. */
    dimensions: Type.Optional(Type.Array(MetricDimensionSchema)),
    /** Conditions on the rows measured: `{ column, in | notIn | equals }`, or a text kept as written. */
    filters: Type.Optional(Type.Array(MetricFilterSchema)),
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
