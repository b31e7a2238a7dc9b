/**
 * Keeps the ODCS validators fast, by guarding the shape of the code Ajv generates for them.
 * V8 only optimizes a function of up to 60 KB of bytecode; above that, the function stays
 * interpreted, several times slower: before the document was split into definitions, a
 * 30-column contract took about 57 µs to validate, against about 4 µs since. Ajv generates one
 * function per `$defs` definition that refers to another (see `documentRef`), and about half
 * a byte of bytecode per character of code: no function may grow past 110,000 characters.
 */
import { Ajv2019, type ValidateFunction } from 'ajv/dist/2019.js';
import addFormatsModule from 'ajv-formats';
import standaloneModule from 'ajv/dist/standalone/index.js';
import type { TSchema } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { OdcsV30xSchema } from './odcs-v3-0-x-document.js';
import { OdcsV310Schema } from './odcs-v3-1-0-document.js';

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as unknown as (
  ajv: Ajv2019,
) => Ajv2019;
const standaloneCode = ((standaloneModule as unknown as { default?: unknown }).default ?? standaloneModule) as (
  ajv: Ajv2019,
  validate: ValidateFunction,
) => string;

const MAX_FUNCTION_CHARS = 110_000;

/** The source of each function Ajv generates for `schema`, with the options Meshwork uses. */
function generatedFunctions(schema: TSchema): { name: string; chars: number }[] {
  const ajv = new Ajv2019({
    allErrors: true,
    strict: false,
    allowUnionTypes: true,
    validateFormats: true,
    code: { source: true },
  });
  addFormats(ajv);
  const code = standaloneCode(ajv, ajv.compile(schema));
  return [...code.matchAll(/function (validate\d+)\(/g)].map((match) => {
    const end = code.indexOf(`${match[1]}.errors = vErrors;`, match.index);
    // A function whose end is not found counts as too big.
    return { name: match[1]!, chars: end < 0 ? Infinity : end - match.index };
  });
}

describe.each([
  ['v3.1.0', OdcsV310Schema],
  ['v3.0.x', OdcsV30xSchema],
])('the ODCS %s validator', (_, schema) => {
  it('is split into functions small enough for V8 to optimize', () => {
    const functions = generatedFunctions(schema);
    // The document, its objects, properties, item properties, quality rules, servers…
    expect(functions.length).toBeGreaterThanOrEqual(6);
    expect(functions.filter(({ chars }) => chars > MAX_FUNCTION_CHARS)).toEqual([]);
  });

  it('never makes Ajv track evaluated keys at run time', () => {
    // `unevaluatedProperties` does; closed objects use `additionalProperties: false`.
    expect(JSON.stringify(schema)).not.toContain('unevaluated');
  });
});
