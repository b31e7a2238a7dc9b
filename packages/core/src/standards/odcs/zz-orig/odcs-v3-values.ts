/** Value shapes that both ODCS versions share: free-form values and tag lists. */
import { Type, type Static } from '@sinclair/typebox';
import { openObject } from './odcs-schema-helpers.js';

/** Any JSON value: custom property values and property examples. */
export const OdcsAnyValueSchema = Type.Union([
  Type.String(),
  Type.Number(),
  Type.Boolean(),
  Type.Null(),
  Type.Array(Type.Unknown()),
  openObject(),
]);
export type OdcsAnyValue = Static<typeof OdcsAnyValueSchema>;

/** A JSON value that is not a collection: SLA values. */
export const OdcsScalarValueSchema = Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]);
export type OdcsScalarValue = Static<typeof OdcsScalarValueSchema>;

/** Free-form labels, e.g. `finance`, `pii`. */
export const OdcsTagsSchema = Type.Array(Type.String());
export type OdcsTags = Static<typeof OdcsTagsSchema>;
