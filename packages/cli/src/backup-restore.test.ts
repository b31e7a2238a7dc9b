/**
 * `mesh backup` and `mesh restore` end to end, on SQLite and on PostgreSQL: a mesh with
 * published products (one built twice), an approved agreement, a token and its audit trail is
 * backed up, restored into a fresh copy of the workspace (a new database for PostgreSQL), and
 * compared with the original — products, runs, agreements, tokens, the audit chain (verified,
 * same head), current snapshots, and governed query results. A restore refuses a non-empty
 * target and a damaged backup, naming the file; a restore killed before it commits leaves
 * nothing visible, one killed while committing is finished (SQLite) or redone (PostgreSQL).
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createLocalWarehouse,
  createMetadataStore,
  loadWorkspaceFromDisk,
  metadataStoreConfig,
  type BackupManifest,
} from '@meshwork/server';
import { createTestDatabase, postgresServerUrl, type TestDatabase } from '../../../test-support/postgres.js';
import {
  createAccessWorkspace,
  type AccessWorkspace,
} from '../../server/src/agreements/test-support/access-workspace.js';
import { spawnMesh } from './test-support/mesh-process.js';
import { runCli, type CliRun } from './test-support/run-cli.js';

const pgUrl = postgresServerUrl();
const databases: TestDatabase[] = [];
let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'meshwork-backup-'));
});
afterAll(async () => {
  await Promise.all(databases.map((db) => db.drop()));
  await rm(scratch, { recursive: true, force: true });
});

async function database(): Promise<Record<string, string>> {
  const db = await createTestDatabase(pgUrl);
  databases.push(db);
  return { MESHWORK_DATABASE_URL: db.url };
}

const backends = [
  { name: 'SQLite', postgres: false },
  { name: 'PostgreSQL', postgres: true },
];

function ok(run: CliRun): CliRun {
  expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
  return run;
}

/** A copy of the workspace's files as git would hold them: no platform state. */
async function freshCopy(source: string, name: string): Promise<string> {
  const target = join(scratch, name);
  await cp(source, target, { recursive: true, filter: (path) => !path.includes('.meshwork') });
  return target;
}

async function platformState(root: string, env: Record<string, string>) {
  const { model } = await loadWorkspaceFromDisk(root, env);
  const store = await createMetadataStore(metadataStoreConfig(root, model.config, env.MESHWORK_DATABASE_URL));
  const warehouse = createLocalWarehouse({ root: join(root, '.meshwork', 'warehouse') });
  try {
    const tables = await warehouse.listTables();
    return {
      products: (await store.listProducts({ limit: 1000 })).items,
      runs: (await store.listRuns({ limit: 1000 })).items,
      agreements: (await store.listAgreements({ limit: 1000 })).items,
      tokens: (await store.listTokens({ limit: 1000 })).items,
      audit: (await store.listAudit({ limit: 1000 })).items,
      verification: await store.verifyAudit(),
      snapshots: await Promise.all(
        tables.map(async (t) => ({ ...t, current: (await warehouse.currentPointer(t))?.snapshotId })),
      ),
    };
  } finally {
    await store.close();
  }
}

const inAYear = () => new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);
const QUERY = ['query', 'SELECT id, name, amount FROM sales.orders ORDER BY id', '--format', 'json', '--as', 'ana'];

