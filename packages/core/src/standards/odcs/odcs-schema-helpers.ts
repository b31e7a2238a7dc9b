/**
 * Small builders for the JSON Schema shapes the ODCS definitions need and TypeBox has no
 * builder for. Each returns a plain JSON Schema object typed with the TypeScript type it
 * validates, so the model types still come from the schemas.
 *
 * They are written for speed under Ajv as much as for clarity: closed objects use
 * `additionalProperties: false` (never `unevaluatedProperties`, which makes Ajv collect the
 * keys each conditional evaluated, at run time), and a key that only some variants allow is
 * rejected by a check that runs only when the key is present (`keyOnlyWhen`).
 */
import {
  Type,
  type SchemaOptions,
  type Static,
  type TOptional,
  type TSchema,
  type TUnknown,
  type TUnsafe,
} from '@sinclair/typebox';

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
 * A reference to `$defs/<name>` of the document schema. Recursive parts (schema properties
 * nest through `items` and `properties`) need one; the other definitions are shared parts
 * of a contract. Ajv compiles a definition that itself refers to another into a function of
 * its own, which keeps each generated function small enough for V8 to optimize it.
 */
export function documentRef<T>(name: string): TUnsafe<T> {
  return Type.Unsafe<T>({ $ref: `#/$defs/${name}` });
}

/** A reference to `$defs/<name>`, typed as `schema`, the definition it points to. */
export function refTo<S extends TSchema>(name: string, _schema: S): TUnsafe<Static<S>> {
  return documentRef<Static<S>>(name);
}

/**
 * `{ key: {} }` for each key: keys a closed object admits (`additionalProperties: false`)
 * whose values its conditionals check.
 */
export function declaredKeys(keys: readonly string[]): Record<string, TOptional<TUnknown>> {
  return Object.fromEntries(keys.map((key) => [key, Type.Optional(Type.Unknown())]));
}

/**
 * Fails when the object has any of `keys`, with Ajv's `additionalProperties` error for each
 * (so the issue is `unknown field "<key>"` at the key). Costs one presence test per key when
 * none is there.
 */
export function rejectKeys(keys: readonly string[]): object {
  return { dependentSchemas: Object.fromEntries(keys.map((key) => [key, rejectKey(key)])) };
}

/** Fails on an object that has `key`, as `rejectKeys` does; for where `key` is known to be present. */
function rejectKey(key: string): object {
  // Every key but `key` matches the pattern; `key` alone is "additional".
  return { patternProperties: { [`^(?!${escapeRegExp(key)}$)`]: {} }, additionalProperties: false };
}

/**
 * For `dependentSchemas`: when the object has `key`, it must satisfy `condition` (else `key`
 * is reported as unknown), and then `key` must match `schema` (when given).
 */
export function keyOnlyWhen(key: string, condition: object, schema?: TSchema): object {
  return {
    if: condition,
    ...(schema ? { then: { properties: { [key]: schema } } } : {}),
    else: rejectKey(key),
  };
}

/** One variant of `switchOn`: the values of the key that select it, and what it requires. */
export type SwitchCase = readonly [values: readonly string[], schema: object];

/**
 * Applies the schema of the case whose values contain the string at `key` (nothing when no
 * case has it, or the key is absent). Equivalent to one `if`/`then` per case, but the cases
 * are found by halving (`enum` tests), so a value costs a few tests instead of one per case.
 */
export function switchOn(key: string, cases: readonly SwitchCase[]): object {
  const valuesOf = (list: readonly SwitchCase[]) => list.flatMap(([values]) => values);
  const tree = (list: readonly SwitchCase[]): object => {
    if (list.length === 1) return list[0]![1];
    const left = list.slice(0, Math.ceil(list.length / 2));
    return {
      if: { properties: { [key]: { enum: valuesOf(left) } } },
      then: tree(left),
      else: tree(list.slice(left.length)),
    };
  };
  return { if: { properties: { [key]: { enum: valuesOf(cases) } }, required: [key] }, then: tree(cases) };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
