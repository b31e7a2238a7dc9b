/**
 * The sandbox connection pool on a real DuckDB: reuse, what is never reused (interrupted or failed
 * connections), the bound on idle connections and on prepared statements, leases that end for good,
 * and close.
 */
import { DuckDBInstance, DuckDBPendingResultState, type DuckDBPreparedStatement } from '@duckdb/node-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SandboxConnectionPool } from './sandbox-connection-pool.js';

/** Long enough that it is still running after its first tasks; counted, so the result is checked. */
const LONG = 'SELECT count(*) AS n FROM range(20000000) t(x) WHERE x % 7 = 3';
const LONG_COUNT = 2857143n;

let instance: DuckDBInstance;
let pool: SandboxConnectionPool;

beforeEach(async () => {
  // One thread: a pending result's tasks all run on the caller, one at a time.
  instance = await DuckDBInstance.create(':memory:', { threads: '1' });
});

afterEach(() => {
  pool?.close();
  instance.closeSync();
});

/** Runs a pending statement task by task, calling `between` after the first task. */
async function runStepwise(statement: DuckDBPreparedStatement, between: () => void): Promise<bigint> {
  const pending = statement.start();
  let first = true;
  while (pending.runTask() !== DuckDBPendingResultState.RESULT_READY) {
    if (first) between();
    first = false;
  }
  const rows = await (await pending.getResult()).getRows();
  return rows[0]![0] as bigint;
}

describe('reuse', () => {
  it('hands a released connection to the next query instead of opening one', async () => {
    pool = new SandboxConnectionPool(instance);
    for (let i = 0; i < 5; i++) {
      const lease = await pool.acquire();
      expect((await lease.connection.runAndReadAll(`SELECT ${i} AS i`)).getRows()).toEqual([[i]]);
      lease.release(true);
    }
    expect(pool.stats()).toMatchObject({ opened: 1, closed: 0, idle: 1, leased: 0 });
  });

  it('gives each concurrent query its own connection', async () => {
    pool = new SandboxConnectionPool(instance);
    const [a, b] = [await pool.acquire(), await pool.acquire()];
    expect(a.connection).not.toBe(b.connection);
    expect(pool.stats()).toMatchObject({ opened: 2, leased: 2, idle: 0 });
    a.release(true);
    b.release(true);
  });

  it('keeps at most maxIdleConnections idle and closes the others', async () => {
    pool = new SandboxConnectionPool(instance, { maxIdleConnections: 2 });
    const leases = await Promise.all(Array.from({ length: 5 }, () => pool.acquire()));
    for (const lease of leases) lease.release(true);
    expect(pool.stats()).toMatchObject({ opened: 5, idle: 2, closed: 3, leased: 0 });
    // Bounded over time too: more rounds reuse the idle two and never keep more.
    for (let round = 0; round < 3; round++) {
      const more = await Promise.all(Array.from({ length: 4 }, () => pool.acquire()));
      for (const lease of more) lease.release(true);
      expect(pool.stats().idle).toBe(2);
    }
  });
});

describe('what is never reused', () => {
  it('closes a connection that was interrupted, and the next query runs to its end on a new one', async () => {
    pool = new SandboxConnectionPool(instance);
    const first = await pool.acquire();
    await expect(runStepwise(await first.prepared(LONG), () => first.interrupt())).rejects.toThrow(/interrupt/i);
    first.release(true); // the query "asks" for reuse; the interrupt overrides it
    expect(pool.stats()).toMatchObject({ idle: 0, closed: 1 });

    const next = await pool.acquire();
    expect(pool.stats().opened).toBe(2);
    expect(await runStepwise(await next.prepared(LONG), () => undefined)).toBe(LONG_COUNT);
    next.release(true);
  });

  it('closes a connection released after a failure', async () => {
    pool = new SandboxConnectionPool(instance);
    const lease = await pool.acquire();
    await expect(lease.connection.run('SELECT no_such_column')).rejects.toThrow();
    lease.release(false);
    expect(pool.stats()).toMatchObject({ idle: 0, closed: 1 });
  });

  // The test above shows that an interrupt through the current lease does stop a statement run
  // this way, so this one would fail if the ended lease still reached the connection.
  it('a late interrupt through an ended lease never reaches the next user of its connection', async () => {
    pool = new SandboxConnectionPool(instance, { maxIdleConnections: 1 });
    const earlier = await pool.acquire();
    await earlier.connection.run('SELECT 1');
    earlier.release(true);

    const later = await pool.acquire();
    expect(pool.stats().opened).toBe(1); // the same connection, now someone else's
    const count = await runStepwise(await later.prepared(LONG), () => earlier.interrupt());
    expect(count).toBe(LONG_COUNT);
    later.release(true);
    expect(pool.stats()).toMatchObject({ idle: 1, closed: 0 });
  });

  it('an ended lease refuses to hand out its connection or statements', async () => {
    pool = new SandboxConnectionPool(instance);
    const lease = await pool.acquire();
    lease.release(true);
    lease.release(false); // idempotent: does not close the connection now in the pool
    expect(pool.stats()).toMatchObject({ idle: 1, closed: 0 });
    expect(() => lease.connection).toThrow(/ended/);
    await expect(lease.prepared('SELECT 1')).rejects.toThrow(/ended/);
  });
});

