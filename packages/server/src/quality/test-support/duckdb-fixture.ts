/** A real in-memory DuckDB per test, and helpers to check a contract against a staged table. */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { checkContract } from '../check-contract.js';
import type { CheckReport, CheckResult } from '../check-types.js';

export interface TestDatabase {
  readonly connection: DuckDBConnection;
  /** Runs setup SQL (CREATE TABLE … AS …). */
  run(sql: string): Promise<void>;
  close(): void;
}

export async function openTestDatabase(): Promise<TestDatabase> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const connection = await instance.connect();
  return {
    connection,
    run: async (sql) => {
      await connection.run(sql);
    },
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** A minimal ODCS v3.1.0 document around one schema object. */
export function contractAround(schemaObject: object, apiVersion = 'v3.1.0'): object {
  return { apiVersion, kind: 'DataContract', id: 'test', version: '1.0.0', status: 'active', schema: [schemaObject] };
}

export async function checkTable(
  connection: DuckDBConnection,
  relation: string,
  schemaObject: object,
  apiVersion?: string,
): Promise<CheckReport> {
  return checkContract({ connection, relation, schemaObject, contract: contractAround(schemaObject, apiVersion) });
}

/** The check with this id; fails the test with the ids present when it is absent. */
export function check(report: CheckReport, id: string): CheckResult {
  const found = report.checks.find((c) => c.id === id);
  if (!found) throw new Error(`no check ${id}; have: ${report.checks.map((c) => c.id).join(', ')}`);
  return found;
}

/** A connection that counts the queries it is asked to run (to prove the single scan). */
export function countingConnection(connection: DuckDBConnection): { connection: DuckDBConnection; queries: string[] } {
  const queries: string[] = [];
  const proxy = new Proxy(connection, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      if (
        ['run', 'runAndReadAll', 'stream', 'streamAndReadAll', 'extractStatements', 'prepare'].includes(
          String(property),
        )
      ) {
        return (sql: string, ...rest: unknown[]) => {
          queries.push(sql);
          return (value as (...args: unknown[]) => unknown).apply(target, [sql, ...rest]);
        };
      }
      return (value as (...args: unknown[]) => unknown).bind(target);
    },
  });
  return { connection: proxy, queries };
}
