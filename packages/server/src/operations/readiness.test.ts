/**
 * Readiness over HTTP: not ready (503, MW8303) while starting, while stopping, when the
 * metadata store fails (a closed SQLite store) and when it hangs (a PostgreSQL table locked by
 * another session); ready otherwise. Liveness answers throughout, without a credential.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, postgresServerUrl, type TestDatabase } from '../../../../test-support/postgres.js';
import type { Authorizer } from '../access/access-types.js';
import { createMetadataStore } from '../metadata/create-metadata-store.js';
import type { MetadataStore } from '../metadata/metadata-store.js';
import { installHttpOperations } from './http-operations.js';
import { createReadiness, type Readiness } from './readiness.js';

const DENY_ALL: Authorizer = {
  isAllowed: () => ({ allowed: false, policyIds: [] }),
  planRead: () => ({ allowed: false, decision: { allowed: false, policyIds: [] } }),
};

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'meshwork-readiness-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function probe(store: MetadataStore, readiness: Readiness) {
  const app = Fastify();
  installHttpOperations(app, { store, authorizer: DENY_ALL }, { readiness });
  const answer = async (path: string) => {
    const response = await app.inject({ method: 'GET', url: path });
    return { status: response.statusCode, body: response.json() as Record<string, unknown> };
  };
  return { readyz: () => answer('/readyz'), healthz: () => answer('/healthz'), close: () => app.close() };
}

describe('/readyz', () => {
  it('is not ready while starting or stopping, nor when the store fails', async () => {
    const store = await createMetadataStore({ kind: 'sqlite', path: join(dir, 'ready.db') });
    const readiness = createReadiness({ probeStore: () => store.listProducts({ limit: 1 }) });
    const http = await probe(store, readiness);
    expect(await http.readyz()).toEqual({
      status: 503,
      body: { status: 'not-ready', phase: 'starting', error: { code: 'MW8303', message: 'the server is starting' } },
    });
    readiness.ready();
    expect(await http.readyz()).toEqual({ status: 200, body: { status: 'ready' } });
    await store.close();
    expect(await http.readyz()).toMatchObject({
      status: 503,
      body: { phase: 'ready', error: { code: 'MW8303', message: 'the metadata store does not answer' } },
    });
    readiness.stopping();
    expect(await http.readyz()).toMatchObject({ status: 503, body: { phase: 'stopping' } });
    expect(await http.healthz()).toEqual({ status: 200, body: { status: 'ok' } });
    await http.close();
  });

  const pgUrl = postgresServerUrl();
  let database: TestDatabase | undefined;
  afterAll(() => database?.drop());

  it.skipIf(!pgUrl)('is not ready while PostgreSQL does not answer in time, and ready again after', async () => {
    database = await createTestDatabase(pgUrl);
    const store = await createMetadataStore({ kind: 'postgres', url: database.url });
    const readiness = createReadiness({ probeStore: () => store.listProducts({ limit: 1 }), timeoutMs: 300 });
    readiness.ready();
    const http = await probe(store, readiness);
    const blocker = new pg.Client({ connectionString: database.url });
    await blocker.connect();
    try {
      expect((await http.readyz()).status).toBe(200);
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE products IN ACCESS EXCLUSIVE MODE');
      expect(await http.readyz()).toMatchObject({
        status: 503,
        body: { error: { message: 'the metadata store did not answer within 300 ms' } },
      });
      await blocker.query('ROLLBACK');
      expect((await http.readyz()).status).toBe(200);
    } finally {
      await blocker.end();
      await http.close();
      await store.close();
    }
  });
});
