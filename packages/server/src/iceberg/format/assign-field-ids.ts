/**
 * Field ids for the schema of a new snapshot. Iceberg identifies columns by id, not by name, so
 * the ids must stay put from one snapshot to the next:
 *
 * - a column (or nested field, list element, map key or value) keeps the id it has in the
 *   previous metadata's current schema, matched by name — as long as its type is the same or a
 *   type Iceberg lets it grow into (int → long, float → double, decimal(P,S) → decimal(P',S) with
 *   P' ≥ P). Any other type change is a different column to Iceberg: it gets a fresh id, so that
 *   old data files are never read as the new type;
 * - new columns get `last-column-id + 1`, `+ 2`…, each struct's own fields first, then what is
 *   nested in them (the order Iceberg's reference implementation uses);
 * - ids of dropped columns are never reused (`last-column-id` only grows).
 *
 * The schema id is that of an identical schema already in the metadata, else one more than the
 * highest. Pure: the runtime calls it before writing Parquet (the files carry the ids) and the
 * warehouse again when publishing, with the same inputs and so the same result.
 */
import { parseDuckDbType, type DuckDbField, type DuckDbType } from './duckdb-type.js';
import { icebergPrimitiveType, unsupportedType } from './iceberg-primitive-type.js';
import type { IcebergSchema, IcebergStructField, IcebergTableMetadata, IcebergType } from '../table-metadata.js';

/** One column of a snapshot's schema, with its DuckDB type (the warehouse's ColumnSchema). */
export interface SchemaColumn {
  readonly name: string;
  readonly type: string;
  readonly nullable: boolean;
}

export interface AssignedSchema {
  readonly schema: IcebergSchema;
  /** The table's new `last-column-id`. */
  readonly lastColumnId: number;
}

/** The Iceberg schema of `columns`, with ids carried over from `previous` (see the file comment). */
export function assignFieldIds(
  previous: IcebergTableMetadata | undefined,
  columns: readonly SchemaColumn[],
): AssignedSchema {
  const current = previous?.schemas.find((schema) => schema['schema-id'] === previous['current-schema-id']);
  let last = previous?.['last-column-id'] ?? 0;
  const nextId = () => (last += 1);
  const fields = assignStruct(
    current?.fields,
    columns.map((column) => ({ name: column.name, type: parseDuckDbType(column.type), required: !column.nullable })),
    '',
    nextId,
  );
  const same = previous?.schemas.find((schema) => sameFields(schema.fields, fields));
  const schemaId =
    same?.['schema-id'] ?? (previous ? Math.max(-1, ...previous.schemas.map((schema) => schema['schema-id'])) + 1 : 0);
  return { schema: { type: 'struct', 'schema-id': schemaId, fields }, lastColumnId: last };
}

/** The schema a metadata file names as current. */
export function currentSchema(metadata: IcebergTableMetadata): IcebergSchema | undefined {
  return metadata.schemas.find((schema) => schema['schema-id'] === metadata['current-schema-id']);
}

interface NewField extends DuckDbField {
  readonly required: boolean;
}

function assignStruct(
  previous: readonly IcebergStructField[] | undefined,
  fields: readonly NewField[],
  path: string,
  nextId: () => number,
): IcebergStructField[] {
  // This struct's own fields first, then what is nested in them.
  const kept = fields.map((field) => {
    const before = previous?.find((candidate) => candidate.name === field.name);
    const keep = before !== undefined && compatible(before.type, field.type, `${path}${field.name}`);
    return { field, before: keep ? before : undefined, id: keep ? before.id : nextId() };
  });
  return kept.map(({ field, before, id }) => ({
    id,
    name: field.name,
    required: field.required,
    type: assignType(before?.type, field.type, `${path}${field.name}`, nextId),
  }));
}

