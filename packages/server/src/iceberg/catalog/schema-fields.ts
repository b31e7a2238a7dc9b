/**
 * Schemas, partition specs and sort orders read from request bodies and metadata files, checked
 * the way Iceberg v2 defines them: primitive types of the v2 spec, nested structs/lists/maps,
 * field ids unique across the whole schema, names unique within each struct, and the transforms
 * Iceberg knows. Every refusal names its field (JSON pointer).
 */
import type { IcebergSchema, IcebergSortField, IcebergStructField, IcebergType } from '../table-metadata.js';
import {
  invalid,
  jsonArray,
  jsonObject,
  optionalInt,
  optionalString,
  pointer,
  requiredArray,
  requiredBoolean,
  requiredInt,
  requiredString,
  type JsonObject,
} from './json-fields.js';

const PRIMITIVE =
  /^(boolean|int|long|float|double|date|time|timestamp|timestamptz|string|uuid|binary|decimal\(\s*\d{1,2}\s*,\s*\d{1,2}\s*\)|fixed\[\s*\d{1,9}\s*\])$/;
const TRANSFORM = /^(identity|year|month|day|hour|void|bucket\[[1-9]\d{0,8}\]|truncate\[[1-9]\d{0,8}\])$/;

export function readType(value: unknown, at: string): IcebergType {
  if (typeof value === 'string') {
    if (!PRIMITIVE.test(value)) {
      throw invalid(at, `unknown type ${JSON.stringify(value)} (Iceberg v2 primitives, or a struct, list or map)`);
    }
    return value;
  }
  const object = jsonObject(value, at);
  const kind = object.type;
  if (kind === 'struct') return { type: 'struct', fields: readFields(object, at) };
  if (kind === 'list') {
    return {
      type: 'list',
      'element-id': requiredInt(object, 'element-id', at),
      element: readType(object.element, pointer(at, 'element')),
      'element-required': requiredBoolean(object, 'element-required', at),
    };
  }
  if (kind === 'map') {
    return {
      type: 'map',
      'key-id': requiredInt(object, 'key-id', at),
      key: readType(object.key, pointer(at, 'key')),
      'value-id': requiredInt(object, 'value-id', at),
      value: readType(object.value, pointer(at, 'value')),
      'value-required': requiredBoolean(object, 'value-required', at),
    };
  }
  throw invalid(pointer(at, 'type'), 'must be "struct", "list" or "map" (or the type a primitive name)');
}

function readFields(object: JsonObject, at: string): IcebergStructField[] {
  const names = new Set<string>();
  return requiredArray(object, 'fields', at).map((item, index) => {
    const here = pointer(pointer(at, 'fields'), index);
    const field = jsonObject(item, here);
    const name = requiredString(field, 'name', here);
    if (names.has(name)) throw invalid(pointer(here, 'name'), `duplicate field name ${JSON.stringify(name)}`);
    names.add(name);
    const doc = optionalString(field, 'doc', here);
    return {
      id: requiredInt(field, 'id', here),
      name,
      required: requiredBoolean(field, 'required', here),
      type: readType(field.type, pointer(here, 'type')),
      ...(doc !== undefined ? { doc } : {}),
    };
  });
}

/** A schema; `schema-id` defaults to 0 (the catalog assigns ids where Iceberg says it does). */
export function readSchema(value: unknown, at: string): IcebergSchema {
  const object = jsonObject(value, at);
  if (object.type !== 'struct') throw invalid(pointer(at, 'type'), 'must be "struct"');
  const schema: IcebergSchema = {
    type: 'struct',
    'schema-id': optionalInt(object, 'schema-id', at) ?? 0,
    fields: readFields(object, at),
  };
  const identifiers = object['identifier-field-ids'];
  const ids = fieldIds(schema, at);
  if (identifiers === undefined || identifiers === null) return schema;
  const list = jsonArray(identifiers, pointer(at, 'identifier-field-ids')).map((id, index) => {
    const here = pointer(pointer(at, 'identifier-field-ids'), index);
    if (typeof id !== 'number' || !Number.isSafeInteger(id)) throw invalid(here, 'must be an integer');
    if (!ids.has(id)) throw invalid(here, `no field ${id} in the schema`);
    return id;
  });
  return { ...schema, 'identifier-field-ids': list };
}

