import { STARTER_ACCESS_POLICIES } from './access-policy-template.js';
import { STARTER_GOVERNANCE_POLICIES } from './governance-policy-template.js';

/** The files `mesh init` writes: a workspace that validates as generated. */
export function workspaceTemplate(name: string): ReadonlyMap<string, string> {
  return new Map([
    [
      'mesh.yaml',
      `# Meshwork workspace settings. Reference: docs/reference/workspace.md
apiVersion: meshwork/v1
kind: Mesh
name: ${name}
description: A data mesh managed as code with Meshwork.

# The metadata store defaults to SQLite in .meshwork/meshwork.db. For PostgreSQL:
# metadataStore:
#   kind: postgres
#   url: \${MESHWORK_DATABASE_URL}

teams:
  - id: platform
    name: Platform team
    members: [admin]

users:
  - id: admin
    name: Administrator
    teams: [platform]
    roles: [admin]
`,
    ],
    ['domains/.gitkeep', ''],
    ...STARTER_ACCESS_POLICIES,
    ...STARTER_GOVERNANCE_POLICIES,
    ['glossary/.gitkeep', ''],
    ['.gitignore', '.meshwork/\n'],
    [
      'README.md',
      `# ${name}

A data mesh workspace managed with [Meshwork](https://github.com/meshwork). Everything here is code:
review it in pull requests, validate it with \`mesh validate\`.

| Path | What it holds |
|---|---|
| \`mesh.yaml\` | mesh settings, teams, users, connections |
| \`domains/<domain>/domain.yaml\` | a business domain and its owner team |
| \`domains/<domain>/<product>/product.odps.yaml\` | a data product descriptor (ODPS v1.0.0) |
| \`domains/<domain>/<product>/<port>.odcs.yaml\` | the contract of an output port (ODCS v3.1.0) |
| \`domains/<domain>/<product>/pipeline.yaml\` and \`*.sql\` | how the product is built |
| \`policies/\` | global governance and access policies |
| \`glossary/\` | business entities, terms and metrics |
| \`.meshwork/\` | local state: metadata store and warehouse (not committed) |

Start with \`mesh new domain <name>\` and \`mesh new product <domain>/<product>\`.
`,
    ],
  ]);
}

export function domainTemplate(name: string, owner: string | undefined): string {
  return `apiVersion: meshwork/v1
kind: Domain
name: ${name}
title: ${titleCase(name)}
description: The ${name} business domain.
${owner ? `owner: ${owner}\n` : ''}`;
}

export function titleCase(name: string): string {
  return name
    .split(/[-_]/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}
