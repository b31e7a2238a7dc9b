/**
 * Connections to the sandbox's DuckDB, reused across queries, each with the statements it
 * prepared. Opening a connection and preparing the final SQL cost more than a small query itself
 * (a point lookup, `SELECT 1`); reusing both is what lets the wire protocol answer thousands of
 * short queries a second.
 *
 * Why a connection may serve one principal after another: the only state a DuckDB connection
 * keeps between statements is its settings, its temporary catalog, its SQL-level prepared
 * statements and variables, its transaction, its random seed and its interrupt flag. The sandbox
 * locks the configuration instance-wide, and the gateway runs only statements it verified to be a
 * single SELECT (no SET, CREATE TEMP, PREPARE, BEGIN, setseed or variables), each in its own
 * auto-committed transaction — so none of that state can be set by one query and seen by the
 * next. The interrupt flag is the exception that needs care: DuckDB clears it when a statement
 * starts, but an interrupt that arrives while the next user's statement runs would stop it. So a
 * lease is the only handle a query keeps: its `interrupt()` does nothing once the lease ended,
 * and a connection interrupted (timed out, cancelled) or left by a failure is closed, never
 * returned.
 *
 * Prepared statements are cached per connection by their exact SQL text. The gateway prepares
 * only its final, governed SQL, which spells out every relation's files, masks and row filters:
 * two principals whose read plans differ never have the same text, and two with the same text
 * read under the same rules. Parameters are bound afresh at every execution.
 */
import type { DuckDBConnection, DuckDBInstance, DuckDBPreparedStatement } from '@duckdb/node-api';

export interface SandboxPoolOptions {
  /** Idle connections kept for the next queries (default 16, the default per-principal concurrency); busier moments open more, closed after. */
  readonly maxIdleConnections?: number;
  /** Prepared statements kept per connection (default 32), the least recently used going first. */
  readonly statementsPerConnection?: number;
}

export interface SandboxPoolStats {
  readonly idle: number;
  readonly leased: number;
  /** Connections opened since start, and closed since start (discarded, surplus or at close). */
  readonly opened: number;
  readonly closed: number;
  /** Executions that found their statement prepared on the connection, and those that prepared it. */
  readonly statementHits: number;
  readonly statementMisses: number;
}

/** One query's exclusive use of a connection. */
export interface ConnectionLease {
  /** The connection; throws once the lease ended, so nothing uses it behind the next user's back. */
  readonly connection: DuckDBConnection;
  /**
   * The prepared statement of `sql` on this connection, reused when the connection prepared that
   * exact text before. The pool owns it: bind and run it, never destroy it.
   */
  prepared(sql: string): Promise<DuckDBPreparedStatement>;
  /**
   * A statement of the gateway's own (its parser's `json_serialize_sql`), prepared once per
   * connection and kept for the connection's life, outside the cache of users' statements and its
   * counters. The pool owns it: bind every parameter before each run, never destroy it.
   */
  ownStatement(sql: string): Promise<DuckDBPreparedStatement>;
  /** Interrupts what the connection runs, and marks it not to be reused. A no-op once the lease ended. */
  interrupt(): void;
  /**
   * Ends the lease. The connection goes back to the pool only when `reusable` (the query
   * succeeded), it was never interrupted and the pool has room; otherwise it is closed. Idempotent.
   */
  release(reusable: boolean): void;
}

const DEFAULT_MAX_IDLE = 16;
const DEFAULT_STATEMENTS = 32;

interface PooledConnection {
  readonly connection: DuckDBConnection;
  /** Insertion order is recency: a hit moves its entry to the end. */
  readonly statements: Map<string, DuckDBPreparedStatement>;
  /** The gateway's own statements (`ownStatement`): a handful of fixed texts, never evicted. */
  readonly own: Map<string, DuckDBPreparedStatement>;
}

export class SandboxConnectionPool {
  readonly #instance: DuckDBInstance;
  readonly #maxIdle: number;
  readonly #statementsPerConnection: number;
  readonly #idle: PooledConnection[] = [];
  readonly #leased = new Set<PooledConnection>();
  #closed = false;
  #opened = 0;
  #closedCount = 0;
  #hits = 0;
  #misses = 0;

  constructor(instance: DuckDBInstance, options: SandboxPoolOptions = {}) {
    this.#instance = instance;
    this.#maxIdle = Math.max(0, options.maxIdleConnections ?? DEFAULT_MAX_IDLE);
    this.#statementsPerConnection = Math.max(1, options.statementsPerConnection ?? DEFAULT_STATEMENTS);
  }

  /** A connection for one query: an idle one (most recently used first, its caches warm) or a new one. */
  async acquire(): Promise<ConnectionLease> {
    if (this.#closed) throw new Error('the sandbox connection pool is closed');
    let pooled = this.#idle.pop();
    if (!pooled) {
      const connection = await this.#instance.connect();
      this.#opened += 1;
      pooled = { connection, statements: new Map(), own: new Map() };
      if (this.#closed) {
        this.#close(pooled);
        throw new Error('the sandbox connection pool is closed');
      }
    }
    this.#leased.add(pooled);
    return this.#lease(pooled);
  }

  stats(): SandboxPoolStats {
    return {
      idle: this.#idle.length,
      leased: this.#leased.size,
      opened: this.#opened,
      closed: this.#closedCount,
      statementHits: this.#hits,
      statementMisses: this.#misses,
    };
  }

  /**
   * Closes every idle connection; a leased one is closed when its query releases it (closing it
   * under a statement DuckDB is still running would pull the connection from under it).
   */
  close(): void {
    this.#closed = true;
    for (const pooled of this.#idle.splice(0)) this.#close(pooled);
  }

  #lease(pooled: PooledConnection): ConnectionLease {
    let active = true;
    let interrupted = false;
    const prepared = (sql: string) => this.#prepared(pooled, sql);
    const release = (reusable: boolean) => {
      if (!active) return;
      active = false;
      this.#leased.delete(pooled);
      if (reusable && !interrupted && !this.#closed && this.#idle.length < this.#maxIdle) this.#idle.push(pooled);
      else this.#close(pooled);
    };
    return {
      get connection() {
        if (!active) throw new Error('the connection lease has ended');
        return pooled.connection;
      },
      prepared: async (sql) => {
        if (!active) throw new Error('the connection lease has ended');
        return prepared(sql);
      },
      ownStatement: async (sql) => {
        if (!active) throw new Error('the connection lease has ended');
        let statement = pooled.own.get(sql);
        if (!statement) {
          statement = await pooled.connection.prepare(sql);
          pooled.own.set(sql, statement);
        }
        return statement;
      },
      interrupt: () => {
        if (!active) return;
        interrupted = true;
        pooled.connection.interrupt();
      },
      release,
    };
  }

  async #prepared(pooled: PooledConnection, sql: string): Promise<DuckDBPreparedStatement> {
    const cached = pooled.statements.get(sql);
    if (cached) {
      this.#hits += 1;
      pooled.statements.delete(sql);
      pooled.statements.set(sql, cached);
      return cached;
    }
    this.#misses += 1;
    const statement = await pooled.connection.prepare(sql);
    if (pooled.statements.size >= this.#statementsPerConnection) {
      const [oldestSql, oldest] = pooled.statements.entries().next().value!;
      pooled.statements.delete(oldestSql);
      oldest.destroySync();
    }
    pooled.statements.set(sql, statement);
    return statement;
  }

  #close(pooled: PooledConnection): void {
    pooled.statements.clear();
    pooled.own.clear();
    this.#closedCount += 1;
    // Also destroys every statement the connection prepared.
    pooled.connection.closeSync();
  }
}