describe('prepared statements', () => {
  it('are reused for the same text on the same connection, and only for the same text', async () => {
    pool = new SandboxConnectionPool(instance);
    const lease = await pool.acquire();
    const a = await lease.prepared('SELECT 1 AS a');
    expect(await lease.prepared('SELECT 1 AS a')).toBe(a);
    const b = await lease.prepared('SELECT 1 AS b');
    expect(b).not.toBe(a);
    expect(b.columnName(0)).toBe('b');
    // Texts differing in a literal, in case or in white space are different statements.
    expect(await lease.prepared('SELECT 2 AS a')).not.toBe(a);
    expect(await lease.prepared('select 1 as a')).not.toBe(a);
    expect(await lease.prepared('SELECT 1 AS a ')).not.toBe(a);
    expect(pool.stats()).toMatchObject({ statementHits: 1, statementMisses: 5 });
    lease.release(true);
  });

  it("the gateway's own statements are kept per connection, outside the users' statements and their counters", async () => {
    pool = new SandboxConnectionPool(instance, { statementsPerConnection: 1 });
    const first = await pool.acquire();
    const parser = await first.ownStatement('SELECT json_serialize_sql($1::VARCHAR) AS tree');
    // Users' statements churning through a cache of one do not evict it.
    await first.prepared('SELECT 1 AS a');
    await first.prepared('SELECT 2 AS b');
    first.release(true);
    const again = await pool.acquire();
    expect(await again.ownStatement('SELECT json_serialize_sql($1::VARCHAR) AS tree')).toBe(parser);
    parser.bindVarchar(1, 'SELECT 42');
    expect(String((await parser.run()).getChunk(0).getRows()[0]![0])).toContain('42');
    again.release(true);
    expect(pool.stats()).toMatchObject({ opened: 1, statementHits: 0, statementMisses: 2 });
    // And they end with their lease like everything else.
    await expect(again.ownStatement('SELECT 1')).rejects.toThrow(/lease has ended/);
  });

  it('survive the return to the pool, with parameters bound afresh at each execution', async () => {
    pool = new SandboxConnectionPool(instance);
    for (const value of [1, 2, 3]) {
      const lease = await pool.acquire();
      const statement = await lease.prepared('SELECT $1::INTEGER * 10 AS v');
      statement.bindInteger(1, value);
      expect((await statement.run()).getChunk(0).getRows()).toEqual([[value * 10]]);
      lease.release(true);
    }
    expect(pool.stats()).toMatchObject({ opened: 1, statementHits: 2, statementMisses: 1 });
  });

  it('belong to their connection: two connections never share one', async () => {
    pool = new SandboxConnectionPool(instance);
    const [a, b] = [await pool.acquire(), await pool.acquire()];
    expect(await a.prepared('SELECT 1')).not.toBe(await b.prepared('SELECT 1'));
    a.release(true);
    b.release(true);
  });

  it('are bounded per connection, the least recently used going first', async () => {
    pool = new SandboxConnectionPool(instance, { statementsPerConnection: 2 });
    const lease = await pool.acquire();
    const one = await lease.prepared('SELECT 1');
    await lease.prepared('SELECT 2');
    expect(await lease.prepared('SELECT 1')).toBe(one); // now the most recent
    await lease.prepared('SELECT 3'); // evicts SELECT 2
    expect(await lease.prepared('SELECT 1')).toBe(one);
    const before = pool.stats().statementMisses;
    await lease.prepared('SELECT 2');
    expect(pool.stats().statementMisses).toBe(before + 1);
    lease.release(true);
  });
});

describe('close', () => {
  it('closes every idle connection, then each leased one when it is released', async () => {
    pool = new SandboxConnectionPool(instance);
    const leases = await Promise.all(Array.from({ length: 3 }, () => pool.acquire()));
    leases[0]!.release(true);
    leases[1]!.release(true);
    pool.close();
    expect(pool.stats()).toMatchObject({ idle: 0, leased: 1, opened: 3, closed: 2 });
    leases[2]!.release(true);
    expect(pool.stats()).toMatchObject({ idle: 0, leased: 0, opened: 3, closed: 3 });
    await expect(pool.acquire()).rejects.toThrow(/closed/);
  });
});
