/**
 * The governed SQL gateway: parse with DuckDB's parser → check the whole tree → resolve every
 * relation to a product snapshot → authorize each through the access policies → replace it with
 * its governed relation (masks, row filters) → render → parse and check the result again → run in
 * the sandbox with limits. Front ends (CLI, HTTP, wire protocol) only authenticate and encode.
 */
import { InputError, NotAllowedError, NotFoundError, UnavailableError } from '@meshwork/core';
import type { DuckDBDataChunk, DuckDBPreparedStatement, DuckDBValue } from '@duckdb/node-api';
import type { Authorizer, AgreementLookup, ActiveAgreement, ReadPlan } from '../access/access-types.js';
import type { Principal } from '../identity/principal.js';
import type { DeprecatedSinceLookup } from '../lifecycle/deprecated-since.js';
import { relationDeprecations } from '../lifecycle/relation-deprecations.js';
import type { AstObject } from './ast-json.js';
import { executionError, sanitize, type InterruptReason } from './execution-errors.js';
import type {
  GatewayQuery,
  QueryDescription,
  QueryGateway,
  QueryOptions,
  QueryStats,
  QueryStream,
  ResultColumn,
  VisibleRelation,
} from './gateway-types.js';
import { governedRelationKey, governedRelationSql } from './governed-relation.js';
import {
  analyzeQuery,
  canonicalAst,
  type QueryAnalysis,
  type TableReference,
  type TrustedParts,
} from './query-analyzer.js';
import { spliceRelations } from './relation-splice.js';
import { RetiredRelationError, type RelationCatalog, type ResolvedRelation } from './relation-catalog.js';
import { createSandbox, type Sandbox, type SandboxOptions } from './sandbox.js';
import {
  SandboxConnectionPool,
  type ConnectionLease,
  type SandboxPoolOptions,
  type SandboxPoolStats,
} from './sandbox-connection-pool.js';
import { parseStatement, renderStatement, type ParserStatements } from './sql-parser.js';
import { unknownRelation } from './unknown-relation.js';
import { listVisibleRelations } from './visible-relations.js';

export interface GatewayLimits {
  readonly timeoutMs: number;
  readonly maxRows: number;
  readonly maxBytes: number;
  readonly maxConcurrentPerPrincipal: number;
}

export const DEFAULT_GATEWAY_LIMITS: GatewayLimits = {
  timeoutMs: 120_000,
  maxRows: 10_000_000,
  maxBytes: 4 * 1024 ** 3,
  maxConcurrentPerPrincipal: 16,
};

/** One finished (or failed) query, for usage metering. */
export interface QueryUsage {
  readonly principalId: string;
  readonly authenticatedBy: string;
  readonly products: readonly string[];
  readonly ports: readonly { readonly productId: string; readonly port: string; readonly major: number }[];
  readonly agreementIds: readonly string[];
  readonly purpose?: string;
  readonly rows: number;
  readonly bytes: number;
  readonly durationMs: number;
  readonly status: 'ok' | 'failed' | 'cancelled';
  readonly errorCode?: string;
  readonly startedAt: string;
}

export interface QueryGatewayOptions extends Omit<SandboxOptions, 'maskingKey'> {
  readonly catalog: RelationCatalog;
  readonly authorizer: Authorizer;
  readonly agreements?: AgreementLookup;
  readonly maskingKey: Uint8Array;
  readonly limits?: Partial<GatewayLimits>;
  readonly onUsage?: (usage: QueryUsage) => void;
  readonly now?: () => Date;
  /** Since when a deprecated port version is deprecated, for the notices of queries reading it. */
  readonly deprecatedSince?: DeprecatedSinceLookup;
  /** Told when a query names a port version past its endOfLife (refused, MW5006); must return at once. */
  readonly onRetiredRead?: (port: {
    readonly productId: string;
    readonly port: string;
    readonly major: number;
  }) => void;
  /** How many sandbox connections and prepared statements are kept for reuse (sandbox-connection-pool.ts). */
  readonly connectionPool?: SandboxPoolOptions;
}

interface GovernedRelation {
  readonly sql: string;
  /** `canonicalAst` of its parse tree: what the final check recognises as trusted. */
  readonly canonical: string;
}

