/**
 * A served mesh for the Iceberg catalog's tests: `mesh serve` (startPlatform) on a workspace whose
 * products were built for real (DuckDB, the local warehouse), with real API tokens.
 *
 * - sales.orders: internal columns only — consumers read it raw;
 * - sales.customers: `name` is PII, tokenised for everyone but its owning team (platform);
 * - sales.secret: not discoverable outside the platform team;
 * - finance.ledger: `amount` is restricted — consumers may not query it, admins see it redacted.
 *
 * Principals: adam (admin), ana (consumer), ben (no role), olga (platform team: owns every
 * product), trino (a service account with the consumer role, listed in `iceberg.engines`).
 * The catalog is named `lake`. `databaseUrl` puts the metadata store on PostgreSQL; `sharedWith`
 * starts a second server of the same mesh on the first one's warehouse (scale-out).
 */
import { join, relative } from 'node:path';
import { IcebergRestCatalog } from 'iceberg-js';
import { expect } from 'vitest';
import { createMetadataStore, defaultSqlitePath } from '../../../metadata/create-metadata-store.js';
import { startPlatform, type RunningPlatform } from '../../../platform/start-platform.js';
import { createRunEngine } from '../../../runtime/duckdb-session.js';
import { runProducts } from '../../../runtime/run-products.js';
import { createTempWorkspace, type TempWorkspace } from '../../../test-support/temp-workspace.js';
import { createLocalWarehouse, defaultWarehouseRoot } from '../../../warehouse/local/create-local-warehouse.js';
import { loadWorkspaceFromDisk } from '../../../workspace/load-workspace-from-disk.js';

export const PRINCIPALS = ['adam', 'ana', 'ben', 'olga', 'trino'] as const;
export type TestPrincipal = (typeof PRINCIPALS)[number];

export const PRODUCTS = ['sales.orders', 'sales.customers', 'sales.secret', 'finance.ledger'] as const;

const HIDDEN = `@id("secret-hidden")
@description("Only the owning team finds sales.secret.")
forbid (principal, action == Meshwork::Action::"discover", resource == Meshwork::Product::"sales.secret")
unless { principal in Meshwork::Team::"platform" };
`;

function meshYaml(warehouse: string | undefined): string {
  return `apiVersion: meshwork/v1
kind: Mesh
name: iceberg-test
teams:
  - { id: platform, name: Platform, members: [olga] }
users:
  - { id: adam, name: Adam, roles: [admin] }
  - { id: ana, name: Ana, roles: [consumer] }
  - { id: ben, name: Ben }
  - { id: olga, name: Olga, teams: [platform], roles: [owner] }
serviceAccounts:
  - { id: trino, description: Trino, roles: [consumer] }
iceberg:
  catalogName: lake
  engines: [trino]
${warehouse ? `warehouse:\n  path: ${warehouse}\n` : ''}`;
}

export interface CatalogPlatform {
  readonly ws: TempWorkspace;
  readonly platform: RunningPlatform;
  /** `http://127.0.0.1:<port>/iceberg`. */
  readonly base: string;
  token(principal: TestPrincipal): string;
  /** An iceberg-js client as the principal; with the catalog name it uses the `{prefix}` routes. */
  client(principal: TestPrincipal, options?: { readonly catalogName?: string }): IcebergRestCatalog;
  /** fetch under /iceberg as the principal (null: no credential). */
  fetch(principal: TestPrincipal | null, path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

export interface CatalogPlatformOptions {
  /** PostgreSQL for the metadata store (MESHWORK_DATABASE_URL); SQLite in the workspace otherwise. */
  readonly databaseUrl?: string;
  /** mesh.yaml `warehouse.path`, relative to the workspace. */
  readonly warehouse?: string;
  /**
   * Another server of the same mesh: a copy of the workspace whose warehouse is `sharedWith`'s
   * (pass the same `databaseUrl` to share the metadata store too).
   */
  readonly sharedWith?: CatalogPlatform;
}

export async function startCatalogPlatform(options: CatalogPlatformOptions = {}): Promise<CatalogPlatform> {
  const ws = await createTempWorkspace(PRODUCTS.map((id) => id.split('.') as [string, string]));
  const shared = options.sharedWith?.platform.services.warehouse.location;
  await prepareWorkspace(ws, shared ? relative(ws.root, shared) : options.warehouse);
  const env = options.databaseUrl ? { MESHWORK_DATABASE_URL: options.databaseUrl } : {};
  if (!shared) await buildProducts(ws, options);
  const platform = await startPlatform({ root: ws.root, env, port: 0, wirePort: false });
  const tokens = new Map<string, string>();
  for (const id of PRINCIPALS) {
    tokens.set(id, (await platform.services.authenticator.tokens.create(id, { createdBy: 'test' })).token);
  }
  const base = `${platform.url}/iceberg`;
  const token = (principal: TestPrincipal) => tokens.get(principal)!;
  return {
    ws,
    platform,
    base,
    token,
    client: (principal, clientOptions = {}) =>
      new IcebergRestCatalog({
        baseUrl: base,
        auth: { type: 'bearer', token: token(principal) },
        ...(clientOptions.catalogName ? { catalogName: clientOptions.catalogName } : {}),
      }),
    fetch: (principal, path, init = {}) =>
      fetch(`${base}${path}`, {
        ...init,
        headers: { ...(principal ? { authorization: `Bearer ${token(principal)}` } : {}), ...(init.headers ?? {}) },
      }),
    close: async () => {
      await platform.close();
      await ws.dispose();
    },
  };
}

async function prepareWorkspace(ws: TempWorkspace, warehouse: string | undefined): Promise<void> {
  await ws.write('mesh.yaml', meshYaml(warehouse));
  await ws.write('policies/access/hidden.cedar', HIDDEN);
  const classify = (file: string, column: string, classification: string) =>
    ws.edit(file, (text) =>
      text.replace(
        new RegExp(`(- name: ${column}\\n(?: {8}.*\\n)*? {8}classification: )internal`),
        `$1${classification}`,
      ),
    );
  await classify('domains/sales/customers/customers.odcs.yaml', 'name', 'pii');
  await classify('domains/finance/ledger/ledger.odcs.yaml', 'amount', 'restricted');
}

async function buildProducts(ws: TempWorkspace, options: CatalogPlatformOptions): Promise<void> {
  const { model, diagnostics } = await loadWorkspaceFromDisk(ws.root, {});
  const store = await createMetadataStore(
    options.databaseUrl
      ? { kind: 'postgres', url: options.databaseUrl }
      : { kind: 'sqlite', path: defaultSqlitePath(ws.root) },
  );
  const engine = createRunEngine({ tempDirectory: join(ws.root, '.meshwork/tmp') });
  const root = options.warehouse ? join(ws.root, options.warehouse) : defaultWarehouseRoot(ws.root);
  const warehouse = createLocalWarehouse({ root });
  try {
    const results = await runProducts({ model, root: ws.root, store, warehouse, engine }, diagnostics, [...PRODUCTS], {
      trigger: 'manual',
      requestedBy: 'test',
    });
    const outcomes = Object.fromEntries(results.map((r) => [r.productId, r.outcome]));
    expect(outcomes).toEqual(Object.fromEntries(PRODUCTS.map((id) => [id, 'succeeded'])));
  } finally {
    engine.close();
    await store.close();
  }
}
