/**
 * A small published mesh for gateway tests: `customers.profiles` (personal data: e-mail, phone,
 * name, IBAN, region) and `sales.orders` (joins on customer_id, has a region), built and published
 * by the real runtime into a real warehouse, plus a sandboxed gateway over them.
 */
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { MeshModel } from '@meshwork/core';
import type { Authorizer } from '../../access/access-types.js';
import { createMetadataStore, defaultSqlitePath } from '../../metadata/create-metadata-store.js';
import type { MetadataStore } from '../../metadata/metadata-store.js';
import { createRunEngine } from '../../runtime/duckdb-session.js';
import { runProducts } from '../../runtime/run-products.js';
import { createTempWorkspace, type TempWorkspace } from '../../test-support/temp-workspace.js';
import { createLocalWarehouse, defaultWarehouseRoot } from '../../warehouse/local/create-local-warehouse.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import { loadWorkspaceFromDisk } from '../../workspace/load-workspace-from-disk.js';
import {
  createQueryGateway,
  type GatewayLimits,
  type GovernedQueryGateway,
  type QueryUsage,
} from '../query-gateway.js';
import type { SandboxPoolOptions } from '../sandbox-connection-pool.js';
import type { AgreementLookup } from '../../access/access-types.js';
import { RelationCatalog } from '../relation-catalog.js';

export const PROFILES_CSV = [
  'customer_id,email,phone,full_name,region,iban,lifetime_value',
  'c1,jane.doe@example.com,+44 20 7946 0958,Jane Doe,EU,GB82WEST12345698765432,1200.50',
  'c2,john.roe@example.org,+1 202 555 0143,John Roe,NA,DE89370400440532013000,80.00',
  'c3,ana.lima@example.net,+55 11 91234 5678,Ana Lima,LATAM,FR1420041010050500013M02606,455.25',
  'c4,li.wei@example.com,+86 10 1234 5678,Li Wei,APAC,NL91ABNA0417164300,3000.00',
  'c5,max.mustermann@example.de,+49 30 123456,Max Mustermann,EU,DE44500105175407324931,15.75',
].join('\n');

export const ORDERS_CSV = [
  'order_id,customer_id,amount,region,ordered_on',
  'o1,c1,100.00,EU,2026-01-03',
  'o2,c1,50.00,EU,2026-01-04',
  'o3,c2,75.50,NA,2026-01-05',
  'o4,c3,20.00,LATAM,2026-01-06',
  'o5,c4,999.99,APAC,2026-01-07',
  'o6,c5,10.00,EU,2026-01-08',
].join('\n');

const column = (name: string, type: string, classification: string, extra = '') =>
  `      - name: ${name}\n        logicalType: ${logical(type)}\n        physicalType: ${type}\n` +
  `        classification: ${classification}\n        description: ${name.replace(/_/g, ' ')}.\n${extra}`;

function logical(type: string): string {
  if (type.startsWith('DECIMAL')) return 'number';
  if (type === 'DATE') return 'date';
  return 'string';
}

const KEY = '        required: true\n        unique: true\n        primaryKey: true\n        primaryKeyPosition: 1\n';

export interface GatewayFixture {
  readonly workspace: TempWorkspace;
  readonly model: MeshModel;
  readonly warehouse: Warehouse;
  readonly store: MetadataStore;
  readonly catalog: RelationCatalog;
  readonly usage: QueryUsage[];
  /** The key of the keyed-hash and tokenising masks, for tests that look for it in messages. */
  readonly maskingKey: Uint8Array;
  gateway(
    authorizer: Authorizer,
    limits?: Partial<GatewayLimits>,
    connectionPool?: SandboxPoolOptions,
    agreements?: AgreementLookup,
  ): Promise<GovernedQueryGateway>;
  dispose(): Promise<void>;
}

export interface GatewayFixtureOptions {
  /** A fixed key makes tokens reproducible (property tests); random by default. */
  readonly maskingKey?: Uint8Array;
}

