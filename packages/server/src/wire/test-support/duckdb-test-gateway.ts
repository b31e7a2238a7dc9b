/**
 * A test double of the QueryGateway port over a plain in-memory DuckDB, for testing the wire
 * protocol only: tables `sales.orders`, `sales.order_lines` and `customers.people`; principal
 * `alice` may query all three, `bob` everything but `customers.people`. It refuses non-SELECT
 * statements and hidden relations like the real gateway would, but it neither masks nor
 * filters — the end-to-end tests with the real gateway belong to the gateway.
 */
import {
  DuckDBInstance,
  DuckDBTypeId,
  StatementType,
  blobValue,
  type DuckDBConnection,
  type DuckDBValue,
} from '@duckdb/node-api';
import { InputError, NotAllowedError } from '@meshwork/core';
import type {
  GatewayQuery,
  QueryDescription,
  QueryGateway,
  QueryOptions,
  QueryStream,
  VisibleRelation,
} from '../../gateway/gateway-types.js';
import type { Principal } from '../../identity/principal.js';

export const TEST_ORDER_ROWS = 100_000;

const SETUP = `
CREATE SCHEMA sales;
CREATE SCHEMA customers;
CREATE TABLE sales.orders (
  id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL, amount DECIMAL(12,2), status VARCHAR,
  ordered_at TIMESTAMP, note VARCHAR);
COMMENT ON TABLE sales.orders IS 'One row per order';
COMMENT ON COLUMN sales.orders.amount IS 'Order total in EUR';
INSERT INTO sales.orders SELECT i, i % 1000 + 1, (i * 7 % 100000) / 100.0,
  CASE i % 3 WHEN 0 THEN 'open' WHEN 1 THEN 'shipped' ELSE 'paid' END,
  TIMESTAMP '2024-01-01' + INTERVAL (i) MINUTE, CASE WHEN i % 10 = 0 THEN NULL ELSE 'note ' || i END
  FROM range(1, ${TEST_ORDER_ROWS + 1}) t(i);
CREATE TABLE sales.order_lines (order_id INTEGER, line SMALLINT, product VARCHAR, quantity INTEGER);
INSERT INTO sales.order_lines SELECT i, 1, 'product ' || (i % 50), i % 5 + 1 FROM range(1, 1001) t(i);
CREATE TABLE customers.people (id INTEGER, name VARCHAR, email VARCHAR, birth_date DATE);
INSERT INTO customers.people VALUES (1, 'Ada', 'ada@example.com', DATE '1815-12-10'), (2, 'Grace', 'grace@example.com', DATE '1906-12-09');
`;

const RELATIONS: readonly { schema: string; name: string; hiddenFrom: readonly string[] }[] = [
  { schema: 'sales', name: 'orders', hiddenFrom: [] },
  { schema: 'sales', name: 'order_lines', hiddenFrom: [] },
  { schema: 'customers', name: 'people', hiddenFrom: ['bob'] },
];

export function testPrincipal(id: 'alice' | 'bob'): Principal {
  return { kind: 'user', id, teams: [], groups: [], roles: [], attributes: {}, authenticatedBy: `test-token-${id}` };
}

/** Tokens the test `authenticate` accepts. */
export const TEST_TOKENS: Readonly<Record<string, 'alice' | 'bob'>> = {
  mw_test_alice_token: 'alice',
  mw_test_bob_token: 'bob',
};

export async function testAuthenticate(_user: string, password: string): Promise<Principal> {
  const id = TEST_TOKENS[password];
  if (!id) throw new Error('unknown token');
  return testPrincipal(id);
}

function toDuckDBValue(value: unknown): DuckDBValue {
  if (value instanceof Uint8Array) return blobValue(value);
  return value as DuckDBValue;
}

export interface DuckDBTestGateway extends QueryGateway {
  /** Statements the double received, for assertions on what reached the gateway. */
  readonly received: string[];
}