describe.each(backends)('backup and restore on $name', ({ postgres }) => {
  const skip = postgres && !pgUrl;
  let workspace: AccessWorkspace;
  let env: Record<string, string>;
  let backup: string;
  let manifest: BackupManifest;

  beforeAll(async () => {
    if (skip) return;
    workspace = await createAccessWorkspace();
    env = postgres ? await database() : {};
    const mesh = (args: string[], as?: string) =>
      runCli(args, workspace.root, { ...env, ...(as ? { MESHWORK_USER: as } : {}) });
    // A personal column: consumers see it tokenized with the workspace's masking key.
    const contract = join(workspace.root, 'domains/sales/orders/orders.odcs.yaml');
    await writeFile(
      contract,
      (await readFile(contract, 'utf8')).replace(
        'classification: internal\n        description: Display name.',
        'classification: pii\n        description: Display name.',
      ),
    );
    ok(await mesh(['run', '--all']));
    ok(await mesh(['run', 'sales/orders']));
    const requested = ok(
      await mesh(['access', 'request', 'sales.orders', '--purpose', 'Churn study', '--until', inAYear()], 'ana'),
    );
    const id = /: ([0-9a-f-]{36}) \(pending\)/.exec(requested.stdout)![1]!;
    ok(await mesh(['access', 'approve', id, '--note', 'fine'], 'olga'));
    ok(await mesh(['token', 'create', 'adam', '--json']));
    ok(await mesh(QUERY));
    backup = join(scratch, `backup-${postgres ? 'pg' : 'sqlite'}`);
    manifest = JSON.parse(ok(await mesh(['backup', backup, '--json'])).stdout) as BackupManifest;
  });
  afterAll(() => workspace?.dispose());

  it.skipIf(skip)('writes a manifest with checksums of every file', async () => {
    expect(manifest).toMatchObject({
      format: 'meshwork-backup',
      formatVersion: 1,
      mesh: 'access-test',
      store: { kind: postgres ? 'postgres' : 'sqlite', auditHead: { seq: expect.any(Number) } },
      maskingKey: true,
    });
    expect(manifest.warehouse.tables.map((t) => [t.productId, t.snapshots])).toEqual([
      ['marketing.campaigns', 1],
      ['sales.orders', 2],
      ['sales.returns', 1],
    ]);
    const onDisk = JSON.parse(await readFile(join(backup, 'backup.json'), 'utf8')) as BackupManifest;
    expect(onDisk.files.length).toBeGreaterThan(10);
    expect(onDisk.files.every((f) => /^[0-9a-f]{64}$/.test(f.sha256))).toBe(true);
    expect(onDisk.files.some((f) => f.path.includes('.staging') || f.path.includes('.locks'))).toBe(false);
    if (postgres)
      expect(onDisk.store.tables).toEqual(expect.arrayContaining(['products', 'audit_events', 'agreements']));
  });

  it.skipIf(skip)('restores into an empty workspace what the original holds', async () => {
    const target = await freshCopy(workspace.root, `restored-${postgres ? 'pg' : 'sqlite'}`);
    const targetEnv = postgres ? await database() : {};
    const restored = ok(await runCli(['restore', backup], target, targetEnv));
    expect(restored.stdout).toContain(`Restored ${backup}`);
    const original = await platformState(workspace.root, env);
    const copy = await platformState(target, targetEnv);
    expect(copy.verification).toEqual(original.verification);
    expect(copy.verification).toMatchObject({ ok: true, count: manifest.store.auditHead!.seq });
    expect(copy.audit).toEqual(original.audit);
    expect(copy.products).toEqual(original.products);
    expect(copy.runs).toEqual(original.runs);
    expect(copy.agreements).toEqual(original.agreements);
    expect(copy.agreements).toEqual([expect.objectContaining({ principalId: 'ana', status: 'approved' })]);
    expect(copy.tokens).toEqual(original.tokens);
    expect(copy.snapshots).toEqual(original.snapshots);
    const rows = async (root: string, rootEnv: Record<string, string>) =>
      (JSON.parse(ok(await runCli(QUERY, root, rootEnv)).stdout) as { rows: string[][] }).rows;
    const restoredRows = await rows(target, targetEnv);
    expect(restoredRows).toEqual(await rows(workspace.root, env));
    expect(restoredRows).toEqual([
      ['1', expect.stringMatching(/^tok_/), '10.50'],
      ['2', expect.stringMatching(/^tok_/), '20.00'],
    ]);
    // A second restore into it is refused: it is not empty any more.
    const again = await runCli(['restore', backup], target, targetEnv);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('MW8314');
  });

  it.skipIf(skip)(
    'finishes or redoes a restore killed while committing, and shows nothing of one killed before',
    async () => {
      const target = await freshCopy(workspace.root, `killed-${postgres ? 'pg' : 'sqlite'}`);
      const targetEnv = postgres ? await database() : {};
      for (const point of ['restore-staged', 'restore-committing']) {
        const child = spawnMesh(['restore', backup], target, { ...targetEnv, MESHWORK_FAULT_PAUSE_AT: point });
        await child.paused(point, 120_000);
        await child.killHard();
        // Killed before its renames: no warehouse, no store data, whatever was staged.
        expect(existsSync(join(target, '.meshwork', 'warehouse')), point).toBe(false);
        const state = await platformState(target, targetEnv);
        expect([state.products, state.audit, state.snapshots], point).toEqual([[], [], []]);
      }
      expect(existsSync(join(target, '.meshwork', 'restore-journal.json'))).toBe(true);
      // Nothing opens the half-restored workspace until the restore is finished (MW8320).
      const backupAgain = ['backup', join(target, '..', `again-${postgres ? 'pg' : 'sqlite'}`)];
      for (const args of [QUERY, ['run', '--all'], ['serve', '--port', '0', '--wire-port', '0'], backupAgain]) {
        const refused = await runCli(args, target, targetEnv);
        expect(refused.code, args[0]).not.toBe(0);
        expect(refused.stderr, args[0]).toContain('MW8320');
        expect(refused.stderr, args[0]).toContain(`mesh restore ${backup}`);
      }
      const resumed = ok(await runCli(['restore', backup], target, targetEnv));
      expect(resumed.stdout).toContain(postgres ? `Restored ${backup}` : 'Finished the interrupted restore');
      expect(existsSync(join(target, '.meshwork', 'restore-journal.json'))).toBe(false);
      const copy = await platformState(target, targetEnv);
      expect(copy.verification).toMatchObject({ ok: true, count: manifest.store.auditHead!.seq });
      expect(copy.snapshots.map((s) => s.current)).toEqual(manifest.warehouse.tables.map((t) => t.snapshotId));
    },
  );
});

