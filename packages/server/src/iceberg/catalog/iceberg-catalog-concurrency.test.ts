/**
 * Racing commits: 8 clients append to the same table from the same current snapshot at the same
 * moment (held back by a barrier, then released together), each with assert-ref-snapshot-id on
 * main. Every round exactly one commit wins (200) and the 7 others get 409 CommitFailedException
 * — whether they lost on the requirement or on the pointer's compare-and-swap — and no file of a
 * losing commit stays behind. On SQLite with one server, and on PostgreSQL with two servers
 * sharing the metadata store and the warehouse, the clients split between them.
 */
import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, postgresServerUrl, type TestDatabase } from '../../../../../test-support/postgres.js';
import { startCatalogPlatform, type CatalogPlatform } from './test-support/catalog-platform.js';

const CLIENTS = 8;
const ROUNDS = 5;
const TABLE = '/v1/lake/namespaces/race/tables/events';

interface Loaded {
  readonly 'metadata-location': string;
  readonly metadata: { readonly 'current-snapshot-id': number; readonly 'last-sequence-number': number };
}

async function post(server: CatalogPlatform, path: string, body: string): Promise<Response> {
  return server.fetch('adam', path, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
}

async function prepareTable(server: CatalogPlatform): Promise<void> {
  expect((await post(server, '/v1/lake/namespaces', '{"namespace":["race"]}')).status).toBe(200);
  const schema = '{"type":"struct","fields":[{"id":1,"name":"id","type":"long","required":true}]}';
  expect((await post(server, '/v1/lake/namespaces/race/tables', `{"name":"events","schema":${schema}}`)).status).toBe(
    200,
  );
}

/** One round: every client reads the same state, waits at the barrier, then commits its own snapshot. */
async function race(servers: readonly CatalogPlatform[], round: number): Promise<void> {
  const before = (await (await servers[0]!.fetch('ana', TABLE)).json()) as Loaded;
  const current = round === 0 ? null : before.metadata['current-snapshot-id'];
  let release!: () => void;
  const barrier = new Promise<void>((resolve) => (release = resolve));
  const commits = Array.from({ length: CLIENTS }, async (_, client) => {
    const id = (round + 1) * 1000 + client;
    const body =
      `{"requirements":[{"type":"assert-ref-snapshot-id","ref":"main","snapshot-id":${current}}],"updates":[` +
      `{"action":"add-snapshot","snapshot":{"snapshot-id":${id},${current === null ? '' : `"parent-snapshot-id":${current},`}` +
      `"sequence-number":${before.metadata['last-sequence-number'] + 1},"timestamp-ms":${1_717_000_000_000 + id},` +
      `"manifest-list":"file:///tmp/m-${id}.avro","summary":{"operation":"append"}}},` +
      `{"action":"set-snapshot-ref","ref-name":"main","type":"branch","snapshot-id":${id}}]}`;
    await barrier;
    const response = await post(servers[client % servers.length]!, TABLE, body);
    return {
      id,
      status: response.status,
      body: (await response.json()) as Record<string, { type?: string; message?: string }>,
    };
  });
  release();
  const results = await Promise.all(commits);
  const winners = results.filter((r) => r.status === 200);
  const losers = results.filter((r) => r.status !== 200);
  expect(winners).toHaveLength(1);
  expect(losers.map((r) => r.status)).toEqual(Array(CLIENTS - 1).fill(409));
  for (const loser of losers) {
    expect(loser.body.error).toMatchObject({
      type: 'CommitFailedException',
      message: expect.stringMatching(/^MW826[01]: commit to race\.events failed/),
    });
  }
  // Every server now serves the winner's snapshot, and only the committed files exist.
  for (const server of servers) {
    const after = (await (await server.fetch('ana', TABLE)).json()) as Loaded;
    expect(after.metadata['current-snapshot-id']).toBe(winners[0]!.id);
  }
  const folder = dirname(fileURLToPath(before['metadata-location']));
  expect(readdirSync(folder).filter((f) => f.endsWith('.metadata.json'))).toHaveLength(round + 2);
}

describe('racing commits on SQLite, one server', () => {
  let server: CatalogPlatform;
  beforeAll(async () => {
    server = await startCatalogPlatform();
    await prepareTable(server);
  }, 180_000);
  afterAll(async () => server?.close());

  it(`lets exactly one of ${CLIENTS} commits win, round after round`, async () => {
    for (let round = 0; round < ROUNDS; round++) await race([server], round);
  });
});

const serverUrl = postgresServerUrl();

describe.skipIf(!serverUrl)('racing commits on PostgreSQL, two servers', () => {
  let database: TestDatabase;
  let first: CatalogPlatform;
  let second: CatalogPlatform;
  beforeAll(async () => {
    database = await createTestDatabase(serverUrl);
    first = await startCatalogPlatform({ databaseUrl: database.url, warehouse: 'shared-warehouse' });
    second = await startCatalogPlatform({ databaseUrl: database.url, sharedWith: first });
    await prepareTable(first);
  }, 240_000);
  afterAll(async () => {
    await second?.close();
    await first?.close();
    await database?.drop();
  });

  it(`lets exactly one of ${CLIENTS} commits win across both servers, round after round`, async () => {
    expect(first.platform.services.store.kind).toBe('postgres');
    expect(second.platform.services.warehouse.location).toBe(first.platform.services.warehouse.location);
    for (let round = 0; round < ROUNDS; round++) await race([first, second], round);
  });
});
