/**
 * A DCS field → an ODCS schema property, recursively for object `fields` and array `items`.
 * The DCS type is kept as `physicalType` and mapped to a logical type; constraints go to
 * `logicalTypeOptions` when ODCS allows them for that logical type; `enum` becomes an
 * `invalidValues` quality rule (ODCS has no enum option); `references` a relationship;
 * `links` authoritative definitions. Everything else (pii, precision, config, lineage,
 * keys/values of maps…) is kept as custom properties.
 */
import type { ConversionContext } from './dcs-conversion-context.js';
import { resolveField } from './dcs-definition-resolver.js';
import {
  DCS_CONSTRAINT_KEYS,
  isKnownDcsType,
  LOGICAL_TYPE_OPTIONS,
  logicalTypeOf,
  type OdcsLogicalType,
} from './dcs-field-types.js';
import { readKeys, type KeyReader } from './dcs-key-reader.js';
import { readLinks } from './dcs-links-mapping.js';
import { convertQualityList } from './dcs-quality-mapping.js';
import { referenceToRelationship } from './dcs-reference-mapping.js';
import { childPointer, compact, customProperty, isObject, isString, type JsonObject } from './dcs-values.js';

/** Deeper nesting than this is kept as a custom property instead of being followed. */
export const MAX_FIELD_DEPTH = 32;

export function convertFields(raw: JsonObject, pointer: string, context: ConversionContext, depth = 0): JsonObject[] {
  return Object.entries(raw).map(([name, field]) =>
    convertField(name, field, childPointer(pointer, name), context, depth),
  );
}

/** Converts one field; `name` is undefined for the `items` of an array. */
export function convertField(
  name: string | undefined,
  raw: unknown,
  pointer: string,
  context: ConversionContext,
  depth = 0,
): JsonObject {
  if (!isObject(raw)) {
    context.report('MW5112', 'warning', pointer, 'a field should be an object; it was kept as a custom property');
    return compact({ name, customProperties: [customProperty('field', raw)] });
  }
  if (depth > MAX_FIELD_DEPTH) {
    context.report(
      'MW5115',
      'warning',
      pointer,
      `fields nested deeper than ${MAX_FIELD_DEPTH} levels were not followed`,
    );
    return compact({ name, customProperties: [customProperty('field', raw)] });
  }
  const resolved = resolveField(raw, pointer, context);
  const reader = readKeys(resolved.field, pointer, context);
  const { logicalType, physicalType } = readType(reader, context);

  const businessName = reader.string('title');
  const description = reader.string('description');
  const required = reader.boolean('required');
  const unique = reader.boolean('unique');
  const primaryKey = readPrimaryKey(reader);
  const classification = reader.string('classification');
  const tags = reader.stringArray('tags');
  const examples = readExamples(reader);
  const logicalTypeOptions = readOptions(reader, logicalType, physicalType);
  const enumRule = readEnum(reader);
  const relationships = readReference(reader, context);
  const qualityRaw = reader.take('quality');
  const quality =
    qualityRaw === undefined ? [] : convertQualityList(qualityRaw, childPointer(pointer, 'quality'), context);
  const authoritativeDefinitions = [
    ...readLinks(reader),
    ...(resolved.unresolvedRef === undefined ? [] : [{ type: 'definition', url: resolved.unresolvedRef }]),
  ];
  const properties = readNested(reader, 'fields', logicalType === 'object', context, (fields) =>
    convertFields(fields, childPointer(pointer, 'fields'), context, depth + 1),
  );
  const items = readNested(reader, 'items', logicalType === 'array', context, (item) =>
    convertField(undefined, item, childPointer(pointer, 'items'), context, depth + 1),
  );

  return compact({
    name,
    businessName,
    description,
    logicalType,
    logicalTypeOptions: Object.keys(logicalTypeOptions).length > 0 ? logicalTypeOptions : undefined,
    physicalType,
    required,
    unique,
    primaryKey,
    classification,
    tags,
    examples,
    properties,
    items,
    relationships,
    quality: [...enumRule, ...quality],
    authoritativeDefinitions,
    customProperties: [...resolved.customProperties, ...reader.leftovers()],
  });
}

