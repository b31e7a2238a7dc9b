/**
 * Real metadata stores for identity tests: SQLite in a temp file and PostgreSQL in a fresh
 * schema of a per-file database, each with raw access to dump a table as the database holds it.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createTestDatabase, postgresServerUrl, type TestDatabase } from '../../../../../test-support/postgres.js';
import { createMetadataStore, type CreateMetadataStoreOptions } from '../../metadata/create-metadata-store.js';
import type { MetadataStore } from '../../metadata/metadata-store.js';

export interface TestStore {
  readonly store: MetadataStore;
  /** Every row of `table` as the database returns it, serialised as JSON text. */
  dump(table: string): Promise<string>;
  /** Another store on the same database (another server process, say). */
  reopen(options?: CreateMetadataStoreOptions): Promise<MetadataStore>;
}

export interface StoreBackend {
  readonly name: 'SQLite' | 'PostgreSQL';
  readonly available: boolean;
  open(options?: CreateMetadataStoreOptions): Promise<TestStore>;
}

/** Call at the top of a test file; closes every store after each test. */
export function storeBackends(): StoreBackend[] {
  const dir = mkdtempSync(join(tmpdir(), 'meshwork-identity-'));
  const serverUrl = postgresServerUrl();
  let database: TestDatabase | undefined;
  const opened: MetadataStore[] = [];
  beforeAll(async () => {
    if (serverUrl) database = await createTestDatabase(serverUrl);
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
  });
  afterAll(async () => {
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });
  const track = (store: MetadataStore) => {
    opened.push(store);
    return store;
  };
  return [
    {
      name: 'SQLite',
      available: true,
      async open(options) {
        const path = join(dir, `${randomBytes(6).toString('hex')}.db`);
        const reopen = async (again?: CreateMetadataStoreOptions) =>
          track(await createMetadataStore({ kind: 'sqlite', path }, again ?? options));
        return {
          store: await reopen(),
          reopen,
          dump: async (table) => {
            const db = new Database(path, { readonly: true });
            try {
              return JSON.stringify(db.prepare(`select * from ${table}`).all());
            } finally {
              db.close();
            }
          },
        };
      },
    },
    {
      name: 'PostgreSQL',
      available: serverUrl !== undefined,
      async open(options) {
        const schema = `t_${randomBytes(5).toString('hex')}`;
        const url = database!.url;
        const reopen = async (again?: CreateMetadataStoreOptions) =>
          track(await createMetadataStore({ kind: 'postgres', url, schema }, again ?? options));
        return {
          store: await reopen(),
          reopen,
          dump: async (table) => {
            const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
            await client.connect();
            try {
              return JSON.stringify((await client.query(`select * from ${table}`)).rows);
            } finally {
              await client.end();
            }
          },
        };
      },
    },
  ];
}
