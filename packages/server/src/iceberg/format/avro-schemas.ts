/**
 * The Avro schemas of Iceberg v2 manifests (`manifest_entry`) and manifest lists
 * (`manifest_file`), every field with the `field-id` the spec gives it — readers match fields by
 * id, not by name. Optional fields are unions with `null` that default to null; maps with int keys
 * are arrays of key/value records marked `logicalType: map`, as the spec's Appendix A stores them.
 *
 * Spec: https://iceberg.apache.org/spec/#manifests and #manifest-lists
 */

type AvroType = string | readonly unknown[] | Readonly<Record<string, unknown>>;

function required(name: string, fieldId: number, type: AvroType): Record<string, unknown> {
  return { name, type, 'field-id': fieldId };
}

function optional(name: string, fieldId: number, type: AvroType): Record<string, unknown> {
  return { name, type: ['null', type], default: null, 'field-id': fieldId };
}

/** `map<keyId: int, valueId: value>` as an array of key/value records. */
function intMap(keyId: number, valueId: number, value: string): Record<string, unknown> {
  return {
    type: 'array',
    logicalType: 'map',
    items: {
      type: 'record',
      name: `k${keyId}_v${valueId}`,
      fields: [required('key', keyId, 'int'), required('value', valueId, value)],
    },
  };
}

function list(elementId: number, element: AvroType): Record<string, unknown> {
  return { type: 'array', items: element, 'element-id': elementId };
}

/** The `data_file` struct; `partition` is the (empty, for unpartitioned tables) partition tuple. */
function dataFile(partitionFields: readonly unknown[]): Record<string, unknown> {
  return {
    type: 'record',
    name: 'r2',
    fields: [
      required('content', 134, 'int'),
      required('file_path', 100, 'string'),
      required('file_format', 101, 'string'),
      required('partition', 102, { type: 'record', name: 'r102', fields: partitionFields }),
      required('record_count', 103, 'long'),
      required('file_size_in_bytes', 104, 'long'),
      optional('column_sizes', 108, intMap(117, 118, 'long')),
      optional('value_counts', 109, intMap(119, 120, 'long')),
      optional('null_value_counts', 110, intMap(121, 122, 'long')),
      optional('nan_value_counts', 137, intMap(138, 139, 'long')),
      optional('lower_bounds', 125, intMap(126, 127, 'bytes')),
      optional('upper_bounds', 128, intMap(129, 130, 'bytes')),
      optional('key_metadata', 131, 'bytes'),
      optional('split_offsets', 132, list(133, 'long')),
      optional('equality_ids', 135, list(136, 'int')),
      optional('sort_order_id', 140, 'int'),
      optional('referenced_data_file', 143, 'string'),
    ],
  };
}

/** `manifest_entry` of an unpartitioned table (format version 2). */
export const MANIFEST_ENTRY_SCHEMA: Readonly<Record<string, unknown>> = {
  type: 'record',
  name: 'manifest_entry',
  fields: [
    required('status', 0, 'int'),
    optional('snapshot_id', 1, 'long'),
    optional('sequence_number', 3, 'long'),
    optional('file_sequence_number', 4, 'long'),
    required('data_file', 2, dataFile([])),
  ],
};

/** `manifest_file`, the record of a manifest list (format version 2). */
export const MANIFEST_FILE_SCHEMA: Readonly<Record<string, unknown>> = {
  type: 'record',
  name: 'manifest_file',
  fields: [
    required('manifest_path', 500, 'string'),
    required('manifest_length', 501, 'long'),
    required('partition_spec_id', 502, 'int'),
    required('content', 517, 'int'),
    required('sequence_number', 515, 'long'),
    required('min_sequence_number', 516, 'long'),
    required('added_snapshot_id', 503, 'long'),
    required('added_files_count', 504, 'int'),
    required('existing_files_count', 505, 'int'),
    required('deleted_files_count', 506, 'int'),
    required('added_rows_count', 512, 'long'),
    required('existing_rows_count', 513, 'long'),
    required('deleted_rows_count', 514, 'long'),
    optional(
      'partitions',
      507,
      list(508, {
        type: 'record',
        name: 'r508',
        fields: [
          required('contains_null', 509, 'boolean'),
          optional('contains_nan', 518, 'boolean'),
          optional('lower_bound', 510, 'bytes'),
          optional('upper_bound', 511, 'bytes'),
        ],
      }),
    ),
    optional('key_metadata', 519, 'bytes'),
  ],
};
