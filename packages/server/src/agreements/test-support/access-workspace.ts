/**
 * A real workspace for access tests: two domains owned by different teams, an owner, a
 * governance member, an admin, two consumers and a service account. Made with the same
 * scaffolding users run, then given the mesh.yaml below.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initWorkspace, newDomain, newProduct } from '../../scaffold/scaffold-service.js';

export const ACCESS_MESH_YAML = `apiVersion: meshwork/v1
kind: Mesh
name: access-test
governance:
  council: governance-council
teams:
  - id: sales-data
    members: [olga]
  - id: marketing-analytics
    members: [mia]
  - id: governance-council
    members: [gus]
  - id: platform
    members: [adam]
users:
  - id: olga
    roles: [owner]
  - id: mia
    roles: [owner]
  - id: gus
    roles: [governance]
  - id: adam
    roles: [admin]
  - id: ana
    roles: [consumer]
  - id: ben
    roles: [consumer]
serviceAccounts:
  - id: churn-bot
    team: marketing-analytics
    roles: [consumer]
`;

export interface AccessWorkspace {
  readonly root: string;
  /** Replaces mesh.yaml (e.g. to add webhooks). */
  writeMeshYaml(text: string): Promise<void>;
  dispose(): Promise<void>;
}

export async function createAccessWorkspace(): Promise<AccessWorkspace> {
  const parent = await mkdtemp(join(tmpdir(), 'meshwork-access-'));
  const root = await initWorkspace(join(parent, 'mesh'), 'access-test');
  await writeFile(join(root, 'mesh.yaml'), ACCESS_MESH_YAML);
  await newDomain(root, 'sales', 'sales-data');
  await newDomain(root, 'marketing', 'marketing-analytics');
  await newProduct(root, 'sales', 'orders');
  await newProduct(root, 'sales', 'returns');
  await newProduct(root, 'marketing', 'campaigns');
  return {
    root,
    writeMeshYaml: (text) => writeFile(join(root, 'mesh.yaml'), text),
    dispose: () => rm(parent, { recursive: true, force: true }),
  };
}
