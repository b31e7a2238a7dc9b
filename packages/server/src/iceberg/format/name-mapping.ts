/**
 * Iceberg's default name mapping (table property `schema.name-mapping.default`): which column
 * names stand for which field ids, for data files written without field ids (snapshots written
 * by other tools, or before Meshwork wrote ids). Readers use it only for files that carry no ids.
 */
import type { IcebergSchema, IcebergStructField, IcebergType } from '../table-metadata.js';

interface MappedField {
  readonly 'field-id': number;
  readonly names: readonly string[];
  readonly fields?: readonly MappedField[];
}

export function nameMapping(schema: IcebergSchema): string {
  return JSON.stringify(schema.fields.map(mapField));
}

function mapField(field: IcebergStructField): MappedField {
  return withChildren({ 'field-id': field.id, names: [field.name] }, field.type);
}

function withChildren(mapped: MappedField, type: IcebergType): MappedField {
  if (typeof type === 'string') return mapped;
  switch (type.type) {
    case 'struct':
      return { ...mapped, fields: type.fields.map(mapField) };
    case 'list':
      return {
        ...mapped,
        fields: [withChildren({ 'field-id': type['element-id'], names: ['element'] }, type.element)],
      };
    case 'map':
      return {
        ...mapped,
        fields: [
          withChildren({ 'field-id': type['key-id'], names: ['key'] }, type.key),
          withChildren({ 'field-id': type['value-id'], names: ['value'] }, type.value),
        ],
      };
  }
}