function assignType(
  previous: IcebergType | undefined,
  type: DuckDbType,
  path: string,
  nextId: () => number,
): IcebergType {
  switch (type.kind) {
    case 'primitive':
      return icebergPrimitiveType(type.name, type.args, path, describe(type));
    case 'union':
      throw unsupportedType(path, describe(type), 'UNION');
    case 'struct': {
      const before = typeof previous === 'object' && previous.type === 'struct' ? previous.fields : undefined;
      const fields = type.fields.map((field) => ({ ...field, required: false }));
      return { type: 'struct', fields: assignStruct(before, fields, `${path}.`, nextId) };
    }
    case 'list': {
      const before = typeof previous === 'object' && previous.type === 'list' ? previous : undefined;
      const keep = before !== undefined && compatible(before.element, type.element, `${path}.element`);
      const elementId = keep ? before['element-id'] : nextId();
      const element = assignType(keep ? before.element : undefined, type.element, `${path}.element`, nextId);
      return { type: 'list', 'element-id': elementId, element, 'element-required': false };
    }
    case 'map': {
      const before = typeof previous === 'object' && previous.type === 'map' ? previous : undefined;
      const keepKey = before !== undefined && compatible(before.key, type.key, `${path}.key`);
      const keepValue = before !== undefined && compatible(before.value, type.value, `${path}.value`);
      const keyId = keepKey ? before['key-id'] : nextId();
      const valueId = keepValue ? before['value-id'] : nextId();
      return {
        type: 'map',
        'key-id': keyId,
        key: assignType(keepKey ? before.key : undefined, type.key, `${path}.key`, nextId),
        'value-id': valueId,
        value: assignType(keepValue ? before.value : undefined, type.value, `${path}.value`, nextId),
        'value-required': false,
      };
    }
  }
}

/** Whether a field of type `before` may keep its id as `type` (same kind; primitives promotable). */
function compatible(before: IcebergType, type: DuckDbType, path: string): boolean {
  if (typeof before === 'string') {
    if (type.kind !== 'primitive') return false;
    return promotable(before, icebergPrimitiveType(type.name, type.args, path, describe(type)));
  }
  return before.type === type.kind;
}

/** Iceberg's allowed type promotions (and no change at all). */
function promotable(from: string, to: string): boolean {
  if (from === to) return true;
  if (from === 'int' && to === 'long') return true;
  if (from === 'float' && to === 'double') return true;
  const decimal = /^decimal\((\d+),\s*(\d+)\)$/;
  const a = decimal.exec(from);
  const b = decimal.exec(to);
  return !!a && !!b && a[2] === b[2] && Number(b[1]) >= Number(a[1]);
}

function sameFields(a: readonly IcebergStructField[], b: readonly IcebergStructField[]): boolean {
  return (
    a.length === b.length &&
    a.every((field, index) => {
      const other = b[index]!;
      return (
        field.id === other.id &&
        field.name === other.name &&
        field.required === other.required &&
        sameType(field.type, other.type)
      );
    })
  );
}

function sameType(a: IcebergType, b: IcebergType): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  if (a.type === 'struct' && b.type === 'struct') return sameFields(a.fields, b.fields);
  if (a.type === 'list' && b.type === 'list') {
    return (
      a['element-id'] === b['element-id'] &&
      a['element-required'] === b['element-required'] &&
      sameType(a.element, b.element)
    );
  }
  if (a.type === 'map' && b.type === 'map') {
    return (
      a['key-id'] === b['key-id'] &&
      a['value-id'] === b['value-id'] &&
      a['value-required'] === b['value-required'] &&
      sameType(a.key, b.key) &&
      sameType(a.value, b.value)
    );
  }
  return false;
}

/** DuckDB-style text of a parsed type, for messages. */
function describe(type: DuckDbType): string {
  switch (type.kind) {
    case 'primitive':
      return type.args.length === 0 ? type.name : `${type.name}(${type.args.join(',')})`;
    case 'struct':
    case 'union':
      return `${type.kind.toUpperCase()}(${type.fields.map((field) => `${field.name} ${describe(field.type)}`).join(', ')})`;
    case 'list':
      return `${describe(type.element)}[]`;
    case 'map':
      return `MAP(${describe(type.key)}, ${describe(type.value)})`;
  }
}
