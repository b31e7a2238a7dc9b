export * from './iceberg-format-codes.js';
export { assignFieldIds, currentSchema, type AssignedSchema, type SchemaColumn } from './assign-field-ids.js';
export { parseDuckDbType, type DuckDbType, type DuckDbField } from './duckdb-type.js';
export { parquetIcebergOptions } from './parquet-field-ids.js';
export { nameMapping } from './name-mapping.js';
export { dataFileStats, statsColumns, type DataFileStats, type StatsColumn } from './data-file-stats.js';
export { decodeAvroFile, encodeAvroFile, type AvroFile } from './avro-container.js';
export { MANIFEST_ENTRY_SCHEMA, MANIFEST_FILE_SCHEMA } from './avro-schemas.js';
export {
  encodeManifest,
  encodeManifestList,
  manifestDataFiles,
  manifestPaths,
  ENTRY_ADDED,
  ENTRY_DELETED,
  type ManifestEntry,
  type ManifestListEntry,
  type ManifestListContext,
} from './manifest-files.js';
export {
  metadataWithSnapshot,
  metadataWithoutSnapshots,
  METADATA_LOG_LIMIT,
  type SnapshotCommit,
} from './table-metadata-builder.js';
export { tableMetadataProblems } from './table-metadata-validation.js';
export { assertTableMetadata, decodeTableMetadata, encodeTableMetadata } from './table-metadata-json.js';
