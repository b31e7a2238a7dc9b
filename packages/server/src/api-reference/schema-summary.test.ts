/** Schemas summarised in a few words: literals, nullables, refs, maps, nested objects, constraints. */
import { describe, expect, it } from 'vitest';
import type { JsonSchema, OpenApiDocument } from './openapi-types.js';
import { describeSchema, fieldType, objectFields } from './schema-summary.js';

const document: OpenApiDocument = {
  openapi: '3.1.0',
  info: { title: 'Test', version: '1' },
  paths: {},
  components: {
    schemas: {
      Port: {
        type: 'object',
        required: ['name'],
        properties: { name: { type: 'string' }, major: { type: 'integer' } },
      },
      Loop: { type: 'array', items: { $ref: '#/components/schemas/Loop' } },
    },
  },
};
const type = (schema: JsonSchema) => describeSchema(schema, document);

describe('describeSchema', () => {
  it('names scalars, formats and arrays', () => {
    expect(type({ type: 'string', format: 'date-time' })).toBe('string (date-time)');
    expect(type({ type: 'array', items: { type: 'integer' } })).toBe('array of integer');
    expect(type({ type: ['string', 'null'] })).toBe('string or null');
    expect(type({ description: 'anything at all' })).toBe('any');
  });

  it('lists the values of enums and unions of literals, null included', () => {
    expect(type({ type: 'string', enum: ['pending', 'approved'] })).toBe('one of `pending`, `approved`');
    expect(type({ anyOf: [{ const: 'mine' }, { type: 'string', enum: ['inbox'] }, { type: 'null' }] })).toBe(
      'one of `mine`, `inbox`, `null`',
    );
    expect(type({ const: 3 })).toBe('`3`');
  });

  it('says "or null" for nullable unions of other types', () => {
    expect(type({ anyOf: [{ type: 'string', format: 'uuid' }, { type: 'null' }] })).toBe('string (uuid) or null');
    expect(type({ anyOf: [{ type: 'integer' }, { type: 'string' }] })).toBe('integer or string');
  });

  it('shows a nested object by the names of its first fields only', () => {
    const properties = Object.fromEntries('abcdefgh'.split('').map((name) => [name, { type: 'object' }]));
    expect(type({ type: 'array', items: { type: 'object', properties } })).toBe(
      'array of object (`a`, `b`, `c`, `d`, `e`, `f`, +2 more)',
    );
    expect(type({ type: 'object' })).toBe('object');
  });

  it('resolves local references, and survives one that refers to itself', () => {
    expect(type({ $ref: '#/components/schemas/Port' })).toBe('object (`name`, `major`)');
    expect(type({ $ref: '#/components/schemas/Loop' })).toMatch(/^array of array of .*any$/);
    expect(type({ $ref: '#/components/schemas/Missing' })).toBe('Missing');
  });

  it('names maps by their values, and objects of anything as objects', () => {
    expect(type({ type: 'object', additionalProperties: { type: 'number' } })).toBe('map of number');
    expect(type({ type: 'object', patternProperties: { '^(.*)$': { type: 'string' } } })).toBe('map of string');
    expect(type({ type: 'object', additionalProperties: {} })).toBe('object');
  });
});

describe('fieldType', () => {
  it('adds ranges, lengths, patterns, defaults and an example', () => {
    expect(fieldType({ type: 'integer', minimum: 1, maximum: 1000, default: 100 }, document)).toBe(
      'integer (1–1000, default `100`)',
    );
    expect(fieldType({ type: 'string', minLength: 1, maxLength: 200 }, document)).toBe('string (1–200 characters)');
    expect(fieldType({ type: 'string', minLength: 1, pattern: '^[a-z]+$', examples: ['sales'] }, document)).toBe(
      'string (not empty, pattern `^[a-z]+$`, e.g. `sales`)',
    );
    expect(fieldType({ type: 'number', minimum: 0 }, document)).toBe('number (≥ 0)');
  });
});

describe('objectFields', () => {
  it('lists properties with required flags and descriptions, merging allOf members', () => {
    const fields = objectFields(
      {
        allOf: [
          { $ref: '#/components/schemas/Port' },
          { type: 'object', properties: { note: { type: 'string', description: 'why' } } },
        ],
      },
      document,
    );
    expect(fields).toEqual([
      { name: 'name', type: 'string', required: true, description: '' },
      { name: 'major', type: 'integer', required: false, description: '' },
      { name: 'note', type: 'string', required: false, description: 'why' },
    ]);
  });

  it('has no fields for what is not an object with properties', () => {
    expect(objectFields({ type: 'string' }, document)).toBeUndefined();
    expect(objectFields({ allOf: [{ type: 'string' }, { $ref: '#/components/schemas/Port' }] }, document)).toBe(
      undefined,
    );
  });
});
