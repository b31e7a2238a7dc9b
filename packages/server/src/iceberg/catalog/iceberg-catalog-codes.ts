/**
 * Codes of the Iceberg REST catalog under `/iceberg` (MW8250–MW8299). Each is answered with the
 * Iceberg spec's error body `{ "error": { "message", "type", "code" } }`: the message starts with
 * the code, `type` is the exception name Iceberg clients expect (iceberg-error-reply.ts).
 */
export const ICEBERG_CATALOG_CODES = {
  MW8250: {
    title: 'Invalid Iceberg request',
    fix: 'Send the JSON body the Iceberg REST specification describes; the message names the field (as a JSON pointer) and what it must be.',
  },
  MW8251: {
    title: 'Invalid namespace or table name',
    fix: 'Use 1 to 16 namespace levels and table names of lowercase letters, digits, `_` and `-` (at most 128 characters, not starting with `-`); separate levels in a path with %1F.',
  },
  MW8252: {
    title: 'Unknown update or requirement type',
    fix: 'Use only the update actions and requirement types listed in the message; statistics, encryption keys and views are not supported by this catalog.',
  },
  MW8253: {
    title: 'Update cannot be applied',
    fix: 'Fix the update named in the message (an unknown schema, spec, sort order or snapshot id, a duplicate snapshot, a sequence number that does not grow); reload the table to see its current state.',
  },
  MW8254: {
    title: 'Namespace does not exist',
    fix: 'Create the namespace first (POST /iceberg/v1/namespaces), or list the namespaces you can see (GET /iceberg/v1/namespaces).',
  },
  MW8255: {
    title: 'Table does not exist',
    fix: 'Check the namespace and table name (GET /iceberg/v1/namespaces/{namespace}/tables); a product table exists once its port has a published snapshot you may query.',
  },
  MW8256: {
    title: 'Namespace already exists',
    fix: 'Use the existing namespace, or pick another name.',
  },
  MW8257: {
    title: 'Table already exists',
    fix: 'Load the existing table, drop it first, or pick another name.',
  },
  MW8258: {
    title: 'Namespace is not empty',
    fix: 'Drop its tables and child namespaces first.',
  },
  MW8259: {
    title: 'Parent namespace does not exist',
    fix: 'Create the parent namespace first: ["staging"] before ["staging", "crm"].',
  },
  MW8260: {
    title: 'Commit requirement failed',
    fix: 'The table changed since you read it: reload it, re-apply your change on the current state and commit again.',
  },
  MW8261: {
    title: 'Concurrent commit',
    fix: 'Another commit to the same table won the race: reload the table and retry the commit.',
  },
  MW8262: {
    title: 'Data products are read-only in the Iceberg catalog',
    fix: 'Products are published by their pipelines (`mesh run <product>`, `mesh publish`); write your own tables in a namespace that is not a domain (e.g. ["staging", "crm"]).',
  },
  MW8263: {
    title: 'Namespace belongs to a domain',
    fix: 'Namespaces whose first level is a domain hold that domain’s products; create managed namespaces under another first level.',
  },
  MW8264: {
    title: 'Not allowed to change the Iceberg catalog',
    fix: 'Creating, changing and dropping namespaces and tables needs `administer` on the mesh (the `admin` role in the starter policies), with a token that has the `admin` scope.',
  },
  MW8265: {
    title: 'Port is governed by masks or row filters',
    fix: 'Read this product through the SQL gateway (psql, `mesh query` or POST /api/v1/query), which applies your masks and row filters; only engines listed in mesh.yaml `iceberg.engines` load such tables directly.',
  },
  MW8266: {
    title: 'Not allowed to read the product',
    fix: 'Request access to the output port (`mesh access request <domain>.<product>`) or ask its owner; the message names the policy decision.',
  },
  MW8267: {
    title: 'Unknown catalog',
    fix: 'Use the catalog name of mesh.yaml `iceberg.catalogName` (default `meshwork`) as the warehouse and prefix, or call the routes without a prefix.',
  },
  MW8268: {
    title: 'Table metadata storage unavailable',
    fix: 'Check that the warehouse folder exists, is writable and has free space; the message names the file.',
  },
  MW8269: {
    title: 'Operation not supported',
    fix: 'The message names the operation; GET /iceberg/v1/config lists the endpoints this catalog serves.',
  },
  MW8270: {
    title: 'Property both set and removed',
    fix: 'Name each namespace property either in `updates` or in `removals`, not both.',
  },
  MW8271: {
    title: 'Iceberg catalog disabled',
    fix: 'Remove `iceberg.disabled: true` from mesh.yaml and restart `mesh serve`.',
  },
  MW8272: {
    title: 'Unknown Iceberg route',
    fix: 'Check the method and path against the Iceberg REST specification; GET /iceberg/v1/config lists the endpoints this catalog serves.',
  },
} as const satisfies Record<string, { readonly title: string; readonly fix: string }>;

export type IcebergCatalogCode = keyof typeof ICEBERG_CATALOG_CODES;