interface ParsedQuery {
  readonly statement: AstObject;
  readonly analysis: QueryAnalysis;
}

interface PreparedQuery {
  readonly sql: string;
  readonly relations: readonly ResolvedRelation[];
  readonly plans: readonly ReadPlan[];
  readonly parameterCount: number;
}

/** The gateway as created here: the port, its limits, and its connection pool's counters. */
export interface GovernedQueryGateway extends QueryGateway {
  readonly limits: GatewayLimits;
  poolStats(): SandboxPoolStats;
}

export async function createQueryGateway(options: QueryGatewayOptions): Promise<GovernedQueryGateway> {
  const sandbox = await createSandbox(options);
  return new GovernedGateway(sandbox, options);
}

class GovernedGateway implements GovernedQueryGateway {
  readonly limits: GatewayLimits;
  readonly #governed = new Map<string, GovernedRelation>();
  readonly #parsed = new Map<string, ParsedQuery>();
  readonly #verified = new Map<string, true>();
  readonly #running = new Map<string, number>();
  readonly #now: () => Date;
  readonly #pool: SandboxConnectionPool;
  #closed = false;

  constructor(
    private readonly sandbox: Sandbox,
    private readonly options: QueryGatewayOptions,
  ) {
    this.limits = { ...DEFAULT_GATEWAY_LIMITS, ...options.limits };
    this.#now = options.now ?? (() => new Date());
    this.#pool = new SandboxConnectionPool(sandbox.instance, options.connectionPool);
  }

  /** The connection pool's counters (tests, diagnostics); bound, so it works through wrappers (metered views). */
  readonly poolStats = (): SandboxPoolStats => this.#pool.stats();

  async describe(principal: Principal, query: GatewayQuery): Promise<QueryDescription> {
    const lease = await this.#pool.acquire();
    let succeeded = false;
    try {
      const prepared = await this.#prepare(lease, principal, query);
      const statement = await this.#compile(lease, prepared);
      const columns: ResultColumn[] = [];
      for (let i = 0; i < statement.columnCount; i++) {
        const type = statement.columnType(i);
        columns.push({ name: statement.columnName(i), type, typeName: type.toString() });
      }
      const parameters = [];
      for (let i = 1; i <= statement.parameterCount; i++) {
        const type = statement.parameterType(i);
        parameters.push({ type, typeName: type.toString() });
      }
      succeeded = true;
      return { columns, parameters };
    } finally {
      lease.release(succeeded);
    }
  }

