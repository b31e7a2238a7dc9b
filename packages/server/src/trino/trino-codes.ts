/** Codes of `mesh export trino` (MW8380–MW8389) and of the generated rules' validator (MW8390–MW8399). */
export const TRINO_CODES = {
  MW8380: {
    title: 'Trino export needs a folder',
    fix: 'Name the folder to write into: `mesh export trino <dir>` (e.g. `mesh export trino trino-etc`).',
  },
  MW8381: {
    title: 'Trino export folder is not empty',
    fix: 'Choose an empty or new folder, or add --force to overwrite the catalog, access-control and rules files in it (other files are left alone).',
  },
  MW8382: {
    title: 'Unknown Iceberg catalog',
    fix: 'Use the catalog this mesh serves (mesh.yaml `iceberg.catalogName`, `meshwork` by default), or leave --catalog out.',
  },
  MW8383: {
    title: 'Iceberg catalog disabled',
    fix: 'Remove `iceberg.disabled: true` from mesh.yaml (and restart `mesh serve`) so that Trino can reach the catalog, then export again.',
  },
  MW8384: {
    title: 'Unknown engine service account',
    fix: 'List the service account Trino uses in mesh.yaml `iceberg.engines` and declare it under `serviceAccounts`; with several engines, pick one with --engine <id>.',
  },
  MW8385: {
    title: 'Invalid Trino export option',
    fix: 'Give --server-url as an http(s) URL (e.g. https://mesh.example.com), --rules-path as an absolute path or one relative to Trino’s installation, and --refresh-period as a Trino duration (e.g. 30s, 5m).',
  },
  MW8386: {
    title: 'Nothing trustworthy to export',
    fix: 'Fix the workspace and access-policy errors listed (`mesh validate`, `mesh policy test`), then export again: rules exported from failing policies would lock everyone out or be wrong.',
  },
  MW8387: {
    title: 'Mask without an exact Trino equivalent',
    fix: 'The table is withheld from this user in Trino (fail closed). Use a mask Trino can reproduce for the column’s type (`null` always can; `hash`, `tokenize`, `partial` and `redact` need a VARCHAR column), or read the table through Meshwork’s gateway.',
  },
  MW8388: {
    title: 'Row filter without an exact Trino equivalent',
    fix: 'The table is withheld from this user in Trino (fail closed). Compare columns with values of the same kind (text with text, numbers with numbers, booleans with booleans) in policies/access/row-filters.yaml, or read the table through Meshwork’s gateway.',
  },
  MW8389: {
    title: 'Table not exported',
    fix: 'Publish the product (`mesh run <domain>/<product>`) so that the table has a snapshot the Iceberg catalog can serve; retired versions are never exported.',
  },
  MW8390: {
    title: 'Trino rules do not match the documented structure',
    fix: 'Regenerate the file with `mesh export trino` instead of editing it; report the problem if a fresh export shows it.',
  },
  MW8391: {
    title: 'Trino rule pattern is not a valid regular expression',
    fix: 'Regenerate the file with `mesh export trino`; patterns are generated from user ids and table names, quoted so that they match exactly.',
  },
  MW8392: {
    title: 'Trino rule names something that does not exist',
    fix: 'Every table rule must name a catalog, schema, table and columns the Iceberg catalog serves: regenerate the rules after publishing or renaming products.',
  },
  MW8393: {
    title: 'Trino mask or filter does not parse',
    fix: 'Regenerate the file with `mesh export trino`; masks and filters are SQL expressions over the table’s own columns.',
  },
  MW8394: {
    title: 'Trino mask or filter has the wrong type',
    fix: 'A mask must be an expression of its column’s type and a filter a boolean expression, over the table’s columns and the functions Meshwork uses (strpos, substr, length, lower, to_hex, from_hex, to_utf8, hmac_sha256).',
  },
  MW8395: {
    title: 'Trino rules lack the deny-all default',
    fix: 'The last catalog rule must allow `none` and the last table rule grant no privileges, for everyone: regenerate the file with `mesh export trino`.',
  },
  MW8396: {
    title: 'Trino catalog properties are incomplete or hold a secret',
    fix: 'The catalog file needs connector.name=iceberg, the REST catalog type, URI and warehouse, OAUTH2 security and the token as ${ENV:MESHWORK_TRINO_TOKEN} — never the token itself.',
  },
  MW8397: {
    title: 'No engine service account for Trino',
    fix: 'Declare the service account Trino uses (e.g. `trino`) under `serviceAccounts` and list it in mesh.yaml `iceberg.engines`, create its token with `mesh token create trino`, and give it to Trino as MESHWORK_TRINO_TOKEN.',
  },
} as const satisfies Record<string, { readonly title: string; readonly fix: string }>;

export type TrinoCode = keyof typeof TRINO_CODES;
