/**
 * PostgreSQL for tests: each caller gets its own database on the run's server, so test files
 * (and, later, several servers sharing one database) never see each other's data.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { componentAvailable } from './components.js';

/** The run's server URL, or undefined (after a loud warning, or a CI failure) when there is none. */
export function postgresServerUrl(): string | undefined {
  const url = inject('postgresUrl');
  return componentAvailable(
    'PostgreSQL',
    url !== undefined,
    'install postgresql (Debian package) or set MESHWORK_TEST_DATABASE_URL',
  )
    ? url
    : undefined;
}

export interface TestDatabase {
  /** URL of the new, empty database, with the server URL's credentials. */
  readonly url: string;
  readonly name: string;
  /** Drops the database, disconnecting anyone still connected. */
  drop(): Promise<void>;
}

export async function createTestDatabase(serverUrl = postgresServerUrl()): Promise<TestDatabase> {
  if (!serverUrl) throw new Error('PostgreSQL is not available for tests; guard with postgresServerUrl()');
  const name = `mw_test_${randomBytes(6).toString('hex')}`;
  await onServer(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () => onServer(serverUrl, `drop database if exists ${name} with (force)`),
  };
}

async function onServer(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
