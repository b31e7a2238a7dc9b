/**
 * The state of an authenticated session that the simple and extended query protocols share:
 * the output writer, settings, transaction status, prepared statements and portals, the query
 * sources, and the query that is running now (what a CancelRequest cancels).
 */
import type { QueryDescription, QueryStream } from '../../gateway/gateway-types.js';
import type { Principal } from '../../identity/principal.js';
import type { BackendWriter } from '../protocol/backend-writer.js';
import {
  errorResponse,
  noticeResponse,
  type ErrorFields,
  type TransactionStatus,
} from '../protocol/backend-messages.js';
import type { FormatCode } from '../protocol/frontend-messages.js';
import type { ResultEncoding } from '../types/row-encoder.js';
import { WireError } from '../wire-error.js';
import type { WireLog } from '../wire-options.js';
import { errorFields } from './error-fields.js';
import type { LocalContext, LocalResult } from './local-executor.js';
import type { QuerySource } from './query-source.js';
import type { ResultCursor } from './result-cursor.js';
import type { SessionSettings } from './session-settings.js';
import type { StatementPlan } from './statement-plan.js';

/** One query's cancellation: CancelRequest, client disconnect, portal close. */
export class QueryControl {
  readonly controller = new AbortController();
  cancelled = false;
  stream: QueryStream | undefined;

  cancel(): void {
    if (this.cancelled) return;
    this.cancelled = true;
    this.controller.abort();
    this.stream?.cancel();
  }
}

export interface PreparedStatement {
  readonly name: string;
  readonly plan: StatementPlan;
  /** Parameter OIDs declared in Parse (0 = let DuckDB infer). */
  readonly declaredTypes: readonly number[];
  /** Cached gateway/catalog description (Describe, parameter types). */
  description?: Promise<QueryDescription>;
}

export interface Portal {
  readonly name: string;
  readonly statement: PreparedStatement;
  readonly parameters: readonly unknown[];
  readonly resultFormats: readonly FormatCode[];
  readonly control: QueryControl;
  cursor?: Promise<ResultCursor>;
  encoding?: ResultEncoding;
  localResult?: LocalResult;
  completed: boolean;
}

export interface SessionCoreOptions {
  readonly writer: BackendWriter;
  readonly settings: SessionSettings;
  readonly principal: Principal;
  readonly gateway: QuerySource;
  readonly catalog: QuerySource;
  readonly log: WireLog;
  readonly processId: number;
}

export class SessionCore implements LocalContext {
  readonly writer: BackendWriter;
  readonly settings: SessionSettings;
  readonly principal: Principal;
  readonly log: WireLog;
  readonly processId: number;
  transactionStatus: TransactionStatus = 'I';
  /** After an error in an extended-protocol message, everything up to Sync is skipped. */
  discarding = false;
  readonly statements = new Map<string, PreparedStatement>();
  readonly portals = new Map<string, Portal>();
  /** The query executing right now, if any. */
  active: QueryControl | undefined;
  private readonly sources: { gateway: QuerySource; catalog: QuerySource };

  constructor(options: SessionCoreOptions) {
    this.writer = options.writer;
    this.settings = options.settings;
    this.principal = options.principal;
    this.log = options.log;
    this.processId = options.processId;
    this.sources = { gateway: options.gateway, catalog: options.catalog };
  }

  source(target: 'gateway' | 'catalog'): QuerySource {
    return this.sources[target];
  }

  /** Runs `work` as the session's active query, so that a CancelRequest reaches `control`. */
  async activate<T>(control: QueryControl, work: () => Promise<T>): Promise<T> {
    this.active = control;
    try {
      return await work();
    } finally {
      if (this.active === control) this.active = undefined;
    }
  }

  cancelActive(): void {
    this.active?.cancel();
  }

  writeError(error: unknown, control?: QueryControl | { readonly cancelled: boolean }): void {
    const { fields, bug } = errorFields(error, { cancelled: control?.cancelled ?? false });
    if (bug) {
      this.log('error', 'statement failed with an unexpected error', {
        processId: this.processId,
        principal: this.principal.id,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
    }
    errorResponse(this.writer, fields);
  }

  notice(fields: ErrorFields): void {
    noticeResponse(this.writer, fields);
  }

  closePortal(name: string): void {
    const portal = this.portals.get(name);
    if (!portal) return;
    this.portals.delete(name);
    // A finished query has nothing to cancel; aborting it would only tell the gateway it was.
    if (!portal.completed) portal.control.cancel();
    void portal.cursor?.then((cursor) => cursor.close()).catch(() => undefined);
  }

  closeAllPortals(): void {
    for (const name of [...this.portals.keys()]) this.closePortal(name);
  }

  deallocate(name: string | undefined): void {
    if (name === undefined) {
      for (const key of [...this.statements.keys()]) if (key !== '') this.statements.delete(key);
      return;
    }
    if (!this.statements.delete(name)) {
      throw new WireError('MW5409', '26000', `prepared statement "${name}" does not exist`);
    }
  }

  discardAll(): void {
    this.closeAllPortals();
    this.statements.clear();
    this.settings.resetAll();
  }

  /** Ends the session: stops whatever runs. */
  shutdown(): void {
    this.cancelActive();
    this.closeAllPortals();
  }
}
