/**
 * The first metadata of a table created through `createTable` (the spec's CreateTableRequest).
 * As in Iceberg's reference implementation the catalog assigns fresh field ids — each struct's
 * own fields first, then what is nested in them — and rebinds the partition spec and write order
 * to them; partition fields get ids from 1000, the spec is 0, a sorted write order is 1.
 */
import { InputError } from '@meshwork/core';
import {
  NO_SNAPSHOT,
  PARTITION_FIELD_ID_START,
  type IcebergSchema,
  type IcebergSortOrder,
  type IcebergStructField,
  type IcebergTableMetadata,
  type IcebergType,
} from '../table-metadata.js';
import {
  invalid,
  jsonObject,
  optionalBoolean,
  optionalString,
  pointer,
  requiredString,
  stringMap,
  type JsonObject,
} from './json-fields.js';
import { readPartitionSpec, readSchema, readSortOrder } from './schema-fields.js';

export interface CreateTableRequest {
  readonly name: string;
  readonly location?: string;
  readonly stageCreate: boolean;
  readonly body: JsonObject;
}

export function readCreateTableRequest(body: unknown): CreateTableRequest {
  const object = jsonObject(body, '');
  const location = optionalString(object, 'location', '');
  if (location !== undefined && location.trim() === '') throw invalid('/location', 'must not be empty');
  return {
    name: requiredString(object, 'name', ''),
    ...(location !== undefined ? { location } : {}),
    stageCreate: optionalBoolean(object, 'stage-create', '') ?? false,
    body: object,
  };
}

export function newTableMetadata(
  request: CreateTableRequest,
  tableUuid: string,
  location: string,
  now: number,
): IcebergTableMetadata {
  const { body } = request;
  const sent = readSchema(body.schema, '/schema');
  let lastColumnId = 0;
  const ids = new Map<number, number>();
  const fresh = (old: number) => {
    const id = ++lastColumnId;
    ids.set(old, id);
    return id;
  };
  const schema: IcebergSchema = {
    type: 'struct',
    'schema-id': 0,
    fields: freshFields(sent.fields, fresh),
    ...(sent['identifier-field-ids']
      ? { 'identifier-field-ids': sent['identifier-field-ids'].map((id) => ids.get(id)!) }
      : {}),
  };
  const rebind = (sourceId: number, at: string) => {
    const id = ids.get(sourceId);
    if (id === undefined) throw invalid(pointer(at, 'source-id'), `no field ${sourceId} in the schema`);
    return id;
  };
  const spec =
    body['partition-spec'] === undefined || body['partition-spec'] === null
      ? undefined
      : readPartitionSpec(body['partition-spec'], '/partition-spec');
  const partitionFields = (spec?.fields ?? []).map((field, index) => ({
    'source-id': rebind(field.sourceId, `/partition-spec/fields/${index}`),
    'field-id': PARTITION_FIELD_ID_START + index,
    name: field.name,
    transform: field.transform,
  }));
  const order =
    body['write-order'] === undefined || body['write-order'] === null
      ? undefined
      : readSortOrder(body['write-order'], '/write-order');
  const sortFields = (order?.fields ?? []).map((field, index) => ({
    ...field,
    'source-id': rebind(field['source-id'], `/write-order/fields/${index}`),
  }));
  const properties = stringMap(body, 'properties', '');
  const formatVersion = properties['format-version'];
  if (formatVersion !== undefined && formatVersion !== '2') {
    throw new InputError(
      'MW8250',
      `/properties/format-version: format version ${formatVersion} is not supported by this catalog (tables are v2)`,
    );
  }
  delete properties['format-version'];
  const sortOrders: IcebergSortOrder[] = [{ 'order-id': 0, fields: [] }];
  if (sortFields.length > 0) sortOrders.push({ 'order-id': 1, fields: sortFields });
  return {
    'format-version': 2,
    'table-uuid': tableUuid,
    location,
    'last-sequence-number': 0,
    'last-updated-ms': now,
    'last-column-id': lastColumnId,
    schemas: [schema],
    'current-schema-id': 0,
    'partition-specs': [{ 'spec-id': 0, fields: partitionFields }],
    'default-spec-id': 0,
    'last-partition-id': PARTITION_FIELD_ID_START - 1 + partitionFields.length,
    properties,
    'current-snapshot-id': NO_SNAPSHOT,
    snapshots: [],
    'snapshot-log': [],
    'metadata-log': [],
    'sort-orders': sortOrders,
    'default-sort-order-id': sortFields.length > 0 ? 1 : 0,
    refs: {},
  };
}

function freshFields(fields: readonly IcebergStructField[], fresh: (old: number) => number): IcebergStructField[] {
  const ids = fields.map((field) => fresh(field.id));
  return fields.map((field, index) => ({ ...field, id: ids[index]!, type: freshType(field.type, fresh) }));
}

function freshType(type: IcebergType, fresh: (old: number) => number): IcebergType {
  if (typeof type === 'string') return type;
  if (type.type === 'struct') return { type: 'struct', fields: freshFields(type.fields, fresh) };
  if (type.type === 'list') {
    const elementId = fresh(type['element-id']);
    return { ...type, 'element-id': elementId, element: freshType(type.element, fresh) };
  }
  const keyId = fresh(type['key-id']);
  const valueId = fresh(type['value-id']);
  return {
    ...type,
    'key-id': keyId,
    'value-id': valueId,
    key: freshType(type.key, fresh),
    value: freshType(type.value, fresh),
  };
}