export async function createGatewayFixture(options: GatewayFixtureOptions = {}): Promise<GatewayFixture> {
  const workspace = await createTempWorkspace([
    ['customers', 'profiles'],
    ['sales', 'orders'],
  ]);
  await writeProduct(workspace, 'customers/profiles', 'profiles', PROFILES_CSV, [
    column('customer_id', 'VARCHAR', 'internal', KEY),
    column('email', 'VARCHAR', 'pii'),
    column('phone', 'VARCHAR', 'pii'),
    column('full_name', 'VARCHAR', 'pii'),
    column('region', 'VARCHAR', 'internal'),
    column('iban', 'VARCHAR', 'restricted'),
    column('lifetime_value', 'DECIMAL(12,2)', 'confidential'),
  ]);
  await writeProduct(workspace, 'sales/orders', 'orders', ORDERS_CSV, [
    column('order_id', 'VARCHAR', 'internal', KEY),
    column('customer_id', 'VARCHAR', 'internal'),
    column('amount', 'DECIMAL(12,2)', 'internal'),
    column('region', 'VARCHAR', 'internal'),
    column('ordered_on', 'DATE', 'internal'),
  ]);
  const { model, diagnostics } = await loadWorkspaceFromDisk(workspace.root, {});
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`fixture workspace is invalid: ${JSON.stringify(errors)}`);
  const store = await createMetadataStore({ kind: 'sqlite', path: defaultSqlitePath(workspace.root) });
  const warehouseRoot = defaultWarehouseRoot(workspace.root);
  const warehouse = createLocalWarehouse({ root: warehouseRoot });
  const engine = createRunEngine({ tempDirectory: join(workspace.root, '.meshwork/tmp') });
  const results = await runProducts(
    { model, root: workspace.root, store, warehouse, engine },
    diagnostics,
    ['customers.profiles', 'sales.orders'],
    { trigger: 'manual', requestedBy: 'test' },
  );
  engine.close();
  const failed = results.filter((r) => r.outcome !== 'succeeded');
  if (failed.length > 0) throw new Error(`fixture products failed to build: ${JSON.stringify(failed)}`);
  const catalog = new RelationCatalog(model, warehouse);
  const usage: QueryUsage[] = [];
  const gateways: GovernedQueryGateway[] = [];
  const maskingKey = options.maskingKey ?? randomBytes(32);
  return {
    workspace,
    model,
    warehouse,
    store,
    catalog,
    usage,
    maskingKey,
    gateway: async (authorizer, limits, connectionPool, agreements) => {
      const gateway = await createQueryGateway({
        catalog,
        authorizer,
        warehouseRoot,
        tempDirectory: join(workspace.root, '.meshwork/tmp/gateway'),
        maskingKey,
        threads: 1,
        memoryLimit: '512MB',
        ...(limits ? { limits } : {}),
        ...(connectionPool ? { connectionPool } : {}),
        ...(agreements ? { agreements } : {}),
        onUsage: (u) => usage.push(u),
      });
      gateways.push(gateway);
      return gateway;
    },
    dispose: async () => {
      for (const gateway of gateways) await gateway.close();
      await store.close();
      await workspace.dispose();
    },
  };
}

async function writeProduct(ws: TempWorkspace, folder: string, name: string, csv: string, columns: string[]) {
  const header = csv.split('\n')[0]!.split(',');
  const types = columns.map((c) => /physicalType: (.*)/.exec(c)![1]!);
  await ws.write(`domains/${folder}/data/sample.csv`, `${csv}\n`);
  await ws.write(
    `domains/${folder}/${name}.sql`,
    `SELECT ${header.map((h, i) => `CAST(${h} AS ${types[i]}) AS ${h}`).join(', ')} FROM raw_input\n`,
  );
  await ws.edit(`domains/${folder}/${name}.odcs.yaml`, (text) => {
    const start = text.indexOf('    properties:\n');
    const end = text.indexOf('\n    quality:\n', start);
    return `${text.slice(0, start)}    properties:\n${columns.join('')}${text.slice(end + 1)}`;
  });
}
