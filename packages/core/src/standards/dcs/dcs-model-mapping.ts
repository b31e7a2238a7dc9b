/**
 * DCS `models` (a map by name) → ODCS `schema` objects. The model name is both `name` and
 * `physicalName`; the model type (table, view…) is the `physicalType`. A model-level
 * `primaryKey` list marks its fields as primary key with their 1-based positions; fields
 * flagged on their own follow, in declaration order.
 */
import type { ConversionContext } from './dcs-conversion-context.js';
import { convertFields } from './dcs-field-mapping.js';
import { readKeys } from './dcs-key-reader.js';
import { readLinks } from './dcs-links-mapping.js';
import type { LegacySections } from './dcs-legacy-sections.js';
import { convertQualityList } from './dcs-quality-mapping.js';
import { childPointer, compact, isObject, isString, setMember, type JsonObject } from './dcs-values.js';

export interface ModelConversion {
  readonly schema: JsonObject[];
  /** Models that are not objects, by name, for the document's custom properties. */
  readonly residue: JsonObject;
}

export function convertModels(
  raw: JsonObject,
  pointer: string,
  context: ConversionContext,
  legacy: LegacySections,
): ModelConversion {
  const schema: JsonObject[] = [];
  const residue: JsonObject = {};
  for (const [name, model] of Object.entries(raw)) {
    const modelPointer = childPointer(pointer, name);
    if (!isObject(model)) {
      context.report(
        'MW5112',
        'warning',
        modelPointer,
        `model "${name}" should be an object; it was kept as a custom property`,
      );
      setMember(residue, name, model);
      continue;
    }
    schema.push(convertModel(name, model, modelPointer, context, legacy));
  }
  return { schema, residue };
}

function convertModel(
  name: string,
  model: JsonObject,
  pointer: string,
  context: ConversionContext,
  legacy: LegacySections,
): JsonObject {
  const reader = readKeys(model, pointer, context);
  const physicalType = reader.string('type');
  const businessName = reader.string('title');
  const description = reader.string('description');
  const tags = reader.stringArray('tags');
  const authoritativeDefinitions = readLinks(reader);
  const fields = reader.object('fields');
  const primaryKeyList = reader.stringArray('primaryKey');
  const qualityRaw = reader.take('quality');
  const quality = [
    ...(qualityRaw === undefined ? [] : convertQualityList(qualityRaw, childPointer(pointer, 'quality'), context)),
    ...(legacy.quality.get(name) ?? []),
  ];
  const legacyExamples = legacy.examples.get(name);
  if (legacyExamples !== undefined) reader.keep('examples', legacyExamples);

  let properties = fields === undefined ? [] : convertFields(fields, childPointer(pointer, 'fields'), context);
  properties = assignPrimaryKeys(
    properties,
    primaryKeyList ?? [],
    childPointer(pointer, 'primaryKey'),
    context,
    (unknown) => reader.keep('primaryKey', unknown),
  );

  return compact({
    name,
    physicalName: name,
    businessName,
    description,
    logicalType: 'object',
    physicalType,
    tags,
    properties,
    quality,
    authoritativeDefinitions,
    customProperties: reader.leftovers(),
  });
}

function assignPrimaryKeys(
  properties: JsonObject[],
  list: readonly string[],
  pointer: string,
  context: ConversionContext,
  keepUnknown: (names: string[]) => void,
): JsonObject[] {
  const unknown = list.filter((key) => !properties.some((p) => p.name === key));
  if (unknown.length > 0) {
    context.report(
      'MW5111',
      'warning',
      pointer,
      `primaryKey names ${unknown.map((k) => `"${k}"`).join(', ')}, not fields of this model`,
    );
    keepUnknown(unknown);
  }
  const known = list.filter((key) => !unknown.includes(key));
  const flagged = properties
    .filter((p) => p.primaryKey === true && isString(p.name) && !known.includes(p.name))
    .map((p) => p.name as string);
  const order = [...new Set([...known, ...flagged])];
  return properties.map((property) => {
    const position = isString(property.name) ? order.indexOf(property.name) : -1;
    return position < 0 ? property : withPrimaryKey(property, position + 1);
  });
}

/** Marks a property as part of the primary key, at a 1-based position. */
function withPrimaryKey(property: JsonObject, position: number): JsonObject {
  // Placed after the last member that precedes it in ODCS's own order, so output reads naturally.
  const out: JsonObject = {};
  const entries = Object.entries(property);
  const anchor = [
    'unique',
    'required',
    'physicalType',
    'logicalTypeOptions',
    'logicalType',
    'description',
    'businessName',
    'name',
  ].find((key) => Object.hasOwn(property, key));
  for (const [key, value] of entries) {
    if (key === 'primaryKey' || key === 'primaryKeyPosition') continue;
    setMember(out, key, value);
    if (key === anchor) {
      out.primaryKey = true;
      out.primaryKeyPosition = position;
    }
  }
  if (anchor === undefined) Object.assign(out, { primaryKey: true, primaryKeyPosition: position });
  return out;
}
