/** A string enum as one JSON Schema `enum` (as in core's schemas), so a wrong value is one clear error. */
import { Type } from '@sinclair/typebox';

export function stringEnum<T extends readonly string[]>(values: T) {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values] });
}
