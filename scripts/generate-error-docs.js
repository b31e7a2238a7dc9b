// Writes docs/reference/errors.md from the code registries (run `npm run docs:errors` after
// adding a code; tests/error-codes-documented.test.ts fails while the page is out of date).
import { writeFileSync } from 'node:fs';
import { DCS_CODES, GOVERNANCE_CODES, KNOWLEDGE_CODES, WORKSPACE_CODES } from '@meshwork/core';
import {
  ACCESS_CODES,
  AGREEMENT_CODES,
  GATEWAY_CODES,
  HTTP_CODES,
  IDENTITY_CODES,
  METADATA_CODES,
  RUNTIME_CODES,
  SCAFFOLD_CODES,
  USAGE_CODES,
  WAREHOUSE_CODES,
  WEBHOOK_CODES,
  WIRE_CODES,
  SEARCH_CODES,
  LIFECYCLE_CODES,
  OPENLINEAGE_CODES,
  LINEAGE_CODES,
  INCIDENT_CODES,
  MESH_MAP_CODES,
  ICEBERG_CATALOG_CODES,
  ICEBERG_FORMAT_CODES,
  TRINO_CODES,
  CLUSTER_CODES,
  OPERATIONS_CODES,
} from '@meshwork/server';

const groups = [
  ['MW1', 'Files and YAML', 'Reading workspace files: encoding, size, YAML syntax.'],
  ['MW2', 'Documents against their schemas', "ODPS, ODCS and Meshwork's own files checked against their schemas."],
  ['MW3', 'Rules across files', 'References, ids, versions and dependencies across the workspace.'],
  ['MW4', 'mesh.yaml', 'Mesh settings and identities.'],
  ['MW50', 'SQL gateway', 'Governed queries: parsing, the checks of the SQL tree, relations, limits.'],
  ['MW51', 'Data Contract Specification import', 'Converting DCS documents to ODCS v3.1.0.'],
  ['MW52', 'Identity and API tokens', 'Authentication with API tokens and OIDC, and token management.'],
  ['MW53', 'Usage metering', 'Recording query usage and showing it to product owners.'],
  ['MW54', 'PostgreSQL wire protocol', 'The gateway over the PostgreSQL protocol (psql, drivers, BI tools).'],
  ['MW55', 'Access policies', 'Cedar policies, masking rules, row filters and their tests.'],
  ['MW56', 'Governance policies', 'Publish-time policies as code: loading, compiling (CEL), waivers and policy tests.'],
  ['MW57', 'Governance findings', 'What a governance check finds, and the publish gate.'],
  ['MW58', 'Catalog search', 'Search requests to `GET /api/v1/search` and `mesh search`.'],
  ['MW6', 'Metadata store', 'The SQLite/PostgreSQL store of products, versions, identities and the audit log.'],
  ['MW7', 'Commands', 'Scaffolding, import and export, registration.'],
  ['MW80', 'Runtime', 'Building products: inputs, SQL steps, checks, publishing.'],
  ['MW81', 'Warehouse', 'Snapshots, the publish protocol, locks and retention.'],
  [
    'MW820',
    'Iceberg tables',
    'Output ports written as Apache Iceberg v2 tables: column types, field ids and table metadata.',
  ],
  [
    'MW825',
    'Iceberg REST catalog: requests and names',
    'The catalog under `/iceberg`: request bodies, names, namespaces and tables.',
  ],
  [
    'MW826',
    'Iceberg REST catalog: commits and access',
    'Commits, read-only products, access decisions and metadata storage.',
  ],
  [
    'MW827',
    'Iceberg REST catalog: routes and settings',
    'Namespace properties, mesh.yaml `iceberg` and unknown routes.',
  ],
  ['MW830', 'Operating the server', '`mesh serve`: `/metrics`, `/readyz`, graceful shutdown and their options.'],
  [
    'MW831',
    'Backups and restores',
    '`mesh backup` and `mesh restore`: the backup folder, its checksums and the restore target.',
  ],
  [
    'MW832',
    'Backups and restores: starting after a restore',
    'A restore that stopped half-way must be finished first.',
  ],
  [
    'MW835',
    'Several servers',
    'Several `mesh serve` processes on one PostgreSQL store: ports, scheduled slots, the shared masking key.',
  ],
  ['MW838', 'Trino export', '`mesh export trino`: the catalog file and access rules for Trino.'],
  ['MW839', 'Trino rules validation', 'Checks of the generated rules.json and catalog file, and the engine account.'],
  [
    'MW86',
    'Knowledge graph',
    'Queries of the glossary and the knowledge graph: entities, terms, join paths, RDF export, metrics.',
  ],
  ['MW870', 'Access requests and agreements', 'Requesting, approving, rejecting and revoking access to output ports.'],
  ['MW875', 'Webhooks', 'Signed event delivery to subscribers.'],
  [
    'MW882',
    'Lineage and impact',
    'The lineage graph: `mesh lineage`, `mesh impact`, `GET /api/v1/lineage/{ref}` and `GET /api/v1/impact/{ref}`.',
  ],
  [
    'MW885',
    'OpenLineage',
    'Run events sent to an OpenLineage receiver, and events received at `POST /api/v1/lineage`.',
  ],
  ['MW888', 'Product lifecycle', 'Deprecation and retirement of port versions, and what their readers are told.'],
  ['MW890', 'Incidents', 'Periods when a product was failing or stale: `GET /api/v1/incidents`.'],
  [
    'MW892',
    'Mesh map',
    'The whole mesh in one answer: `GET /api/v1/mesh-map` (products or domains, and a drill-down).',
  ],
  ['MW9', 'Server and HTTP API', 'The HTTP edge and the server process.'],
];

