/**
 * The gateway's published test mesh (customers.profiles with e-mail, phone, name, IBAN, region and
 * lifetime value; sales.orders with amount, region and date) with principals, policies, masks and a
 * regional row filter written for the Trino export: every mask strategy appears, and who may read
 * what depends on roles, agreements and attributes.
 */
import { randomUUID } from 'node:crypto';
import type { MeshModel } from '@meshwork/core';
import { loadAccessPolicies } from '../../access/load-access-policies.js';
import { BASE_POLICIES } from '../../access/test-support/access-workspace.js';
import { createGatewayFixture, type GatewayFixture } from '../../gateway/test-support/gateway-fixture.js';
import { loadWorkspaceFromDisk } from '../../workspace/load-workspace-from-disk.js';

export const TRINO_MESH = `apiVersion: meshwork/v1
kind: Mesh
name: trino-test
teams:
  - { id: platform, name: Platform, members: [olga] }
users:
  - { id: olga, name: Olga, roles: [owner] }
  - { id: ana, name: Ana, groups: [analysts], roles: [consumer], attributes: { region: EU } }
  - { id: ben, name: Ben, groups: [analysts], roles: [consumer], attributes: { region: NA } }
  - { id: gus, name: Gus, roles: [governance] }
  - { id: nobody, name: Nobody }
serviceAccounts:
  - { id: robot, roles: [consumer] }
  - { id: trino, description: The Trino cluster. }
iceberg:
  engines: [trino]
`;

/** The access tests' baseline policies: owners do all, consumers query unrestricted ports, agreements grant query. */
export const TRINO_POLICIES = BASE_POLICIES;

export const TRINO_MASKS = `apiVersion: meshwork/v1
kind: MaskingRules
masks:
  - id: iban-redact
    description: Restricted columns are redacted.
    match: { classification: restricted }
    strategy: redact
  - id: email-partial
    description: E-mails keep their first letter and domain.
    match: { columns: ['*/*/email'] }
    strategy: partial
  - id: phone-hash
    description: Phones become a keyed hash.
    match: { columns: ['*/*/phone'] }
    strategy: hash
  - id: value-null
    description: Lifetime values are withheld.
    match: { columns: ['*/*/lifetime_value'] }
    strategy: 'null'
  - id: pii-tokenize
    description: Other PII is tokenised.
    match: { classification: pii }
    strategy: tokenize
`;

export const TRINO_FILTERS = `apiVersion: meshwork/v1
kind: RowFilters
filters:
  - id: regional-rows
    description: Own region only.
    match: { column: region }
    filter: region = principal.region
`;

export interface TrinoFixture extends GatewayFixture {
  /** The model after the test's mesh.yaml and policies were written. */
  readonly meshModel: MeshModel;
  /** Reloads the model after a test rewrote files. */
  reload(): Promise<MeshModel>;
  /** Approves an agreement of `principalId` on the only port of `productId`. */
  agree(principalId: string, productId: string, purpose: string, startsAt: Date, endsAt: Date): Promise<string>;
}

export async function createTrinoFixture(maskingKey: Uint8Array): Promise<TrinoFixture> {
  const fixture = await createGatewayFixture({ maskingKey });
  const ws = fixture.workspace;
  await ws.write('mesh.yaml', TRINO_MESH);
  await ws.write('policies/access/baseline.cedar', TRINO_POLICIES);
  await ws.write('policies/access/masking.yaml', TRINO_MASKS);
  await ws.write('policies/access/row-filters.yaml', TRINO_FILTERS);
  const reload = async () => {
    const { model, diagnostics } = await loadWorkspaceFromDisk(ws.root, {});
    const problems = [...diagnostics, ...loadAccessPolicies(ws.root, model).diagnostics].filter(
      (d) => d.severity === 'error',
    );
    if (problems.length > 0) throw new Error(`trino fixture is invalid: ${JSON.stringify(problems)}`);
    return model;
  };
  const meshModel = await reload();
  return {
    ...fixture,
    meshModel,
    reload,
    async agree(principalId, productId, purpose, startsAt, endsAt) {
      const port = meshModel.products.get(productId)!.outputPorts[0]!;
      const id = randomUUID();
      await fixture.store.createAgreement({
        id,
        principalId,
        productId,
        port: port.name,
        major: port.major,
        purpose,
        startsAt,
        endsAt,
      });
      await fixture.store.updateAgreementStatus({ id, from: 'pending', to: 'approved', by: 'olga' });
      return id;
    },
  };
}
