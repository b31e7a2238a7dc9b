/** Value shapes that both ODCS versions share: free-form values and tag lists. */
import { Type, type Static } from '@sinclair/typebox';

/**
 * Any JSON value: custom property values and property examples. One `type` list rather
 * than an `anyOf` of types, which would make Ajv build an error for each type it tries.
 */
export const OdcsAnyValueSchema = Type.Unsafe<string | number | boolean | null | unknown[] | Record<string, unknown>>({
  type: ['string', 'number', 'boolean', 'null', 'array', 'object'],
});
export type OdcsAnyValue = Static<typeof OdcsAnyValueSchema>;

/** A JSON value that is not a collection: SLA values. */
export const OdcsScalarValueSchema = Type.Unsafe<string | number | boolean | null>({
  type: ['string', 'number', 'boolean', 'null'],
});
export type OdcsScalarValue = Static<typeof OdcsScalarValueSchema>;

/** Free-form labels, e.g. `finance`, `pii`. */
export const OdcsTagsSchema = Type.Array(Type.String());
export type OdcsTags = Static<typeof OdcsTagsSchema>;