const all = Object.entries({
  ...WORKSPACE_CODES,
  ...DCS_CODES,
  ...METADATA_CODES,
  ...SCAFFOLD_CODES,
  ...RUNTIME_CODES,
  ...WAREHOUSE_CODES,
  ...HTTP_CODES,
  ...USAGE_CODES,
  ...GATEWAY_CODES,
  ...IDENTITY_CODES,
  ...WIRE_CODES,
  ...ACCESS_CODES,
  ...GOVERNANCE_CODES,
  ...AGREEMENT_CODES,
  ...WEBHOOK_CODES,
  ...SEARCH_CODES,
  ...KNOWLEDGE_CODES,
  ...LIFECYCLE_CODES,
  ...OPENLINEAGE_CODES,
  ...LINEAGE_CODES,
  ...INCIDENT_CODES,
  ...MESH_MAP_CODES,
  ...ICEBERG_CATALOG_CODES,
  ...ICEBERG_FORMAT_CODES,
  ...TRINO_CODES,
  ...CLUSTER_CODES,
  ...OPERATIONS_CODES,
}).sort(([a], [b]) => a.localeCompare(b));

let page = `# Error and diagnostic codes

Every problem Meshwork reports has a stable code. Diagnostics (from \`mesh validate\` and the
loader) carry a severity, the file, line and column, and a fix; errors of commands and of the
API carry the code and a message. The CLI exits 1 for these, 2 for usage errors.

This page is generated from the code registries by \`npm run docs:errors\`; a test fails when
a code is missing here or listed here but gone.
`;
for (const [prefix, title, intro] of groups) {
  const codes = all.filter(([code]) => code.startsWith(prefix));
  if (codes.length === 0) continue;
  page += `\n## ${prefix}xxx — ${title}\n\n${intro}\n`;
  for (const [code, { title: name, fix }] of codes) page += `\n### ${code} ${name}\n\nFix: ${fix}\n`;
}
writeFileSync(new URL('../docs/reference/errors.md', import.meta.url), page);
console.log(`wrote docs/reference/errors.md (${all.length} codes)`);