function readType(
  reader: KeyReader,
  context: ConversionContext,
): { logicalType: OdcsLogicalType | undefined; physicalType: string | undefined } {
  const type = reader.take('type');
  if (isString(type)) {
    if (!isKnownDcsType(type)) {
      context.report(
        'MW5105',
        'warning',
        childPointer(reader.pointer, 'type'),
        `"${type}" is not a Data Contract Specification type`,
      );
    }
    return { logicalType: logicalTypeOf(type), physicalType: type };
  }
  if (type !== undefined && type !== null) {
    context.report(
      'MW5112',
      'warning',
      childPointer(reader.pointer, 'type'),
      '"type" should be a string; it was kept as a custom property',
    );
    reader.keep('type', type);
    return { logicalType: undefined, physicalType: undefined };
  }
  // Untyped but structured: the structure says what it is.
  const logicalType = isObject(reader.peek('fields')) ? 'object' : isObject(reader.peek('items')) ? 'array' : undefined;
  return { logicalType, physicalType: undefined };
}

function readPrimaryKey(reader: KeyReader): boolean | undefined {
  const primaryKey = reader.boolean('primaryKey');
  // `primary` is the pre-1.0 name of `primaryKey`.
  const primary = reader.boolean('primary');
  if (primaryKey !== undefined && primary !== undefined && primary !== primaryKey) reader.keep('primary', primary);
  return primaryKey ?? primary;
}

function readExamples(reader: KeyReader): unknown[] | undefined {
  const examples = reader.array('examples');
  // `example` (one string) is the deprecated form of `examples`.
  const example = reader.take('example');
  if (example === undefined || example === null) return examples;
  if (examples?.some((e) => e === example)) return examples;
  return [...(examples ?? []), example];
}

function readOptions(
  reader: KeyReader,
  logicalType: OdcsLogicalType | undefined,
  physicalType: string | undefined,
): JsonObject {
  const allowed = logicalType === undefined ? {} : LOGICAL_TYPE_OPTIONS[logicalType];
  const options: JsonObject = {};
  for (const key of DCS_CONSTRAINT_KEYS) {
    const value = reader.take(key);
    if (value === undefined || value === null) continue;
    const check = Object.hasOwn(allowed, key) ? allowed[key] : undefined;
    if (check?.(value)) options[key] = value;
    else reader.keep(key, value);
  }
  const type = physicalType?.toLowerCase();
  if (type === 'timestamp_tz') options.timezone = true;
  if (type === 'timestamp_ntz') options.timezone = false;
  return options;
}

function readEnum(reader: KeyReader): JsonObject[] {
  const values = reader.array('enum');
  if (values === undefined) return [];
  return [
    {
      type: 'library',
      description: 'Only the listed values are allowed.',
      metric: 'invalidValues',
      arguments: { validValues: values },
      mustBe: 0,
    },
  ];
}

function readReference(reader: KeyReader, context: ConversionContext): JsonObject[] {
  const reference = reader.string('references');
  if (reference === undefined) return [];
  const relationship = referenceToRelationship(reference);
  if (relationship) return [relationship];
  context.report(
    'MW5110',
    'warning',
    childPointer(reader.pointer, 'references'),
    `"${reference}" cannot be written as an ODCS relationship; it was kept as a custom property`,
  );
  reader.keep('references', reference);
  return [];
}

function readNested<T>(
  reader: KeyReader,
  key: 'fields' | 'items',
  applies: boolean,
  context: ConversionContext,
  convert: (value: JsonObject) => T,
): T | undefined {
  const value = reader.take(key);
  if (value === undefined || value === null) return undefined;
  if (applies && isObject(value)) return convert(value);
  context.report(
    'MW5112',
    'warning',
    childPointer(reader.pointer, key),
    `"${key}" does not fit this field's type; it was kept as a custom property`,
  );
  reader.keep(key, value);
  return undefined;
}
