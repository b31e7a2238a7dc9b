/** ODCS v3.1.0 logical types and the `logicalTypeOptions` each one allows. */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { stringEnum } from './odcs-schema-helpers.js';
import {
  OdcsArrayTypeOptionsSchema,
  OdcsObjectTypeOptionsSchema,
  OdcsStringTypeOptionsSchema,
  numericTypeOptionsSchema,
  type LogicalTypeRule,
} from './odcs-v3-logical-type-options.js';

export const ODCS_V310_LOGICAL_TYPES = [
  'string',
  'date',
  'timestamp',
  'time',
  'number',
  'integer',
  'object',
  'array',
  'boolean',
] as const;
export type OdcsV310LogicalType = (typeof ODCS_V310_LOGICAL_TYPES)[number];

const optionalString = () => Type.Optional(Type.String());

/** Bounds are written as strings in the property's own format (v3.0.x had boolean flags). */
const dateOptionFields = {
  /** A JDK DateTimeFormatter pattern, e.g. `yyyy-MM-dd`. */
  format: optionalString(),
  exclusiveMaximum: optionalString(),
  maximum: optionalString(),
  exclusiveMinimum: optionalString(),
  minimum: optionalString(),
};

export const OdcsV310DateTypeOptionsSchema = Type.Object(dateOptionFields, { additionalProperties: false });
export type OdcsV310DateTypeOptions = Static<typeof OdcsV310DateTypeOptionsSchema>;

/** Options of `timestamp` and `time` properties. */
export const OdcsV310TemporalTypeOptionsSchema = Type.Object(
  {
    ...dateOptionFields,
    /** Whether values carry their time zone. */
    timezone: Type.Optional(Type.Boolean()),
    /** The zone of values without one, e.g. `Etc/UTC`. */
    defaultTimezone: optionalString(),
  },
  { additionalProperties: false },
);
export type OdcsV310TemporalTypeOptions = Static<typeof OdcsV310TemporalTypeOptionsSchema>;

export const OdcsV310IntegerTypeOptionsSchema = numericTypeOptionsSchema(
  Type.Number(),
  stringEnum(['i8', 'i16', 'i32', 'i64', 'i128', 'u8', 'u16', 'u32', 'u64', 'u128']),
);
export type OdcsV310IntegerTypeOptions = Static<typeof OdcsV310IntegerTypeOptionsSchema>;

export const OdcsV310NumberTypeOptionsSchema = numericTypeOptionsSchema(Type.Number(), stringEnum(['f32', 'f64']));
export type OdcsV310NumberTypeOptions = Static<typeof OdcsV310NumberTypeOptionsSchema>;

/** The rules for v3.1.0; objects nest `properties`, arrays nest `items`. */
export function odcsV310LogicalTypeRules(nested: { properties: TSchema; items: TSchema }): LogicalTypeRule[] {
  return [
    { logicalTypes: ['string'], options: OdcsStringTypeOptionsSchema },
    { logicalTypes: ['date'], options: OdcsV310DateTypeOptionsSchema },
    { logicalTypes: ['timestamp', 'time'], options: OdcsV310TemporalTypeOptionsSchema },
    { logicalTypes: ['integer'], options: OdcsV310IntegerTypeOptionsSchema },
    { logicalTypes: ['number'], options: OdcsV310NumberTypeOptionsSchema },
    { logicalTypes: ['object'], options: OdcsObjectTypeOptionsSchema, nested: { properties: nested.properties } },
    { logicalTypes: ['array'], options: OdcsArrayTypeOptionsSchema, nested: { items: nested.items } },
  ];
}
