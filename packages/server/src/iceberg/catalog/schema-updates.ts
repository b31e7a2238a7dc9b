/**
 * add-schema, add-spec and add-sort-order, with ids assigned as Iceberg's reference
 * implementation does: an identical schema, spec or sort order already in the table keeps its
 * id; otherwise the new one gets the highest id + 1. The sort order without fields is always
 * order 0. Partition fields sent without a field id get `last-partition-id + 1`, `+ 2`…
 */
import { InputError } from '@meshwork/core';
import { stringifyIcebergJson } from '../iceberg-json.js';
import type { IcebergPartitionField, IcebergSchema } from '../table-metadata.js';
import type { MetadataDraft } from './metadata-draft.js';
import { fieldIds, highestFieldId, type UnboundSortOrder, type UnboundSpec } from './schema-fields.js';

export function addSchema(
  draft: MetadataDraft,
  schema: IcebergSchema,
  lastColumnId: number | undefined,
  at: string,
): void {
  fieldIds(schema, `${at}/schema`);
  const shape = schemaShape(schema);
  const same = draft.schemas.find((existing) => schemaShape(existing) === shape);
  const id = same ? same['schema-id'] : nextId(draft.schemas.map((s) => s['schema-id']));
  if (!same) draft.schemas.push({ ...schema, 'schema-id': id });
  draft.lastColumnId = Math.max(draft.lastColumnId, highestFieldId(schema), lastColumnId ?? 0);
  draft.lastAddedSchemaId = id;
}

export function addSpec(draft: MetadataDraft, spec: UnboundSpec, at: string): void {
  const columns = currentColumns(draft, at);
  let lastId = draft.lastPartitionId;
  const fields: IcebergPartitionField[] = spec.fields.map((field, index) => {
    if (!columns.has(field.sourceId)) {
      throw new InputError(
        'MW8253',
        `${at}/spec/fields/${index}/source-id: no field ${field.sourceId} in the current schema (${draft.currentSchemaId})`,
      );
    }
    const fieldId = field.fieldId ?? ++lastId;
    lastId = Math.max(lastId, fieldId);
    return { 'source-id': field.sourceId, 'field-id': fieldId, name: field.name, transform: field.transform };
  });
  const shape = stringifyIcebergJson(fields);
  const same = draft.specs.find((existing) => stringifyIcebergJson(existing.fields) === shape);
  const id = same ? same['spec-id'] : nextId(draft.specs.map((s) => s['spec-id']));
  if (!same) draft.specs.push({ 'spec-id': id, fields });
  draft.lastPartitionId = Math.max(draft.lastPartitionId, lastId);
  draft.lastAddedSpecId = id;
}

export function addSortOrder(draft: MetadataDraft, order: UnboundSortOrder, at: string): void {
  if (order.fields.length > 0) {
    const columns = currentColumns(draft, at);
    order.fields.forEach((field, index) => {
      if (!columns.has(field['source-id'])) {
        throw new InputError(
          'MW8253',
          `${at}/sort-order/fields/${index}/source-id: no field ${field['source-id']} in the current schema (${draft.currentSchemaId})`,
        );
      }
    });
  }
  const shape = stringifyIcebergJson(order.fields);
  const same = draft.sortOrders.find((existing) => stringifyIcebergJson(existing.fields) === shape);
  // The unsorted order is always 0; sorted ones count from 1.
  const id =
    same?.['order-id'] ??
    (order.fields.length === 0 ? 0 : Math.max(1, nextId(draft.sortOrders.map((o) => o['order-id']))));
  if (!same) draft.sortOrders.push({ 'order-id': id, fields: order.fields });
  draft.lastAddedSortOrderId = id;
}

function currentColumns(draft: MetadataDraft, at: string): Set<number> {
  const schema = draft.schemas.find((s) => s['schema-id'] === draft.currentSchemaId);
  if (!schema) throw new InputError('MW8253', `${at}: the table has no current schema yet; add and set one first`);
  return fieldIds(schema);
}

/** Fields and identifier ids, without the schema id: what makes two schemas the same. */
function schemaShape(schema: IcebergSchema): string {
  return stringifyIcebergJson({
    fields: schema.fields,
    ids: [...(schema['identifier-field-ids'] ?? [])].sort((a, b) => a - b),
  });
}

function nextId(ids: readonly number[]): number {
  return ids.length === 0 ? 0 : Math.max(...ids) + 1;
}
