/**
 * What DuckDB's Parquet writer needs to write Iceberg data files: every column (and nested field,
 * list element, map key and value) carries its Iceberg field id, and the file's key-value
 * metadata carries the Iceberg schema as `iceberg.schema` (readers such as icebird use it to map
 * ids to the file's column names).
 *
 * @example
 *   `COPY (…) TO 'part-00000.parquet' (FORMAT parquet, ${parquetIcebergOptions(schema)})`
 *   // FIELD_IDS {"id": 1, "tags": {__duckdb_field_id: 2, element: 3}}, KV_METADATA {'iceberg.schema': '…'}
 */
import type { IcebergSchema, IcebergType } from '../table-metadata.js';

/** The `FIELD_IDS` and `KV_METADATA` options of DuckDB's `COPY … (FORMAT parquet, …)`. */
export function parquetIcebergOptions(schema: IcebergSchema): string {
  const ids = schema.fields.map((field) => `${quoteIdentifier(field.name)}: ${fieldIdValue(field.id, field.type)}`);
  const kv = `{${quoteLiteral('iceberg.schema')}: ${quoteLiteral(JSON.stringify(schema))}}`;
  return `FIELD_IDS {${ids.join(', ')}}, KV_METADATA ${kv}`;
}

/** A primitive's id is a number; a nested type's is a struct naming its own id and its children's. */
function fieldIdValue(id: number, type: IcebergType): string {
  if (typeof type === 'string') return String(id);
  const own = `__duckdb_field_id: ${id}`;
  switch (type.type) {
    case 'struct': {
      const children = type.fields.map(
        (field) => `${quoteIdentifier(field.name)}: ${fieldIdValue(field.id, field.type)}`,
      );
      return `{${[own, ...children].join(', ')}}`;
    }
    case 'list':
      return `{${own}, element: ${fieldIdValue(type['element-id'], type.element)}}`;
    case 'map':
      return `{${own}, key: ${fieldIdValue(type['key-id'], type.key)}, value: ${fieldIdValue(type['value-id'], type.value)}}`;
  }
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function quoteLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
