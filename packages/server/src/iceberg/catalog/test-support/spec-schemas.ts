/**
 * The Iceberg REST OpenAPI document (a test fixture from ../shared/standards, never read by the
 * product) as response validators: `conforms('LoadTableResult', body)` checks a response body
 * against the spec's own schema and returns the problems found.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { readStandard, standardsDir } from '../../../../../../test-support/standards.js';

export const SPEC_FILE = 'iceberg/rest/apache-iceberg-1.11.0/rest-catalog-open-api.yaml';

export { standardsDir };

let ajv: Ajv2020 | undefined;
const compiled = new Map<string, ValidateFunction>();

function validator(schema: string): ValidateFunction {
  if (!ajv) {
    ajv = new Ajv2020({ strict: false, allErrors: true });
    (addFormats as unknown as (a: Ajv2020) => void)(ajv);
    for (const format of ['int64', 'int32', 'byte', 'duration']) ajv.addFormat(format, true);
    ajv.addSchema(parse(readStandard(SPEC_FILE)) as object, 'iceberg-rest');
  }
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile({ $ref: `iceberg-rest#/components/schemas/${schema}` });
    compiled.set(schema, validate);
  }
  return validate;
}

/** The spec's complaints about `body` as a `schema` (empty when it conforms). */
export function specProblems(schema: string, body: unknown): string[] {
  const validate = validator(schema);
  if (validate(body)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}
