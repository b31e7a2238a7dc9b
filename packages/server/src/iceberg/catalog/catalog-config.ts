/**
 * `GET /v1/config`: the prefix clients put in every path (the catalog name, mesh.yaml
 * `iceberg.catalogName`) and the endpoints this catalog serves, in the spec's
 * "<VERB> <path>" form — clients that read them call nothing else.
 */
export const DEFAULT_CATALOG_NAME = 'meshwork';

export const CATALOG_ENDPOINTS: readonly string[] = [
  'GET /v1/{prefix}/namespaces',
  'POST /v1/{prefix}/namespaces',
  'GET /v1/{prefix}/namespaces/{namespace}',
  'HEAD /v1/{prefix}/namespaces/{namespace}',
  'DELETE /v1/{prefix}/namespaces/{namespace}',
  'POST /v1/{prefix}/namespaces/{namespace}/properties',
  'GET /v1/{prefix}/namespaces/{namespace}/tables',
  'POST /v1/{prefix}/namespaces/{namespace}/tables',
  'GET /v1/{prefix}/namespaces/{namespace}/tables/{table}',
  'HEAD /v1/{prefix}/namespaces/{namespace}/tables/{table}',
  'POST /v1/{prefix}/namespaces/{namespace}/tables/{table}',
  'DELETE /v1/{prefix}/namespaces/{namespace}/tables/{table}',
  'POST /v1/{prefix}/namespaces/{namespace}/tables/{table}/metrics',
];

export interface CatalogConfig {
  readonly defaults: Readonly<Record<string, string>>;
  readonly overrides: Readonly<Record<string, string>>;
  readonly endpoints: readonly string[];
}

export function catalogConfig(catalogName: string): CatalogConfig {
  return { defaults: {}, overrides: { prefix: catalogName }, endpoints: CATALOG_ENDPOINTS };
}
