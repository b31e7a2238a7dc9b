/**
 * A served workspace for the contract routes' tests: sales.orders registered as published, then
 * its contract edited to lose the `amount` column (so published and workspace differ), and
 * sales.secret hidden by an access policy from everyone outside its owning team. Real
 * `mesh serve` (startPlatform), real API tokens for olga (owner) and ana (consumer).
 */
import type { MeshModel } from '@meshwork/core';
import { registerProducts } from '../../catalog/register-products.js';
import { createMetadataStore, defaultSqlitePath } from '../../metadata/create-metadata-store.js';
import { startPlatform, type RunningPlatform } from '../../platform/start-platform.js';
import { createTempWorkspace, type TempWorkspace } from '../../test-support/temp-workspace.js';
import { loadWorkspaceFromDisk } from '../../workspace/load-workspace-from-disk.js';

const HIDDEN = `@id("secret-hidden")
@description("Only the owning team finds sales.secret.")
forbid (principal, action == Meshwork::Action::"discover", resource == Meshwork::Product::"sales.secret")
unless { principal in Meshwork::Team::"platform" };
`;

export interface ChangedContractPlatform {
  readonly ws: TempWorkspace;
  readonly platform: RunningPlatform;
  /** The model as loaded before the edit (contract ids of sales.orders and sales.secret). */
  readonly model: MeshModel;
  /** GET as olga, ana, or without a credential (null). */
  get<T>(as: 'olga' | 'ana' | null, path: string): Promise<{ status: number; body: T }>;
  close(): Promise<void>;
}

export async function startChangedContractPlatform(meshName: string): Promise<ChangedContractPlatform> {
  const ws = await createTempWorkspace([
    ['sales', 'orders'],
    ['sales', 'secret'],
  ]);
  await ws.write(
    'mesh.yaml',
    `apiVersion: meshwork/v1
kind: Mesh
name: ${meshName}
teams:
  - { id: platform, name: Platform, members: [olga] }
users:
  - { id: olga, name: Olga, teams: [platform], roles: [owner] }
  - { id: ana, name: Ana, roles: [consumer] }
`,
  );
  await ws.write('policies/access/hidden.cedar', HIDDEN);
  const { model, diagnostics } = await loadWorkspaceFromDisk(ws.root, {});
  const store = await createMetadataStore({ kind: 'sqlite', path: defaultSqlitePath(ws.root) });
  await registerProducts(store, model, diagnostics, 'test', ['sales.orders']);
  await store.close();
  // After publication, the workspace's contract loses the amount column.
  await ws.edit('domains/sales/orders/orders.odcs.yaml', (text) =>
    text.replace(/ {6}- name: amount\n(?: {8}.*\n)+/, ''),
  );
  const platform = await startPlatform({ root: ws.root, env: {}, port: 0, wirePort: false });
  const tokens: Record<string, string> = {};
  for (const id of ['olga', 'ana']) {
    tokens[id] = (await platform.services.authenticator.tokens.create(id, { createdBy: 'test' })).token;
  }
  return {
    ws,
    platform,
    model,
    get: async <T>(as: 'olga' | 'ana' | null, path: string) => {
      const response = await fetch(`${platform.url}${path}`, {
        headers: as ? { authorization: `Bearer ${tokens[as]}` } : {},
      });
      return { status: response.status, body: (await response.json()) as T };
    },
    close: async () => {
      await platform.close();
      await ws.dispose();
    },
  };
}