/** Every id of the schema (fields, list elements, map keys and values); duplicates are refused. */
export function fieldIds(schema: IcebergSchema, at = ''): Set<number> {
  const ids = new Set<number>();
  const add = (id: number) => {
    if (ids.has(id)) throw invalid(at, `field id ${id} is used twice in the schema`);
    ids.add(id);
  };
  const visit = (type: IcebergType): void => {
    if (typeof type === 'string') return;
    if (type.type === 'struct') {
      for (const field of type.fields) {
        add(field.id);
        visit(field.type);
      }
    } else if (type.type === 'list') {
      add(type['element-id']);
      visit(type.element);
    } else {
      add(type['key-id']);
      add(type['value-id']);
      visit(type.key);
      visit(type.value);
    }
  };
  visit(schema);
  return ids;
}

export function highestFieldId(schema: IcebergSchema): number {
  return Math.max(0, ...fieldIds(schema));
}

/** A partition spec as sent: field ids and the spec id may still be unassigned. */
export interface UnboundSpec {
  readonly specId?: number;
  readonly fields: readonly {
    readonly sourceId: number;
    readonly fieldId?: number;
    readonly name: string;
    readonly transform: string;
  }[];
}

export function readPartitionSpec(value: unknown, at: string): UnboundSpec {
  const object = jsonObject(value, at);
  const names = new Set<string>();
  const fields = requiredArray(object, 'fields', at).map((item, index) => {
    const here = pointer(pointer(at, 'fields'), index);
    const field = jsonObject(item, here);
    const name = requiredString(field, 'name', here);
    if (names.has(name)) throw invalid(pointer(here, 'name'), `duplicate partition field name ${JSON.stringify(name)}`);
    names.add(name);
    const fieldId = optionalInt(field, 'field-id', here);
    return {
      sourceId: requiredInt(field, 'source-id', here),
      ...(fieldId !== undefined ? { fieldId } : {}),
      name,
      transform: readTransform(field, here),
    };
  });
  const specId = optionalInt(object, 'spec-id', at);
  return { ...(specId !== undefined ? { specId } : {}), fields };
}

export interface UnboundSortOrder {
  readonly orderId?: number;
  readonly fields: readonly IcebergSortField[];
}

export function readSortOrder(value: unknown, at: string): UnboundSortOrder {
  const object = jsonObject(value, at);
  const fields = requiredArray(object, 'fields', at).map((item, index) => {
    const here = pointer(pointer(at, 'fields'), index);
    const field = jsonObject(item, here);
    const direction = requiredString(field, 'direction', here);
    if (direction !== 'asc' && direction !== 'desc')
      throw invalid(pointer(here, 'direction'), 'must be "asc" or "desc"');
    const nullOrder = requiredString(field, 'null-order', here);
    if (nullOrder !== 'nulls-first' && nullOrder !== 'nulls-last') {
      throw invalid(pointer(here, 'null-order'), 'must be "nulls-first" or "nulls-last"');
    }
    return {
      'source-id': requiredInt(field, 'source-id', here),
      transform: readTransform(field, here),
      direction,
      'null-order': nullOrder,
    } satisfies IcebergSortField;
  });
  const orderId = optionalInt(object, 'order-id', at);
  return { ...(orderId !== undefined ? { orderId } : {}), fields };
}

function readTransform(field: JsonObject, at: string): string {
  const transform = requiredString(field, 'transform', at);
  if (!TRANSFORM.test(transform)) {
    throw invalid(
      pointer(at, 'transform'),
      `unknown transform ${JSON.stringify(transform)} (identity, year, month, day, hour, void, bucket[N], truncate[W])`,
    );
  }
  return transform;
}
