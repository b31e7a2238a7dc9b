import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, postgresServerUrl, type TestDatabase } from '../../../../../test-support/postgres.js';
import { createMetadataStore } from '../create-metadata-store.js';
import type { MetadataStore } from '../metadata-store.js';
import { describeMetadataStoreConformance } from '../metadata-store.conformance.js';
import type { AuditInput } from '../metadata-types.js';
import { product, runInput, succeeded, uuidFrom } from '../test-support/metadata-fixtures.js';

const serverUrl = postgresServerUrl();
let database: TestDatabase;
const clients: pg.Client[] = [];

beforeAll(async () => {
  if (serverUrl) database = await createTestDatabase(serverUrl);
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.end()));
  await database?.drop();
});

/** A raw connection into one schema, as a DBA with psql would have. */
async function rawClient(schema: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: database.url, options: `-c search_path=${schema}` });
  await client.connect();
  clients.push(client);
  return client;
}

const newSchema = () => `t_${randomBytes(5).toString('hex')}`;

describe.skipIf(!serverUrl)('PostgreSQL', () => {
  // Each test gets its own schema in this file's database: as isolated as a database, far cheaper.
  describeMetadataStoreConformance('PostgreSQL', {
    async createDatabase() {
      const schema = newSchema();
      let client: pg.Client | undefined;
      const query = async (statement: string) => {
        client ??= await rawClient(schema);
        await client.query(statement);
      };
      return {
        open: (options) => createMetadataStore({ kind: 'postgres', url: database.url, schema }, options),
        execute: query,
        // The table owner can switch user triggers off; the hash chain is what still notices.
        tamper: (statement) =>
          query(
            `alter table audit_events disable trigger user; ${statement}; alter table audit_events enable trigger user;`,
          ),
      };
    },
  });

  describe('PostgreSQL metadata store', () => {
    const secret = 'S3cret-Pa55word';

    it('names the target without the password when it cannot connect', async () => {
      const closedPort = `postgres://meshwork:${secret}@127.0.0.1:1/meshwork`;
      const missingDb = new URL(database.url);
      missingDb.password = secret;
      missingDb.pathname = '/no_such_database';
      for (const url of [closedPort, missingDb.toString(), `${closedPort}?password=${secret}`]) {
        const error = await createMetadataStore({ kind: 'postgres', url }).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toMatchObject({ code: 'MW6107', kind: 'unavailable' });
        const everything = `${String(error)} ${(error as Error).stack} ${JSON.stringify(error)}`;
        expect(everything).not.toContain(secret);
        expect((error as Error).message).toMatch(/postgres:\/\/meshwork@127\.0\.0\.1:1\/meshwork|no_such_database/);
      }
    });

    it('refuses malformed URLs and schema names without echoing secrets', async () => {
      await expect(createMetadataStore({ kind: 'postgres', url: `postgres://u:${secret}@[bad` })).rejects.toSatisfy(
        (e: Error & { code?: string }) => e.code === 'MW6109' && !e.message.includes(secret),
      );
      await expect(createMetadataStore({ kind: 'postgres', url: `mysql://u:${secret}@h/db` })).rejects.toMatchObject({
        code: 'MW6109',
      });
      await expect(
        createMetadataStore({ kind: 'postgres', url: database.url, schema: 'Robert"; drop table x; --' }),
      ).rejects.toMatchObject({ code: 'MW6109' });
    });

    it('keeps schemas in one database apart', async () => {
      const [a, b] = await Promise.all(
        [newSchema(), newSchema()].map((schema) =>
          createMetadataStore({ kind: 'postgres', url: database.url, schema }),
        ),
      );
      try {
        await a!.appendAudit({ actor: 'a', action: 'x', resource: 'r' });
        expect(await b!.verifyAudit()).toEqual(expect.objectContaining({ ok: true, count: 0 }));
        expect(a!.target).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/mw_test_\w+ \(schema t_\w+\)$/);
      } finally {
        await Promise.all([a!.close(), b!.close()]);
      }
    });

    it('stores and hashes identical events identically to SQLite', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'meshwork-parity-'));
      const stores: MetadataStore[] = [];
      try {
        stores.push(await createMetadataStore({ kind: 'sqlite', path: join(dir, 'parity.db') }));
        stores.push(await createMetadataStore({ kind: 'postgres', url: database.url, schema: newSchema() }));
        const inputs: AuditInput[] = Array.from({ length: 20 }, (_, i) => ({
          actor: `user-${i % 4}`,
          action: i % 2 ? 'query.executed' : 'access.approved',
          resource: `urn:meshwork:sales:p${i % 3}`,
          details: { i, nested: { z: 'ü', a: [i, i / 3, null] }, emoji: '🦆' },
          at: new Date(Date.UTC(2024, 0, 1, 0, 0, i, i * 7)),
        }));
        const [fromSqlite, fromPostgres] = await Promise.all(
          stores.map(async (store) => {
            for (const input of inputs) await store.appendAudit(input);
            return (await store.listAudit({ limit: 1000 })).items;
          }),
        );
        expect(fromPostgres).toEqual(fromSqlite);
        expect(fromSqlite).toHaveLength(20);
        const [sqliteHead, postgresHead] = await Promise.all(stores.map((store) => store.verifyAudit()));
        expect(postgresHead).toEqual(sqliteHead);
      } finally {
        await Promise.all(stores.map((store) => store.close()));
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('returns runs and product statuses byte-identical to SQLite', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'meshwork-parity-'));
      const stores: MetadataStore[] = [];
      const now = () => new Date('2024-05-02T00:00:00.000Z');
      try {
        stores.push(await createMetadataStore({ kind: 'sqlite', path: join(dir, 'parity.db') }, { now }));
        stores.push(await createMetadataStore({ kind: 'postgres', url: database.url, schema: newSchema() }, { now }));
        const [fromSqlite, fromPostgres] = await Promise.all(
          stores.map(async (store) => {
            await store.upsertProduct(product('sales.orders'));
            await store.upsertProduct(product('sales.items'));
            for (let i = 0; i < 30; i++) {
              const startedAt = new Date(Date.UTC(2024, 0, 1, 0, 0, i % 7, i * 13));
              const run = await store.createRun(
                runInput(i % 2 ? 'sales.orders' : 'sales.items', {
                  id: uuidFrom(i).toUpperCase(),
                  trigger: (['manual', 'schedule', 'publish', 'api'] as const)[i % 4],
                  parameters: { run_date: '2024-01-01', ratio: i / 7, label: 'ü🦆', nested: { z: [i, null], a: true } },
                  startedAt,
                }),
              );
              if (i >= 28) continue;
              await store.finishRun(run.id, {
                ...succeeded({
                  status: i % 3 ? 'succeeded' : 'cancelled',
                  finishedAt: new Date(startedAt.getTime() + i),
                }),
                rowsIn: 2 ** 40 + i,
                steps: [{ name: 'step ü', rows: i, ms: 0.1 + 0.2 }],
                checks: [{ z: 1, a: { y: [1.5e-7, 'x'], b: null } }, 'text rule recorded', i],
              });
              await store.recordProductStatus({
                productId: run.productId,
                status: (['fresh', 'stale', 'failing'] as const)[i % 3]!,
                reason: `after run ${i} — ok`,
                at: startedAt,
              });
            }
            const abandoned = await store.failStaleRuns({ startedBefore: now() });
            const runs = (await store.listRuns({ limit: 1000 })).items;
            const statuses = await Promise.all(
              ['sales.orders', 'sales.items'].map(async (id) => (await store.listProductStatus(id)).items),
            );
            return JSON.stringify({ abandoned, runs, statuses });
          }),
        );
        expect(fromPostgres).toBe(fromSqlite);
        expect(JSON.parse(fromSqlite!)).toMatchObject({ abandoned: [{}, {}], runs: expect.any(Array) });
      } finally {
        await Promise.all(stores.map((store) => store.close()));
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