  async stream(principal: Principal, query: GatewayQuery, options: QueryOptions = {}): Promise<QueryStream> {
    const release = this.#acquireSlot(principal);
    const startedAt = this.#now();
    const started = performance.now();
    const lease = await this.#pool.acquire().catch((error: unknown) => {
      release();
      throw error;
    });
    let prepared: PreparedQuery | undefined;
    const usage = (
      status: QueryUsage['status'],
      stats: Omit<QueryStats, 'products' | 'truncated'>,
      errorCode?: string,
    ) =>
      this.options.onUsage?.({
        principalId: principal.id,
        authenticatedBy: principal.authenticatedBy,
        products: [...new Set(prepared?.relations.map((r) => r.port.productId) ?? [])],
        ports: prepared?.relations.map((r) => r.port) ?? [],
        agreementIds: [...new Set(prepared?.plans.flatMap((p) => (p.agreement ? [p.agreement.id] : [])) ?? [])],
        ...(query.purpose !== undefined ? { purpose: query.purpose } : {}),
        ...stats,
        status,
        ...(errorCode !== undefined ? { errorCode } : {}),
        startedAt: startedAt.toISOString(),
      });
    let interrupted: InterruptReason | undefined;
    // A stream that is cancelled or times out before anyone iterates it must still give back its
    // slot and connection: nothing else would ever call finish().
    let iterating = false;
    let streamReady = false;
    // DuckDB drops an interrupt that reaches a connection before its statement started (a timer
    // that fired while the query was being authorized, or while the work was queued for a worker
    // thread): it is sent again until the query ends, so the statement stops once it runs.
    let reinterrupt: ReturnType<typeof setInterval> | undefined;
    const interrupt = (reason: InterruptReason) => {
      if (finished) return;
      interrupted ??= reason;
      // A no-op once the lease ended (the statement has run): a late timer or cancel never
      // reaches the query that uses the connection next.
      lease.interrupt();
      reinterrupt ??= setInterval(() => lease.interrupt(), INTERRUPT_REPEAT_MS).unref();
      if (streamReady && !iterating) abandon();
    };
    const asked = options.timeoutMs;
    const timeoutMs =
      asked !== undefined && Number.isFinite(asked) && asked > 0
        ? Math.min(asked, this.limits.timeoutMs)
        : this.limits.timeoutMs;
    const timer = setTimeout(() => interrupt('timeout'), timeoutMs);
    const onAbort = () => interrupt('cancel');
    options.signal?.addEventListener('abort', onAbort, { once: true });
    let finished = false;
    let abandon = () => undefined as void;
    const finish = () => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      clearInterval(reinterrupt);
      options.signal?.removeEventListener('abort', onAbort);
      release();
      // Idempotent: a query that ran to the end gave its connection back already.
      lease.release(false);
    };
    try {
      if (options.signal?.aborted) throw new InputError('MW5011', 'the query was cancelled');
      prepared = await this.#prepare(lease, principal, query);
      // Readers of a deprecated port version are told (HTTP headers, a wire NoticeResponse, stderr);
      // a notice that cannot be made never fails the query. A query of no product has none.
      const deprecations =
        prepared.relations.length === 0
          ? []
          : await relationDeprecations(prepared.relations, this.options.catalog, this.options.deprecatedSince).catch(
              () => [],
            );
      const statement = await this.#compile(lease, prepared);
      bindParameters(statement, query.parameters ?? []);
      // Stopped while it was being prepared: not started at all.
      if (interrupted) throw new Error('interrupted');
      // Materialized, not DuckDB's streaming result: the Node binding of a streaming result turns an
      // error raised after the first chunk into a quiet end of stream (the error is not exposed),
      // which would hand a client a truncated result as if it were complete. A materialized result
      // fails here instead; it lives in DuckDB's buffer pool (spilling under memory pressure) and
      // is still sent chunk by chunk.
      const result = await statement.run();
      // Nothing runs on the connection any more and the result does not need it: it serves the
      // next query while this one is read — unless this one was interrupted on the way.
      lease.release(interrupted === undefined);
      const columns: ResultColumn[] = result.columnNames().map((name, i) => {
        const type = result.columnType(i);
        return { name, type, typeName: type.toString() };
      });
      const rowWidth = estimateRowWidth(columns);
      const maxRows = Math.min(options.maxRows ?? this.limits.maxRows, this.limits.maxRows);
      const maxBytes = Math.min(options.maxBytes ?? this.limits.maxBytes, this.limits.maxBytes);
      const onLimit = options.onLimit ?? 'truncate';
      const warehouseRoot = this.options.warehouseRoot;
      const products = [...new Set(prepared.relations.map((r) => r.port.productId))];
      let rows = 0;
      let bytes = 0;
      let truncated = false;
      const stats = (): QueryStats => ({ rows, bytes, durationMs: performance.now() - started, products, truncated });
      streamReady = true;
      abandon = () => {
        if (finished) return;
        finish();
        usage(interrupted === 'timeout' ? 'failed' : 'cancelled', {
          rows: 0,
          bytes: 0,
          durationMs: performance.now() - started,
        });
      };
      async function* chunks(): AsyncGenerator<DuckDBDataChunk> {
        iterating = true;
        if (finished) throw executionError(new Error('interrupted'), warehouseRoot, interrupted ?? 'cancel', timeoutMs);
        let status: QueryUsage['status'] = 'ok';
        let code: string | undefined;
        try {
          // The result is complete in memory: its chunks are read in place, without a round trip
          // through DuckDB's worker threads per chunk (nor one more to learn that none is left).
          const chunkCount = result.chunkCount;
          for (let index = 0; index < chunkCount; index++) {
            if (interrupted) throw executionError(new Error('interrupted'), warehouseRoot, interrupted, timeoutMs);
            let chunk: DuckDBDataChunk;
            try {
              chunk = result.getChunk(index);
            } catch (error) {
              throw executionError(error, warehouseRoot, interrupted, timeoutMs);
            }
            if (chunk.rowCount === 0) continue;
            let count = chunk.rowCount;
            const room = Math.min(maxRows - rows, Math.floor((maxBytes - bytes) / rowWidth));
            if (count > room) {
              if (onLimit === 'fail') {
                throw new InputError(
                  'MW5012',
                  `the result is larger than the limit (${maxRows} rows, ${maxBytes} bytes)`,
                );
              }
              truncated = true;
              count = Math.max(0, room);
              chunk.rowCount = count;
            }
            rows += count;
            bytes += count * rowWidth;
            if (count > 0) yield chunk;
            if (truncated) return;
          }
          // Cancelled after the last chunk was handed out: the stream ends as cancelled.
          if (interrupted) throw executionError(new Error('interrupted'), warehouseRoot, interrupted, timeoutMs);
        } catch (error) {
          status = interrupted === 'cancel' ? 'cancelled' : 'failed';
          code = (error as { code?: string }).code;
          throw error;
        } finally {
          finish();
          // A consumer that stops reading after cancel() (a closed output) ends the stream quietly.
          if (status === 'ok' && interrupted === 'cancel') status = 'cancelled';
          usage(status, { rows, bytes, durationMs: performance.now() - started }, code);
        }
      }
      return {
        columns,
        ...(deprecations.length > 0 ? { deprecations } : {}),
        chunks,
        cancel: () => {
          if (!finished) interrupt('cancel');
        },
        stats,
      };
    } catch (error) {
      // #compile maps an interrupted prepare (constant folding) to "cancelled" without knowing
      // why it was interrupted; the reason recorded here is the one to report (MW5010 on timeout).
      const mapped = executionError(
        interrupted ? new Error('interrupted') : error,
        this.options.warehouseRoot,
        interrupted,
        timeoutMs,
      );
      finish();
      usage(
        interrupted === 'cancel' ? 'cancelled' : 'failed',
        { rows: 0, bytes: 0, durationMs: performance.now() - started },
        (mapped as { code?: string }).code,
      );
      throw mapped;
    }
  }

  visibleRelations(principal: Principal): Promise<readonly VisibleRelation[]> {
    return listVisibleRelations(this.options.catalog, this.options.authorizer, principal, (port) =>
      this.#agreements(principal, port),
    );
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#pool.close();
    this.sandbox.close();
  }

  async #prepare(lease: ConnectionLease, principal: Principal, query: GatewayQuery): Promise<PreparedQuery> {
    const parsed = await this.#parse(lease, query.sql);
    const relations: ResolvedRelation[] = [];
    const plans: ReadPlan[] = [];
    const governed: GovernedRelation[] = [];
    for (const table of parsed.analysis.tables) {
      const relation = await this.#resolve(principal, table);
      const plan = await this.#authorize(principal, relation, table, query.purpose);
      relations.push(relation);
      plans.push(plan);
      governed.push(await this.#governedRelation(lease, relation, plan));
    }
    const trusted = { governed: new Set(governed.map((g) => g.canonical)) };
    const spliced = spliceRelations(
      query.sql,
      parsed.analysis.tables.map((table, i) => ({
        location: table.location ?? -1,
        hasAtClause: table.hasAtClause,
        hasAlias: table.alias !== '',
        defaultAlias: table.table.replace(/@.*$/, ''),
        replacement: governed[i]!.sql,
      })),
    );
    const base = { relations, plans, parameterCount: parsed.analysis.parameterCount };
    if (spliced !== undefined) {
      try {
        await this.#verify(lease, spliced, trusted);
        return { sql: spliced, ...base };
      } catch (error) {
        // A splice DuckDB reads differently (`TABLE x`, exotic syntax around a name) falls back to
        // rendering the tree; anything the check refuses for another reason is refused.
        if ((error as { code?: string }).code !== 'MW5001') throw error;
      }
    }
    const rendered = await this.#render(
      lease,
      query.sql,
      governed.map((g) => g.sql),
    );
    await this.#verify(lease, rendered, trusted);
    return { sql: rendered, ...base };
  }

  /**
   * Defence in depth: the final text is parsed and checked again. Subqueries that are exactly a
   * governed relation are trusted; everything else meets the user's rules — a splice or rendering
   * that DuckDB would read differently cannot smuggle a file read or a masking macro out.
   */
  async #verify(connection: ParserStatements, sql: string, trusted: TrustedParts): Promise<void> {
    if (this.#verified.has(sql)) return;
    analyzeQuery(await parseStatement(connection, sql), this.sandbox.functions, trusted);
    remember(this.#verified, sql, true);
  }

  /** Parse and check, cached by text: a dashboard or a driver sends the same text many times. */
  async #parse(connection: ParserStatements, sql: string): Promise<ParsedQuery> {
    const cached = this.#parsed.get(sql);
    if (cached) return cached;
    const statement = await parseStatement(connection, sql);
    const parsed = { statement, analysis: analyzeQuery(statement, this.sandbox.functions) };
    remember(this.#parsed, sql, parsed);
    return parsed;
  }

  /** The slow path, when the parser reported no position for a relation: render the rewritten tree. */
  async #render(connection: ParserStatements, sql: string, governed: readonly string[]): Promise<string> {
    const statement = await parseStatement(connection, sql);
    const { tables } = analyzeQuery(statement, this.sandbox.functions);
    for (const [i, table] of tables.entries()) {
      const subquery = await parseStatement(connection, governed[i]!);
      const node = table.node;
      const replacement: AstObject = {
        type: 'SUBQUERY',
        alias: table.alias || table.table.replace(/@.*$/, ''),
        sample: node.sample ?? null,
        query_location: node.query_location ?? null,
        subquery,
        column_name_alias: node.column_name_alias ?? [],
      };
      for (const key of Object.keys(node)) delete node[key];
      Object.assign(node, replacement);
    }
    return renderStatement(connection, statement);
  }

  /**
   * The governed SQL of a relation under a plan, parsed and bound on its own once. Binding alone
   * matters: a mask or row filter naming a column the snapshot lacks would otherwise bind to a
   * column of the user's query around it (a lateral join) and stop filtering.
   */
  async #governedRelation(
    lease: ConnectionLease,
    relation: ResolvedRelation,
    plan: ReadPlan,
  ): Promise<GovernedRelation> {
    const key = governedRelationKey(`${relation.port.productId}/${relation.port.port}/${relation.snapshotId}`, plan);
    const cached = this.#governed.get(key);
    if (cached) return cached;
    const sql = governedRelationSql(relation, plan);
    const canonical = canonicalAst(await parseStatement(lease, sql));
    try {
      (await lease.connection.prepare(sql)).destroySync();
    } catch (error) {
      throw new NotAllowedError(
        'MW5019',
        `${relation.port.productId} ${relation.port.port} v${relation.port.major} cannot be read under its access policies (${sanitize(String((error as Error).message ?? error), this.options.warehouseRoot)}); its owner must fix the masks or row filters`,
      );
    }
    const entry = { sql, canonical };
    remember(this.#governed, key, entry);
    return entry;
  }

  async #resolve(principal: Principal, table: TableReference): Promise<ResolvedRelation> {
    const display = `${table.schema}.${table.table}`;
    const target = this.options.catalog.target(
      table.schema.toLowerCase(),
      table.table.toLowerCase().replace(/@.*$/, ''),
    );
    // A product the principal may not discover does not exist, as far as the principal knows.
    if (
      target &&
      !this.options.authorizer.isAllowed(principal, 'discover', { kind: 'product', productId: target.productId })
        .allowed
    ) {
      throw unknownRelation(display, principal);
    }
    try {
      return await this.options.catalog.resolve(table.schema, table.table, table.snapshotId);
    } catch (error) {
      if (error instanceof NotFoundError && error.code === 'MW5004') throw unknownRelation(display, principal);
      // The refusal stands as it is; the retirement is announced on the side (once per port version).
      if (error instanceof RetiredRelationError) {
        try {
          this.options.onRetiredRead?.(error.port);
        } catch {
          // An announcement never changes what the reader is told.
        }
      }
      throw error;
    }
  }

  async #authorize(
    principal: Principal,
    relation: ResolvedRelation,
    table: TableReference,
    purpose: string | undefined,
  ): Promise<ReadPlan> {
    const agreements = await this.#agreements(principal, relation.port);
    const decision = this.options.authorizer.planRead(principal, relation.port, {
      ...(purpose !== undefined ? { purpose } : {}),
      agreements,
      now: this.#now(),
    });
    if (!decision.allowed) {
      const reason = decision.decision.reason ?? 'no policy permits it';
      throw new NotAllowedError(
        'MW5016',
        `not allowed to query ${table.schema}.${table.table} (${relation.port.productId} ${relation.port.port} v${relation.port.major}): ${reason}`,
      );
    }
    return decision.plan;
  }

  #agreements(principal: Principal, port: ReadPlan['port']): Promise<readonly ActiveAgreement[]> {
    return this.options.agreements?.activeAgreements(principal.id, port, this.#now()) ?? Promise.resolve([]);
  }

  /** The final statement, prepared once per pooled connection and text (sandbox-connection-pool.ts). */
  async #compile(lease: ConnectionLease, prepared: PreparedQuery): Promise<DuckDBPreparedStatement> {
    try {
      return await lease.prepared(prepared.sql);
    } catch (error) {
      throw executionError(error, this.options.warehouseRoot);
    }
  }

  #acquireSlot(principal: Principal): () => void {
    const running = this.#running.get(principal.id) ?? 0;
    if (running >= this.limits.maxConcurrentPerPrincipal) {
      throw new UnavailableError(
        'MW5013',
        `${principal.id} already runs ${running} queries (the limit is ${this.limits.maxConcurrentPerPrincipal})`,
      );
    }
    this.#running.set(principal.id, running + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const now = (this.#running.get(principal.id) ?? 1) - 1;
      if (now <= 0) this.#running.delete(principal.id);
      else this.#running.set(principal.id, now);
    };
  }
}

