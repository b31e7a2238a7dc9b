/**
 * Short, readable types for the JSON Schemas of the OpenAPI document. A reference page that
 * printed every nested schema would be as long as the document itself, so a schema is
 * summarised: an object nested in a field shows the names of its fields, nothing deeper;
 * `/api/docs` has the rest.
 */
import type { JsonSchema, OpenApiDocument } from './openapi-types.js';

/** One top-level field of a request body or response. */
export interface SchemaField {
  readonly name: string;
  readonly type: string;
  readonly required: boolean;
  readonly description: string;
}

/** How many field names a nested object shows before "+N more". */
const NAMED_FIELDS = 6;
/** Guards recursion through self-referencing `$ref`s. */
const MAX_DEPTH = 8;

/** The schema a local `$ref` points to (merged with the members beside the `$ref`), else itself. */
export function resolveSchema(schema: JsonSchema, document: OpenApiDocument): JsonSchema {
  let current = schema;
  for (let hops = 0; current.$ref !== undefined && hops < MAX_DEPTH; hops++) {
    const name = /^#\/components\/schemas\/(.+)$/.exec(current.$ref)?.[1];
    const target = name === undefined ? undefined : document.components?.schemas?.[name];
    if (target === undefined) return current;
    const { $ref: _resolved, ...beside } = current;
    current = { ...target, ...beside };
  }
  return current;
}

/** The fields of an object schema (properties, or those of every `allOf` member), else undefined. */
export function objectFields(schema: JsonSchema, document: OpenApiDocument): SchemaField[] | undefined {
  return fieldsOf(schema, document, 0);
}

function fieldsOf(schema: JsonSchema, document: OpenApiDocument, depth: number): SchemaField[] | undefined {
  const resolved = resolveSchema(schema, document);
  if (resolved.allOf) {
    const parts = resolved.allOf.map((member) => fieldsOf(member, document, depth + 1));
    if (parts.some((part) => part === undefined)) return undefined;
    return parts.flatMap((part) => part ?? []);
  }
  if (!resolved.properties) return undefined;
  const required = new Set(resolved.required ?? []);
  return Object.entries(resolved.properties).map(([name, property]) => ({
    name,
    type: fieldType(property, document),
    required: required.has(name),
    description: resolveSchema(property, document).description ?? '',
  }));
}

/** The type of a top-level field or parameter: its summary, then its constraints in parentheses. */
export function fieldType(schema: JsonSchema, document: OpenApiDocument): string {
  const constraints = schemaConstraints(resolveSchema(schema, document));
  const type = describeSchema(schema, document);
  return constraints.length === 0 ? type : `${type} (${constraints.join(', ')})`;
}

/** A schema in a few words: `string (date-time)`, `array of object (`id`, `name`)`, `one of `a`, `b``. */
export function describeSchema(schema: JsonSchema, document: OpenApiDocument): string {
  return describe(schema, document, 0);
}

function describe(schema: JsonSchema, document: OpenApiDocument, depth: number): string {
  if (depth > MAX_DEPTH) return 'any';
  const s = resolveSchema(schema, document);
  if (s.$ref !== undefined) return s.$ref.split('/').pop() ?? s.$ref;
  if (s.const !== undefined) return literal(s.const);
  if (s.enum) return oneOf(s.enum);
  const union = s.anyOf ?? s.oneOf;
  if (union) return describeUnion(union, document, depth);
  if (s.allOf) {
    const fields = fieldsOf(s, document, depth);
    return fields
      ? objectSummary(fields)
      : distinct(s.allOf.map((m) => describe(m, document, depth + 1))).join(' and ');
  }
  const types = Array.isArray(s.type) ? s.type : typeof s.type === 'string' ? [s.type] : impliedTypes(s);
  if (types.length === 0) return 'any';
  return distinct(types.map((type) => describeType(type, s, document, depth))).join(' or ');
}

