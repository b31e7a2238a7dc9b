/**
 * `logicalTypeOptions` of a schema property: which options a property may carry depends on
 * its `logicalType`. The options for strings, objects and arrays are the same in v3.0.x and
 * v3.1.0; dates and numbers differ (see the version files).
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { when, type Conditional } from './odcs-schema-helpers.js';

const nonNegativeInteger = () => Type.Integer({ minimum: 0 });

export const OdcsStringTypeOptionsSchema = Type.Object(
  {
    minLength: Type.Optional(nonNegativeInteger()),
    maxLength: Type.Optional(nonNegativeInteger()),
    /** An ECMA-262 regular expression the values match. */
    pattern: Type.Optional(Type.String()),
    /** A hint such as `email`, `uuid`, `uri`; not an enumeration. */
    format: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type OdcsStringTypeOptions = Static<typeof OdcsStringTypeOptionsSchema>;

export const OdcsObjectTypeOptionsSchema = Type.Object(
  {
    maxProperties: Type.Optional(nonNegativeInteger()),
    minProperties: Type.Optional(nonNegativeInteger()),
    required: Type.Optional(Type.Array(Type.String(), { minItems: 1, uniqueItems: true })),
  },
  { additionalProperties: false },
);
export type OdcsObjectTypeOptions = Static<typeof OdcsObjectTypeOptionsSchema>;

export const OdcsArrayTypeOptionsSchema = Type.Object(
  {
    maxItems: Type.Optional(nonNegativeInteger()),
    minItems: Type.Optional(nonNegativeInteger()),
    uniqueItems: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type OdcsArrayTypeOptions = Static<typeof OdcsArrayTypeOptionsSchema>;

/** Options of `integer` and `number` properties; the versions differ in the bounds' type. */
export function numericTypeOptionsSchema<B extends TSchema, F extends TSchema>(exclusiveBound: B, format: F) {
  return Type.Object(
    {
      multipleOf: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
      maximum: Type.Optional(Type.Number()),
      exclusiveMaximum: Type.Optional(exclusiveBound),
      minimum: Type.Optional(Type.Number()),
      exclusiveMinimum: Type.Optional(exclusiveBound),
      /** Width and signedness, named as Rust's numeric types (`i32`, `u8`, `f64`…). */
      format: Type.Optional(format),
    },
    { additionalProperties: false },
  );
}

/** The options allowed for some logical types, and what else those types may nest. */
export interface LogicalTypeRule {
  readonly logicalTypes: readonly string[];
  readonly options: TSchema;
  /** Nested members only these logical types may have (`properties`, `items`). */
  readonly nested?: Readonly<Record<string, TSchema>>;
}

/**
 * The conditionals enforcing the rules. As in the official schemas, they do not require
 * `logicalType`: a property without one must satisfy every rule at once, so its options can
 * only be empty, while it may nest both `properties` and `items`.
 */
export function logicalTypeConditionals(rules: readonly LogicalTypeRule[]): Conditional[] {
  return rules.flatMap((rule) =>
    when(
      {
        properties: {
          logicalType: rule.logicalTypes.length === 1 ? { const: rule.logicalTypes[0] } : { enum: rule.logicalTypes },
        },
      },
      Type.Object({
        logicalTypeOptions: Type.Optional(rule.options),
        ...Object.fromEntries(Object.entries(rule.nested ?? {}).map(([key, schema]) => [key, Type.Optional(schema)])),
      }),
    ),
  );
}
