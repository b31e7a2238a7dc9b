/** ODCS v3.0.x logical types and the `logicalTypeOptions` each one allows. */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { stringEnum } from './odcs-schema-helpers.js';
import {
  OdcsArrayTypeOptionsSchema,
  OdcsObjectTypeOptionsSchema,
  OdcsStringTypeOptionsSchema,
  numericTypeOptionsSchema,
  type LogicalTypeRule,
} from './odcs-v3-logical-type-options.js';

/** No `timestamp` or `time` yet (v3.1.0 added them). */
export const ODCS_V30X_LOGICAL_TYPES = ['string', 'date', 'number', 'integer', 'object', 'array', 'boolean'] as const;
export type OdcsV30xLogicalType = (typeof ODCS_V30X_LOGICAL_TYPES)[number];

/** In v3.0.x the exclusive bounds are flags saying whether `minimum`/`maximum` are exclusive. */
export const OdcsV30xDateTypeOptionsSchema = Type.Object(
  {
    format: Type.Optional(Type.String()),
    exclusiveMaximum: Type.Optional(Type.Boolean()),
    maximum: Type.Optional(Type.String()),
    exclusiveMinimum: Type.Optional(Type.Boolean()),
    minimum: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type OdcsV30xDateTypeOptions = Static<typeof OdcsV30xDateTypeOptionsSchema>;

export const OdcsV30xIntegerTypeOptionsSchema = numericTypeOptionsSchema(
  Type.Boolean(),
  stringEnum(['i8', 'i16', 'i32', 'i64', 'i128', 'u8', 'u16', 'u32', 'u64', 'u128']),
);
export type OdcsV30xIntegerTypeOptions = Static<typeof OdcsV30xIntegerTypeOptionsSchema>;

export const OdcsV30xNumberTypeOptionsSchema = numericTypeOptionsSchema(Type.Boolean(), stringEnum(['f32', 'f64']));
export type OdcsV30xNumberTypeOptions = Static<typeof OdcsV30xNumberTypeOptionsSchema>;

/** The rules for v3.0.x; objects nest `properties`, arrays nest `items`. */
export function odcsV30xLogicalTypeRules(nested: { properties: TSchema; items: TSchema }): LogicalTypeRule[] {
  return [
    { logicalTypes: ['string'], options: OdcsStringTypeOptionsSchema },
    { logicalTypes: ['date'], options: OdcsV30xDateTypeOptionsSchema },
    { logicalTypes: ['integer'], options: OdcsV30xIntegerTypeOptionsSchema },
    { logicalTypes: ['number'], options: OdcsV30xNumberTypeOptionsSchema },
    { logicalTypes: ['object'], options: OdcsObjectTypeOptionsSchema, nested: { properties: nested.properties } },
    { logicalTypes: ['array'], options: OdcsArrayTypeOptionsSchema, nested: { items: nested.items } },
  ];
}
