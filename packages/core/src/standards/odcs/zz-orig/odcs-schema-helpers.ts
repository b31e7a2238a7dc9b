/**
 * Small builders for the JSON Schema shapes the ODCS definitions need and TypeBox has no
 * builder for. Each returns a plain JSON Schema object typed with the TypeScript type it
 * validates, so the model types still come from the schemas.
 */
import { Type, type SchemaOptions, type Static, type TSchema, type TUnsafe } from '@sinclair/typebox';

/**
 * A string restricted to `values`, written as `enum` (TypeBox's literal unions become
 * `anyOf`), so that errors read "must be one of …" with a single issue.
 */
export function stringEnum<const T extends readonly string[]>(
  values: T,
  options: SchemaOptions = {},
): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({ ...options, type: 'string', enum: [...values] });
}

/** Exactly one of `schemas` must match (`Type.Union` is `anyOf`, which allows several). */
export function oneOf<T extends TSchema[]>(schemas: [...T], options: SchemaOptions = {}): TUnsafe<Static<T[number]>> {
  return Type.Unsafe<Static<T[number]>>({ ...options, oneOf: schemas });
}

/** Any JSON object, whatever its keys. */
export function openObject(options: SchemaOptions = {}): TUnsafe<Record<string, unknown>> {
  return Type.Unsafe<Record<string, unknown>>({ ...options, type: 'object' });
}

/**
 * A reference to `$defs/<name>` of the document schema. Only the recursive parts (schema
 * properties nest through `items` and `properties`) need one; everything else is inlined.
 */
export function documentRef<T>(name: string): TUnsafe<T> {
  return Type.Unsafe<T>({ $ref: `#/$defs/${name}` });
}

/** One `allOf` entry: when the value matches `condition`, it must also match `then`. */
export interface Conditional {
  readonly if: object;
  readonly then: object;
}

/**
 * When `condition` holds, the value must match `then`, and the keys `then` declares are
 * known to an enclosing `unevaluatedProperties: false`. The keys are declared in a second
 * conditional that always passes: otherwise, when `then` fails for one reason (a missing
 * required key), every key it declares would also be reported as unknown. Acceptance is
 * the same as with a single conditional.
 */
export function when(condition: object, then: TSchema): Conditional[] {
  const declared = Object.fromEntries(Object.keys((then.properties as object | undefined) ?? {}).map((k) => [k, {}]));
  return [
    { if: condition, then: { properties: declared } },
    { if: condition, then },
  ];
}
