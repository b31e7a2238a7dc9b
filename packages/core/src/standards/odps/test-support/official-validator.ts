/**
 * Compiles an official JSON Schema file (draft 2019-09 or draft-07) the way the standards'
 * own tooling would, so tests can compare Meshwork's behaviour with it. Tests only.
 */
import { Ajv2019 } from 'ajv/dist/2019.js';
import addFormatsModule from 'ajv-formats';

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as unknown as (
  ajv: Ajv2019,
) => Ajv2019;

export interface OfficialValidator {
  (value: unknown): boolean;
  /** Ajv's errors for the last value validated, as JSON, for assertion messages. */
  lastErrors(): string;
}

export function compileOfficialSchema(schema: unknown): OfficialValidator {
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(schema as object);
  return Object.assign((value: unknown) => validate(value), {
    lastErrors: () => JSON.stringify(validate.errors?.slice(0, 8) ?? []),
  });
}

/** Every key named under a `properties` keyword anywhere in `schema`. */
export function schemaPropertyNames(schema: unknown, out = new Set<string>()): string[] {
  if (Array.isArray(schema)) schema.forEach((s) => schemaPropertyNames(s, out));
  else if (typeof schema === 'object' && schema !== null) {
    for (const [key, value] of Object.entries(schema)) {
      if (key === 'properties' && typeof value === 'object' && value !== null) {
        Object.keys(value).forEach((k) => out.add(k));
      }
      schemaPropertyNames(value, out);
    }
  }
  return [...out].sort();
}
