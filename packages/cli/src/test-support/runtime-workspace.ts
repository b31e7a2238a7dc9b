/**
 * Workspaces for runtime tests: scaffolded by the same code as `mesh new product` (a product
 * reading `data/sample.csv`), plus what a test needs to look at afterwards — the current
 * snapshot of a port read back through the warehouse and DuckDB, the runs in the metadata store,
 * and what staging and locks are left on disk.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { createLocalWarehouse, defaultWarehouseRoot, type SnapshotManifest, type Warehouse } from '@meshwork/server';
import { createTempWorkspace, type TempWorkspace } from '../../../server/src/test-support/temp-workspace.js';
import { runCli, type CliRun } from './run-cli.js';

export interface RuntimeWorkspace extends TempWorkspace {
  /** `mesh <args>` in-process, in the workspace, with `env` added. */
  mesh(args: readonly string[], env?: Record<string, string>): Promise<CliRun>;
  /** `mesh <args> --json`, parsed; fails the test when stdout is not one JSON value. */
  meshJson<T>(args: readonly string[], env?: Record<string, string>): Promise<{ run: CliRun; value: T }>;
  readonly warehouse: Warehouse;
  /** The current snapshot of a port with its rows (sorted by the first column), or undefined. */
  current(productId: string, port: string, major?: number): Promise<CurrentData | undefined>;
  /** Every file and folder left under the tables' `.staging` folders and the scratch folder. */
  leftovers(): Promise<string[]>;
  /** Lock files (not temporaries) in the warehouse. */
  locks(): Promise<string[]>;
}

export interface CurrentData {
  readonly manifest: SnapshotManifest;
  readonly rows: Record<string, unknown>[];
}

export async function createRuntimeWorkspace(
  products: ReadonlyArray<readonly [domain: string, product: string, archetype?: string]>,
  options: { readonly warehouseRoot?: string } = {},
): Promise<RuntimeWorkspace> {
  const base = await createTempWorkspace(products);
  const warehouseRoot = options.warehouseRoot ?? defaultWarehouseRoot(base.root);
  const warehouse = createLocalWarehouse({ root: warehouseRoot });
  const mesh = (args: readonly string[], env: Record<string, string> = {}) => runCli(args, base.root, env);
  return {
    ...base,
    warehouse,
    mesh,
    meshJson: async <T>(args: readonly string[], env: Record<string, string> = {}) => {
      const run = await mesh([...args, '--json'], env);
      try {
        return { run, value: JSON.parse(lastJsonValue(run.stdout)) as T };
      } catch {
        throw new Error(
          `mesh ${args.join(' ')} --json printed no JSON (exit ${run.code}):\n${run.stdout}\n${run.stderr}`,
        );
      }
    },
    current: async (productId, port, major = 1) => {
      const table = { productId, port, major };
      const manifest = await warehouse.current(table);
      if (!manifest) return undefined;
      const files = await warehouse.snapshotFiles(table, manifest.snapshotId);
      return { manifest, rows: await readParquet(files) };
    },
    leftovers: async () => {
      const found: string[] = [];
      for (const staging of await findFolders(warehouseRoot, '.staging'))
        for (const name of await readdir(staging)) found.push(join(staging, name));
      const scratch = join(base.root, '.meshwork', 'tmp');
      if (existsSync(scratch)) for (const name of await readdir(scratch)) found.push(join(scratch, name));
      return found;
    },
    locks: async () => {
      const folder = join(warehouseRoot, '.locks');
      return existsSync(folder) ? (await readdir(folder)).filter((name) => name.endsWith('.lock')) : [];
    },
  };
}

/** Rows of Parquet files through DuckDB's own reader, sorted by the first column, as JSON values. */
export async function readParquet(files: readonly string[]): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const list = files.map((f) => `'${f.replace(/'/g, "''")}'`).join(', ');
    const result = await connection.runAndReadAll(`SELECT * FROM read_parquet([${list}]) ORDER BY 1`);
    return result.getRowObjectsJson() as Record<string, unknown>[];
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** The last top-level JSON value of a `--json` output (run progress prints JSON lines first). */
function lastJsonValue(stdout: string): string {
  const text = stdout.trimEnd();
  const lines = text.split('\n');
  // `out.value` pretty-prints: the value starts at the last line that opens an object or array.
  for (let i = lines.length - 1; i >= 0; i -= 1) {
    if (/^[[{]/.test(lines[i]!)) {
      const candidate = lines.slice(i).join('\n');
      try {
        JSON.parse(candidate);
        return candidate;
      } catch {
        // an inner line; keep looking upwards
      }
    }
  }
  return text;
}

async function findFolders(root: string, name: string): Promise<string[]> {
  if (!existsSync(root)) return [];
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const path = join(dir, entry.name);
      if (entry.name === name) found.push(path);
      else await walk(path);
    }
  };
  await walk(root);
  return found;
}

/**
 * Gives the scaffolded sales.orders a v2 of its `orders` port (amounts in cents, no created_on):
 * a second contract, a second ODPS output port and a second pipeline output.
 */
export async function addOrdersV2(ws: TempWorkspace): Promise<{ readonly contractId: string }> {
  const dir = 'domains/sales/orders';
  const contractId = '11111111-2222-4333-8444-555555555555';
  const v1 = await ws.read(`${dir}/orders.odcs.yaml`);
  await ws.write(
    `${dir}/orders-v2.odcs.yaml`,
    v1
      .replace(/^id: .*$/m, `id: ${contractId}`)
      .replace('version: 1.0.0', 'version: 2.0.0')
      .replace(
        / {6}- name: created_on[\s\S]*?(?= {4}quality:)/,
        '      - name: amount_cents\n        logicalType: integer\n        physicalType: INTEGER\n',
      )
      .replace(/ {6}- name: amount\n[\s\S]*?(?= {6}- name: amount_cents)/, ''),
  );
  await ws.edit(
    `${dir}/product.odps.yaml`,
    (yaml) =>
      `${yaml}\n  - name: orders\n    description: Orders v2, amounts in cents.\n    type: tables\n    version: 2.0.0\n    contractId: ${contractId}\n`,
  );
  await ws.write(`${dir}/orders_v2.sql`, 'SELECT id, name, (amount * 100)::INTEGER AS amount_cents FROM orders');
  await ws.edit(`${dir}/pipeline.yaml`, (yaml) =>
    yaml
      .replace(
        'steps:\n  - name: orders\n    sql: orders.sql\n',
        'steps:\n  - name: orders\n    sql: orders.sql\n  - name: orders_v2\n    sql: orders_v2.sql\n',
      )
      .replace(
        'outputs:\n  - port: orders\n    from: orders\n',
        'outputs:\n  - port: orders\n    from: orders\n    majorVersion: 1\n  - port: orders\n    from: orders_v2\n    majorVersion: 2\n',
      ),
  );
  return { contractId };
}
