/** A small mesh with users, teams and a service account, loaded by core's real loader. */
import { hasErrors, loadWorkspace, type MeshModel } from '@meshwork/core';

export const MESH_YAML = `apiVersion: meshwork/v1
kind: Mesh
name: identity-test
teams:
  - id: sales
    members: [alice]
  - id: finance
  - id: platform
users:
  - id: alice
    name: Alice
    email: alice@example.com
    teams: [finance]
    groups: [analysts]
    roles: [consumer]
    attributes: { region: EU, level: 3, contractor: false }
  - id: bob
    name: Bob
    roles: [owner]
serviceAccounts:
  - id: etl-bot
    team: platform
    roles: [producer]
`;

/** The model of MESH_YAML plus `extra` (YAML appended at the top level, e.g. an `identity:` block). */
export function meshModel(extra = '', base = MESH_YAML): MeshModel {
  const result = loadWorkspace({ files: new Map([['mesh.yaml', `${base}${extra}`]]) });
  if (hasErrors(result.diagnostics)) throw new Error(JSON.stringify(result.diagnostics, null, 2));
  return result.model;
}

/** MESH_YAML without bob, as after someone removed him from mesh.yaml. */
export function meshModelWithout(userId: string): MeshModel {
  const lines = MESH_YAML.split('\n');
  const start = lines.indexOf(`  - id: ${userId}`);
  const end = lines.findIndex((line, i) => i > start && (line.startsWith('  - ') || !line.startsWith('  ')));
  return meshModel('', [...lines.slice(0, start), ...lines.slice(end)].join('\n'));
}
