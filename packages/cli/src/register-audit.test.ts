/**
 * `mesh register` records products and immutable document versions, and `mesh audit verify`
 * proves the log intact — or names the event someone changed behind Meshwork's back. Runs on
 * the embedded SQLite store and on PostgreSQL (MESHWORK_DATABASE_URL).
 */
import Database from 'better-sqlite3';
import pg from 'pg';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, postgresServerUrl, type TestDatabase } from '../../../test-support/postgres.js';
import { runCli } from './test-support/run-cli.js';

interface Backend {
  readonly name: string;
  env(): Record<string, string>;
  tamper(root: string): Promise<void>;
}

let pgDatabase: TestDatabase | undefined;
const pgUrl = postgresServerUrl();

const backends: Backend[] = [
  {
    name: 'SQLite',
    env: () => ({}),
    tamper: async (root) => {
      const db = new Database(join(root, '.meshwork/meshwork.db'));
      db.exec(`drop trigger if exists audit_events_no_update; update audit_events set actor = 'mallory' where seq = 2`);
      db.close();
    },
  },
  {
    name: 'PostgreSQL',
    env: () => ({ MESHWORK_DATABASE_URL: pgDatabase!.url }),
    tamper: async () => {
      const client = new pg.Client({ connectionString: pgDatabase!.url });
      await client.connect();
      await client.query(
        `alter table audit_events disable trigger user; update audit_events set actor = 'mallory' where seq = 2`,
      );
      await client.end();
    },
  },
];

let parent: string;
beforeAll(async () => {
  parent = await mkdtemp(join(tmpdir(), 'meshwork-register-'));
  if (pgUrl) pgDatabase = await createTestDatabase(pgUrl);
});
afterAll(async () => {
  await rm(parent, { recursive: true, force: true });
  await pgDatabase?.drop();
});

describe.each(backends)('mesh register and mesh audit on $name', (backend) => {
  const skip = backend.name === 'PostgreSQL' && !pgUrl;
  it.skipIf(skip)(
    'registers, refuses a changed document under the same version, verifies and detects tampering',
    async () => {
      const root = join(parent, backend.name);
      const env = { ...backend.env(), MESHWORK_USER: 'olga' };
      expect((await runCli(['init', root], parent)).code).toBe(0);
      expect((await runCli(['new', 'domain', 'sales'], root)).code).toBe(0);
      expect((await runCli(['new', 'product', 'sales/orders'], root)).code).toBe(0);
      expect((await runCli(['new', 'product', 'sales/refunds'], root)).code).toBe(0);

      const first = await runCli(['register', '--json'], root, env);
      expect(first.code, first.stderr).toBe(0);
      const result = JSON.parse(first.stdout);
      expect(result).toMatchObject({ products: 2, unchanged: 0 });
      expect(result.newVersions).toHaveLength(4);

      const again = JSON.parse((await runCli(['register', '--json'], root, env)).stdout);
      expect(again).toMatchObject({ products: 2, newVersions: [], unchanged: 4 });

      const contract = join(root, 'domains/sales/orders/orders.odcs.yaml');
      const original = await readFile(contract, 'utf8');
      await writeFile(contract, original.replace('Display name.', 'The display name.'));
      const changed = await runCli(['register'], root, env);
      expect(changed.code).toBe(1);
      expect(changed.stderr).toMatch(
        /MW6102: sales\.orders: contract .* version 1\.0\.0 was already registered with different content/,
      );
      await writeFile(
        contract,
        original.replace('Display name.', 'The display name.').replace(/^version: 1\.0\.0$/m, 'version: 1.0.1'),
      );
      expect((await runCli(['register'], root, env)).code).toBe(0);

      const log = JSON.parse((await runCli(['audit', 'log', '--json'], root, env)).stdout);
      expect(log.items).toHaveLength(5);
      expect(log.items[0]).toMatchObject({
        seq: 1,
        actor: 'olga',
        action: 'descriptor.registered',
        resource: 'urn:meshwork:sales:orders',
      });

      const verified = await runCli(['audit', 'verify'], root, env);
      expect(verified.code).toBe(0);
      expect(verified.stdout).toMatch(/audit log intact: 5 events/);

      await backend.tamper(root);
      const tampered = await runCli(['audit', 'verify', '--json'], root, env);
      expect(tampered.code).toBe(1);
      expect(JSON.parse(tampered.stdout)).toMatchObject({ ok: false, firstBadSeq: 2 });
    },
  );
});

describe('mesh register refuses an invalid workspace', () => {
  it('exits 1 with MW7012 and the errors, and writes nothing', async () => {
    const root = join(parent, 'invalid');
    await runCli(['init', root], parent);
    await runCli(['new', 'domain', 'sales'], root);
    await runCli(['new', 'product', 'sales/orders'], root);
    const descriptor = join(root, 'domains/sales/orders/product.odps.yaml');
    await writeFile(
      descriptor,
      (await readFile(descriptor, 'utf8')).replace('status: draft', 'status: draft\nbogus: 1'),
    );
    const result = await runCli(['register'], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('MW7012');
    expect(result.stderr).toContain('MW2001');
  });
});
