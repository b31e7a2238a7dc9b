/** The Iceberg REST catalog under `/iceberg`: its routes, its operations and its codes. */
export { ICEBERG_CATALOG_CODES, type IcebergCatalogCode } from './iceberg-catalog-codes.js';
export { icebergCatalogRoutes, icebergRoutes, type IcebergRoutesOptions } from './iceberg-catalog-routes.js';
export { IcebergCatalog, type IcebergCatalogOptions } from './iceberg-catalog.js';
export { CATALOG_ENDPOINTS, DEFAULT_CATALOG_NAME } from './catalog-config.js';
export { MetadataFiles, type LoadedMetadata } from './metadata-files.js';
export { ProductTables, type ProductTablesOptions, type PublishedIcebergTables } from './product-tables.js';
export { icebergError, type IcebergErrorBody } from './iceberg-error-reply.js';
