/**
 * A real workspace for access tests: two domains with a product each, owned by two teams, with
 * classified columns (pii, restricted) and a `region` column, and the users every rule needs.
 * Policies, masks and filters are written by each test.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { MeshModel } from '@meshwork/core';
import { createTempWorkspace, type TempWorkspace } from '../../test-support/temp-workspace.js';
import { loadWorkspaceFromDisk } from '../../workspace/load-workspace-from-disk.js';

const MESH = `apiVersion: meshwork/v1
kind: Mesh
name: access-test
teams:
  - { id: platform, name: Platform, members: [adam] }
  - { id: sales-data, name: Sales, members: [olga] }
  - { id: finance-data, name: Finance, members: [finn] }
  - { id: council, name: Council, members: [gus] }
users:
  - { id: ana, name: Ana, groups: [analysts], roles: [consumer], attributes: { region: EU } }
  - { id: ben, name: Ben, groups: [analysts], roles: [consumer], attributes: { region: NA } }
  - { id: olga, name: Olga, roles: [owner], attributes: { region: EU } }
  - { id: finn, name: Finn, roles: [owner] }
  - { id: gus, name: Gus, roles: [governance] }
  - { id: adam, name: Adam, roles: [admin] }
serviceAccounts:
  - { id: robot, team: sales-data, roles: [consumer] }
`;

const column = (name: string, classification: string, tags: readonly string[] = []) => `      - name: ${name}
        logicalType: string
        physicalType: VARCHAR
        classification: ${classification}
        description: The ${name}.${tags.length > 0 ? `\n        tags: [${tags.join(', ')}]` : ''}
`;

/** Baseline policies most tests start from: owners do all, consumers query unrestricted ports. */
export const BASE_POLICIES = `
@id("discover-all")
@description("Everyone discovers.")
permit (principal, action in [Meshwork::Action::"discover", Meshwork::Action::"readMetadata"], resource);

@id("owner-all")
@description("Owner teams do everything.")
permit (principal, action, resource) when { resource has ownerTeam && principal in resource.ownerTeam };

@id("consumer-query")
@description("Consumers query unrestricted ports.")
permit (principal, action == Meshwork::Action::"query", resource)
when { principal.roles.contains("consumer") && resource.classification != "restricted" };

@id("agreement-query")
@description("Agreements grant query.")
permit (principal, action == Meshwork::Action::"query", resource) when { context.hasAgreement };

@id("governance-read")
@description("Governance reads all rows.")
permit (principal, action in [Meshwork::Action::"query", Meshwork::Action::"readAllRows"], resource)
when { principal.roles.contains("governance") };

@id("pii-care")
@description("PII in clear for customer care.")
permit (principal, action == Meshwork::Action::"readClear", resource)
when { resource.classification == "pii" && context.agreementPurposes.contains("customer-care") };
`;

export const BASE_MASKS = `apiVersion: meshwork/v1
kind: MaskingRules
masks:
  - id: restricted-redact
    description: Restricted columns are redacted.
    match: { classification: restricted }
    strategy: redact
  - id: email-partial
    description: E-mails are partial.
    match: { columns: ['*/*/email'] }
    strategy: partial
  - id: pii-tokenize
    description: Other PII is tokenised.
    match: { classification: [pii] }
    strategy: tokenize
`;

export const BASE_FILTERS = `apiVersion: meshwork/v1
kind: RowFilters
filters:
  - id: regional
    description: Own region only.
    match: { column: region }
    filter: region = principal.region
`;

export interface AccessWorkspace extends TempWorkspace {
  model(): Promise<MeshModel>;
}

/** sales.orders (sales-data: email pii, region, note tagged) and finance.payments (finance-data: iban restricted, payer pii). */
export async function createAccessWorkspace(files: Readonly<Record<string, string>> = {}): Promise<AccessWorkspace> {
  const ws = await createTempWorkspace([
    ['sales', 'orders'],
    ['finance', 'payments'],
  ]);
  await ws.write('mesh.yaml', MESH);
  // Each test writes the policies it is about, in place of the starter ones `mesh init` writes.
  await rm(join(ws.root, 'policies', 'access'), { recursive: true, force: true });
  const addColumns = (text: string, columns: string) =>
    text.replace('        description: Day the record was created.\n', (m) => m + columns);
  await ws.edit('domains/sales/orders/orders.odcs.yaml', (t) =>
    addColumns(t, column('email', 'pii') + column('region', 'internal') + column('note', 'internal', ['free-text'])),
  );
  await ws.edit('domains/sales/orders/product.odps.yaml', (t) =>
    t.replace(/team:\n {2}name: \S+/, 'team:\n  name: sales-data'),
  );
  await ws.edit('domains/finance/payments/payments.odcs.yaml', (t) =>
    addColumns(t, column('payer', 'PII') + column('iban', 'restricted')),
  );
  await ws.edit('domains/finance/payments/product.odps.yaml', (t) =>
    t.replace(/team:\n {2}name: \S+/, 'team:\n  name: finance-data'),
  );
  for (const [path, text] of Object.entries(files)) await ws.write(path, text);
  return {
    ...ws,
    model: async () => (await loadWorkspaceFromDisk(ws.root, {})).model,
  };
}