describe('refused backups and restores', () => {
  let workspace: AccessWorkspace;
  let backup: string;
  beforeAll(async () => {
    workspace = await createAccessWorkspace();
    ok(await runCli(['run', 'sales/orders'], workspace.root));
    backup = join(scratch, 'backup-refusals');
    ok(await runCli(['backup', backup], workspace.root));
  });
  afterAll(() => workspace?.dispose());

  it('refuses to back up into a folder that is not empty', async () => {
    const run = await runCli(['backup', backup], workspace.root);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/MW8310: cannot back up into .*backup-refusals: it holds \d+ entries/);
  });

  it('refuses a damaged backup, naming the file, and writes nothing', async () => {
    const damaged = join(scratch, 'backup-damaged');
    await cp(backup, damaged, { recursive: true });
    const manifest = JSON.parse(await readFile(join(damaged, 'backup.json'), 'utf8')) as BackupManifest;
    const parquet = manifest.files.find((f) => f.path.endsWith('.parquet'))!.path;
    const bytes = await readFile(join(damaged, parquet));
    const middle = bytes.length >> 1;
    bytes[middle] = bytes[middle]! ^ 0xff;
    await writeFile(join(damaged, parquet), bytes);
    const target = await freshCopy(workspace.root, 'restored-from-damaged');
    const run = await runCli(['restore', damaged], target);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `MW8313: the backup ${damaged} is damaged: ${parquet}: its SHA-256 does not match backup.json`,
    );
    expect(existsSync(join(target, '.meshwork', 'warehouse'))).toBe(false);
    expect(existsSync(join(target, '.meshwork', 'meshwork.db'))).toBe(false);
  });

  it('refuses a folder that is not a backup', async () => {
    const target = await freshCopy(workspace.root, 'restored-from-nothing');
    const run = await runCli(['restore', scratch], target);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`MW8311: ${scratch} is not a Meshwork backup`);
  });

  it.skipIf(!pgUrl)('refuses a backup of another store kind', async () => {
    const target = await freshCopy(workspace.root, 'restored-into-postgres');
    const run = await runCli(['restore', backup], target, await database());
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('MW8315');
  });
});
