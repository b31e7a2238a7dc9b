/**
 * Compiles the official ODCS JSON Schemas (fixtures, tests only) the way the standard's own
 * tooling does: Ajv for draft 2019-09 with ajv-formats, not strict, all errors.
 */
import { Ajv2019 } from 'ajv/dist/2019.js';
import addFormatsModule from 'ajv-formats';
import { readStandardJson } from '../../../../../../test-support/standards.js';

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as unknown as (
  ajv: Ajv2019,
) => Ajv2019;

export type Acceptance = (value: unknown) => boolean;

export function compileOfficialSchema(schema: unknown): Acceptance {
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(schema as object);
  return (value) => validate(value);
}

export interface OfficialOdcs {
  readonly v310: Acceptance;
  readonly v302: Acceptance;
  /** Every key named under `properties` in either schema: realistic misplaced keys. */
  readonly propertyNames: readonly string[];
}

export function loadOfficialOdcs(): OfficialOdcs {
  const v310 = readStandardJson('odcs/schema/odcs-json-schema-v3.1.0.json');
  const v302 = readStandardJson('odcs/schema/odcs-json-schema-v3.0.2.json');
  return {
    v310: compileOfficialSchema(v310),
    v302: compileOfficialSchema(v302),
    propertyNames: [...schemaPropertyNames(v310), ...schemaPropertyNames(v302)].filter(
      (k, i, all) => all.indexOf(k) === i,
    ),
  };
}

function schemaPropertyNames(schema: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) schema.forEach((s) => schemaPropertyNames(s, out));
  else if (typeof schema === 'object' && schema !== null) {
    for (const [key, value] of Object.entries(schema)) {
      if (key === 'properties' && typeof value === 'object' && value !== null)
        Object.keys(value).forEach((k) => out.add(k));
      schemaPropertyNames(value, out);
    }
  }
  return out;
}