const CACHE_ENTRIES = 2_000;

/** How often an interrupt is sent again while an interrupted query has not ended. */
const INTERRUPT_REPEAT_MS = 25;

/** A bounded cache: oldest entries go first (Maps iterate in insertion order). */
function remember<V>(cache: Map<string, V>, key: string, value: V): void {
  if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(key, value);
}

function bindParameters(statement: DuckDBPreparedStatement, values: readonly unknown[]): void {
  if (values.length !== statement.parameterCount) {
    throw new InputError(
      'MW5014',
      `the query has ${statement.parameterCount} parameter(s) but ${values.length} value(s) were given`,
    );
  }
  values.forEach((value, index) => {
    const position = index + 1;
    if (value === null || value === undefined) statement.bindNull(position);
    else if (typeof value === 'boolean') statement.bindBoolean(position, value);
    else if (typeof value === 'bigint') statement.bindBigInt(position, value);
    else if (typeof value === 'number') {
      if (Number.isSafeInteger(value)) statement.bindBigInt(position, BigInt(value));
      else statement.bindDouble(position, value);
    } else if (value instanceof Uint8Array) statement.bindBlob(position, value);
    else statement.bindVarchar(position, String(value as DuckDBValue));
  });
}

/** Bytes per row, roughly: fixed-width types by size, text and nested values by a guess. */
function estimateRowWidth(columns: readonly ResultColumn[]): number {
  let width = 0;
  for (const column of columns) {
    const name = column.typeName;
    if (/^(BOOLEAN|TINYINT|UTINYINT)$/.test(name)) width += 1;
    else if (/^(SMALLINT|USMALLINT)$/.test(name)) width += 2;
    else if (/^(INTEGER|UINTEGER|FLOAT|DATE)$/.test(name)) width += 4;
    else if (/^(HUGEINT|UHUGEINT|UUID|INTERVAL)$/.test(name) || name.startsWith('DECIMAL')) width += 16;
    else if (/^(BIGINT|UBIGINT|DOUBLE|TIME|TIMESTAMP)/.test(name)) width += 8;
    else width += 32;
  }
  return Math.max(1, width);
}
