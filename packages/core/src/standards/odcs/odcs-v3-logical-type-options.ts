/**
 * `logicalTypeOptions` of a schema property: which options a property may carry depends on
 * its `logicalType`. The options for strings, objects and arrays are the same in v3.0.x and
 * v3.1.0; dates and numbers differ (see the version files).
 */
import { Type, type Static, type TOptional, type TSchema, type TUnknown } from '@sinclair/typebox';
import { declaredKeys, keyOnlyWhen, switchOn } from './odcs-schema-helpers.js';

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

/** What a property schema adds to its own keys to enforce the logical type rules. */
export interface LogicalTypeChecks {
  /** The nested members, admitted as keys; `dependentSchemas` decides when they are allowed. */
  readonly declared: Record<string, TOptional<TUnknown>>;
  readonly dependentSchemas: Record<string, object>;
}

/**
 * Enforces the rules as the official schemas' conditionals do, without requiring
 * `logicalType`: a property without one must satisfy every rule at once, so its options can
 * only be empty, while it may nest both `properties` and `items`. The checks only run when
 * the property has `logicalTypeOptions` or a nested member (`dependentSchemas`), and find
 * the rule of the logical type by halving rather than by trying each rule.
 *
 * `alwaysNested` are nested members the property admits whatever its type (v3.0.x array
 * items may always have `properties`); it declares and checks them itself.
 */
export function logicalTypeChecks(
  rules: readonly LogicalTypeRule[],
  alwaysNested: readonly string[] = [],
): LogicalTypeChecks {
  const options = {
    if: { required: ['logicalType'] },
    then: switchOn(
      'logicalType',
      rules.map((rule) => [rule.logicalTypes, { properties: { logicalTypeOptions: rule.options } }] as const),
    ),
    // Every rule applies, and no option is allowed by all of them.
    else: { properties: { logicalTypeOptions: { additionalProperties: false } } },
  };
  // Each nested member belongs to one rule (objects nest `properties`, arrays `items`).
  const nested = rules.flatMap((rule) =>
    Object.entries(rule.nested ?? {})
      .filter(([key]) => !alwaysNested.includes(key))
      .map(([key, schema]) => ({ key, schema, logicalTypes: rule.logicalTypes })),
  );
  return {
    declared: declaredKeys(nested.map(({ key }) => key)),
    dependentSchemas: {
      logicalTypeOptions: options,
      ...Object.fromEntries(
        nested.map(({ key, schema, logicalTypes }) => [
          key,
          // Passes for the rule's logical types, and without logicalType (every rule applies).
          keyOnlyWhen(key, { properties: { logicalType: { enum: logicalTypes } } }, schema),
        ]),
      ),
    },
  };
}
