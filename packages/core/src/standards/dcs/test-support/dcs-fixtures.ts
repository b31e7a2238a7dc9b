/**
 * Helpers for the importer tests: the official examples, the official ODCS validator, and
 * walks over DCS and ODCS documents. Tests only.
 */
import { parse } from 'yaml';
import { readStandard, readStandardJson, standardFiles } from '../../../../../../test-support/standards.js';
import { compileOfficialSchema, type OfficialValidator } from '../../odps/test-support/official-validator.js';

export type Obj = Record<string, unknown>;

export function dcsExamples(): { file: string; doc: Obj }[] {
  return standardFiles('datacontract-specification/examples', /\.ya?ml$/).map((file) => ({
    file,
    doc: parse(readStandard(file)) as Obj,
  }));
}

let odcs: OfficialValidator | undefined;

/** The official ODCS v3.1.0 JSON Schema, compiled with Ajv2019 + formats. */
export function officialOdcsV310(): OfficialValidator {
  odcs ??= compileOfficialSchema(readStandardJson('odcs/schema/odcs-json-schema-v3.1.0.json'));
  return odcs;
}

export function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every scalar leaf of a JSON value. */
export function leaves(value: unknown, out: unknown[] = []): unknown[] {
  if (Array.isArray(value)) value.forEach((v) => leaves(v, out));
  else if (isObj(value)) Object.values(value).forEach((v) => leaves(v, out));
  else out.push(value);
  return out;
}

export function customValue(element: unknown, property: string): unknown {
  const list = isObj(element) && Array.isArray(element.customProperties) ? (element.customProperties as Obj[]) : [];
  return list.find((p) => p.property === property)?.value;
}