function describeType(type: string, s: JsonSchema, document: OpenApiDocument, depth: number): string {
  switch (type) {
    case 'array':
      return s.items === undefined || Array.isArray(s.items)
        ? 'array'
        : `array of ${describe(s.items as JsonSchema, document, depth + 1)}`;
    case 'object': {
      const fields = fieldsOf(s, document, depth);
      if (fields) return objectSummary(fields);
      // A map whose values may be anything is just an object to the reader.
      const values = mapValues(s);
      return values && Object.keys(values).length > 0 ? `map of ${describe(values, document, depth + 1)}` : 'object';
    }
    case 'string':
      return s.format === undefined ? 'string' : `string (${s.format})`;
    default:
      return type;
  }
}

/** Unions of literals read as one list (`one of `a`, `b`, `null``), others as `string or null`. */
function describeUnion(members: readonly JsonSchema[], document: OpenApiDocument, depth: number): string {
  const resolved = members.map((member) => resolveSchema(member, document));
  const literals = resolved.map((member) =>
    member.const !== undefined ? [member.const] : member.type === 'null' ? [null] : member.enum,
  );
  if (literals.every((values) => values !== undefined) && literals.some((values) => values?.[0] !== null)) {
    return oneOf(literals.flatMap((values) => values ?? []));
  }
  const nullable = resolved.some((member) => member.type === 'null');
  const others = resolved.filter((member) => member.type !== 'null');
  const text = distinct(others.map((member) => describe(member, document, depth + 1))).join(' or ');
  return nullable ? `${text || 'null'}${text ? ' or null' : ''}` : text;
}

/** The schema of a map's values (`additionalProperties` or `patternProperties`), if it has one. */
function mapValues(s: JsonSchema): JsonSchema | undefined {
  if (typeof s.additionalProperties === 'object') return s.additionalProperties;
  const patterns = Object.values(s.patternProperties ?? {});
  return patterns.length === 1 ? patterns[0] : undefined;
}

function impliedTypes(s: JsonSchema): string[] {
  if (s.properties || s.additionalProperties !== undefined || s.patternProperties) return ['object'];
  if (s.items !== undefined) return ['array'];
  return [];
}

function objectSummary(fields: readonly SchemaField[]): string {
  if (fields.length === 0) return 'object';
  const names = fields.slice(0, NAMED_FIELDS).map((field) => `\`${field.name}\``);
  const more = fields.length - NAMED_FIELDS;
  return `object (${names.join(', ')}${more > 0 ? `, +${more} more` : ''})`;
}

/** Ranges, lengths, patterns, defaults and the first example of a schema, for a field's type. */
export function schemaConstraints(s: JsonSchema): string[] {
  const parts: string[] = [];
  if (s.minimum !== undefined && s.maximum !== undefined) parts.push(`${s.minimum}–${s.maximum}`);
  else if (s.minimum !== undefined) parts.push(`≥ ${s.minimum}`);
  else if (s.maximum !== undefined) parts.push(`≤ ${s.maximum}`);
  if (s.minLength !== undefined && s.maxLength !== undefined) parts.push(`${s.minLength}–${s.maxLength} characters`);
  else if (s.maxLength !== undefined) parts.push(`at most ${s.maxLength} characters`);
  else if (s.minLength === 1) parts.push('not empty');
  else if (s.minLength !== undefined) parts.push(`at least ${s.minLength} characters`);
  if (s.pattern !== undefined) parts.push(`pattern \`${s.pattern}\``);
  if (s.default !== undefined) parts.push(`default ${literal(s.default)}`);
  if (s.examples && s.examples.length > 0) parts.push(`e.g. ${literal(s.examples[0])}`);
  return parts;
}

function oneOf(values: readonly unknown[]): string {
  const names = distinct(values.map(literal));
  return names.length === 1 ? names[0]! : `one of ${names.join(', ')}`;
}

/** A value as inline code: strings bare (`pending`), anything else as JSON (`null`, `3`). */
function literal(value: unknown): string {
  return `\`${typeof value === 'string' ? value : JSON.stringify(value)}\``;
}

function distinct(values: readonly string[]): string[] {
  return [...new Set(values)];
}
