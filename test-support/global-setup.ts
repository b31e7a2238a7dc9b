/**
 * Vitest global setup: one throwaway PostgreSQL for the whole run (unless
 * MESHWORK_TEST_DATABASE_URL points at one), handed to test files as `inject('postgresUrl')`.
 * Each test file then creates its own database on it (see postgres.ts), so files run in parallel.
 */
import type { TestProject } from 'vitest/node';
import { findPostgresBinaries, startPostgresCluster } from './postgres-cluster.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A superuser URL of a PostgreSQL that tests may create databases on; undefined when none. */
    postgresUrl: string | undefined;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.MESHWORK_TEST_DATABASE_URL;
  if (external) {
    project.provide('postgresUrl', external);
    return async () => undefined;
  }
  const binDir = findPostgresBinaries();
  if (!binDir) {
    // The tests that need PostgreSQL report the missing component (and fail in CI).
    project.provide('postgresUrl', undefined);
    return async () => undefined;
  }
  const cluster = await startPostgresCluster(binDir);
  project.provide('postgresUrl', cluster.url);
  return () => cluster.stop();
}