export async function createDuckDBTestGateway(): Promise<DuckDBTestGateway> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const setup = await instance.connect();
  await setup.run(SETUP);
  setup.closeSync();
  const received: string[] = [];

  const visible = (principal: Principal) =>
    RELATIONS.filter((r) => !r.hiddenFrom.includes(principal.id)).map((r) => `${r.schema}.${r.name}`);

  async function prepare(connection: DuckDBConnection, principal: Principal, query: GatewayQuery) {
    received.push(query.sql);
    const statements = await connection.extractStatements(query.sql).catch((e: unknown) => {
      throw new InputError('MW5991', String((e as Error).message).split('\n')[0]!);
    });
    if (statements.count !== 1) throw new InputError('MW5992', 'exactly one statement is allowed');
    const referenced = connection.getTableNames(query.sql, true).map((name) => name.split(' ')[0]!);
    const allowed = visible(principal);
    const denied = referenced.find((name) => !allowed.includes(name));
    if (denied) throw new NotAllowedError('MW5993', `relation ${denied} does not exist or is not allowed`);
    const prepared = await connection.prepare(query.sql).catch((e: unknown) => {
      throw new InputError('MW5994', String((e as Error).message).split('\n')[0]!);
    });
    if (prepared.statementType !== StatementType.SELECT) {
      prepared.destroySync();
      throw new NotAllowedError('MW5995', 'only read queries are allowed');
    }
    return prepared;
  }

  return {
    received,
    describe: async (principal, query): Promise<QueryDescription> => {
      const connection = await instance.connect();
      try {
        const prepared = await prepare(connection, principal, query);
        const parameters = Array.from({ length: prepared.parameterCount }, (_, i) => {
          const type = prepared.parameterType(i + 1);
          return {
            type,
            typeName: prepared.parameterTypeId(i + 1) === DuckDBTypeId.INVALID ? 'UNKNOWN' : String(type),
          };
        });
        const columns = Array.from({ length: prepared.columnCount }, (_, i) => {
          const type = prepared.columnType(i);
          return { name: prepared.columnName(i), type, typeName: String(type) };
        });
        prepared.destroySync();
        return { columns, parameters };
      } finally {
        connection.closeSync();
      }
    },
    stream: async (principal, query, options: QueryOptions = {}): Promise<QueryStream> => {
      const started = Date.now();
      const connection = await instance.connect();
      let rows = 0;
      let done = false;
      const finish = (): void => {
        if (done) return;
        done = true;
        options.signal?.removeEventListener('abort', interrupt);
        clearTimeout(timer);
        connection.closeSync();
      };
      const interrupt = (): void => connection.interrupt();
      const timer = options.timeoutMs ? setTimeout(interrupt, options.timeoutMs) : undefined;
      options.signal?.addEventListener('abort', interrupt);
      try {
        const prepared = await prepare(connection, principal, query);
        const result = await (async () => {
          (query.parameters ?? []).forEach((value, i) => prepared.bindValue(i + 1, toDuckDBValue(value)));
          return prepared.stream();
        })().catch((e: unknown) => {
          throw new InputError('MW5997', String((e as Error).message).split('\n')[0]!);
        });
        const columns = result.columnNames().map((name, i) => {
          const type = result.columnType(i);
          return { name, type, typeName: String(type) };
        });
        return {
          columns,
          chunks: async function* () {
            try {
              for (;;) {
                const chunk = await result.fetchChunk().catch((e: unknown) => {
                  throw new InputError('MW5996', String((e as Error).message).split('\n')[0]!);
                });
                if (!chunk || chunk.rowCount === 0) return;
                rows += chunk.rowCount;
                yield chunk;
              }
            } finally {
              finish();
            }
          },
          cancel: interrupt,
          stats: () => ({ rows, bytes: 0, durationMs: Date.now() - started, products: [], truncated: false }),
        };
      } catch (error) {
        finish();
        throw error;
      }
    },
    visibleRelations: async (principal): Promise<readonly VisibleRelation[]> => {
      const connection = await instance.connect();
      try {
        const reader = await connection.runAndReadAll(
          `SELECT schema_name, table_name, column_name, data_type, is_nullable, comment
           FROM duckdb_columns() ORDER BY schema_name, table_name, column_index`,
        );
        const tableComments = await connection.runAndReadAll(
          `SELECT schema_name, table_name, comment FROM duckdb_tables()`,
        );
        const comments = new Map(tableComments.getRowsJS().map((r) => [`${r[0]}.${r[1]}`, r[2] as string | null]));
        const allowed = visible(principal);
        return allowed.map((qualified) => {
          const [schema, name] = qualified.split('.') as [string, string];
          const columns = reader
            .getRowsJS()
            .filter((r) => r[0] === schema && r[1] === name)
            .map((r) => ({
              name: r[2] as string,
              typeName: r[3] as string,
              nullable: r[4] as boolean,
              ...(r[5] ? { description: r[5] as string } : {}),
              masked: false,
            }));
          const description = comments.get(qualified);
          return {
            schema,
            name,
            productId: `${schema}.${name}`,
            port: name,
            major: 1,
            ...(description ? { description } : {}),
            columns,
          };
        });
      } finally {
        connection.closeSync();
      }
    },
    close: async () => instance.closeSync(),
  };
}
