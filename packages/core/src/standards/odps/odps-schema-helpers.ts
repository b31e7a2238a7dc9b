/**
 * Two TypeBox shorthands the ODPS schemas use everywhere. ODPS closes every object
 * (`additionalProperties: false`), and its enumerations are plain string `enum`s; writing them
 * as `enum` rather than a union of literals keeps Ajv's error a single "must be one of" issue.
 */
import { Type, type TProperties, type TUnsafe } from '@sinclair/typebox';

/** An object that rejects keys it does not declare, as every ODPS object does. */
export function closedObject<T extends TProperties>(properties: T, description?: string) {
  return Type.Object(properties, {
    additionalProperties: false,
    ...(description === undefined ? {} : { description }),
  });
}

/** A string restricted to `values`, typed as their union. */
export function stringEnum<const T extends readonly string[]>(
  values: T,
  options: { description?: string; default?: T[number] } = {},
): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({ ...options, type: 'string', enum: [...values] });
}
