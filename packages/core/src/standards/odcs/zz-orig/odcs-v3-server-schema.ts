/**
 * Builds the schema of a server entry from the fields every server has and the details each
 * server type requires. The server's `type` selects its details through conditionals, as in
 * the official schemas, so that v3.1.0's `unevaluatedProperties: false` admits exactly the
 * common fields plus the details of the server's own type.
 */
import { Type, type SchemaOptions, type Static, type TObject, type TProperties, type TSchema } from '@sinclair/typebox';
import { stringEnum, when, type Conditional } from './odcs-schema-helpers.js';

/** A discriminated union: `{ type: 'kafka' } & KafkaDetails | { type: 's3' } & S3Details | …`. */
export type OdcsServerVariants<M extends Record<string, TSchema>> = {
  [K in keyof M & string]: { type: K } & Static<M[K]>;
}[keyof M & string];

export function serverSchema<P extends TProperties, M extends Record<string, TSchema>>(
  common: P,
  details: M,
  options: SchemaOptions = {},
) {
  const conditionals: Conditional[] = Object.entries(details).flatMap(([type, then]) =>
    when({ properties: { type: { const: type } }, required: ['type'] }, then),
  );
  return Type.Unsafe<Static<TObject<P>> & OdcsServerVariants<M>>(
    Type.Object({ ...common, type: stringEnum(Object.keys(details)) }, { ...options, allOf: conditionals }),
  );
}
