/**
 * One client connection from accept to close: the startup phase, the startup response
 * (AuthenticationOk, ParameterStatus, BackendKeyData, ReadyForQuery), then the message loop that
 * dispatches to the simple and extended query protocols. Errors of a statement are answered and
 * the session goes on; protocol violations, timeouts and shutdown end it with a FATAL error.
 */
import type { Socket } from 'node:net';
import type { SecureContext } from 'node:tls';
import type { QueryGateway, QueryLimits } from '../../gateway/gateway-types.js';
import type { Principal } from '../../identity/principal.js';
import {
  authenticationOk,
  backendKeyData,
  errorResponse,
  parameterStatus,
  readyForQuery,
} from '../protocol/backend-messages.js';
import { decodeFrontendMessage, type FrontendMessage } from '../protocol/frontend-messages.js';
import { WireError, protocolViolation } from '../wire-error.js';
import type { WireLimits, WireLog } from '../wire-options.js';
import { NO_CONNECTION_OBSERVER, type WireConnectionObserver } from '../wire-observer.js';
import type { CancelRegistry, CancelRegistration } from './cancel-registry.js';
import { errorFields } from './error-fields.js';
import {
  PortalFailure,
  handleBind,
  handleClose,
  handleDescribe,
  handleExecute,
  handleParse,
  handleSync,
} from './extended-query.js';
import { observedSource } from './observed-source.js';
import { gatewaySource, type QuerySource } from './query-source.js';
import { SessionCore } from './session-core.js';
import { SessionSettings, isLocalSetting } from './session-settings.js';
import { simpleQuery } from './simple-query.js';
import { openConnection, runStartup, type Connection, type Ready } from './startup-phase.js';
import { startupSettings } from './startup-options.js';

export interface SessionServices {
  readonly gateway: QueryGateway;
  readonly authenticate: (user: string, password: string) => Promise<Principal>;
  readonly catalogFor: (principal: Principal) => QuerySource;
  readonly registry: CancelRegistry;
  readonly limits: WireLimits;
  readonly queryLimits: QueryLimits | undefined;
  readonly secureContext: SecureContext | undefined;
  readonly serverVersion: string;
  readonly log: WireLog;
  /** Takes a session slot (false when full); `release` gives it back. */
  readonly admit: () => boolean;
  readonly release: () => void;
}

/** How long a FATAL error may take to reach a client that does not read before we hang up. */
const GOODBYE_MS = 1000;

export class WireSession {
  private readonly connection: Connection;
  private core: SessionCore | undefined;
  private admitted = false;
  private ended = false;
  /** Server shutdown: end the session at its next idle point (after ReadyForQuery). */
  private draining = false;
  /** Waiting for the next statement with nothing in progress (ReadyForQuery was sent). */
  private idle = false;

  constructor(
    socket: Socket,
    private readonly services: SessionServices,
    private readonly observer: WireConnectionObserver = NO_CONNECTION_OBSERVER,
  ) {
    socket.setNoDelay(true);
    socket.on('error', () => socket.destroy());
    this.connection = openConnection(socket, services.limits.maxMessageBytes);
  }

  async run(): Promise<void> {
    const { services } = this;
    const startupTimer = setTimeout(
      () => void this.end(new WireError('MW5406', '08P01', 'startup did not complete in time', true)),
      services.limits.startupTimeoutMs,
    );
    let registration: CancelRegistration | undefined;
    try {
      const ready = await runStartup(this.connection, {
        maxMessageBytes: services.limits.maxMessageBytes,
        secureContext: services.secureContext,
        registry: services.registry,
        authenticate: services.authenticate,
        log: services.log,
        admit: () => (this.admitted = services.admit()),
      });
      if (!ready || this.ended) return;
      this.observer.authenticated(ready.principal.id);
      registration = services.registry.register(() => this.core?.cancelActive());
      this.core = this.createCore(ready, registration);
      await this.core.writer.flush();
      clearTimeout(startupTimer);
      this.idle = true;
      if (this.draining) return await this.terminate();
      await this.loop(this.core);
    } catch (error) {
      await this.end(error);
    } finally {
      clearTimeout(startupTimer);
      registration?.unregister();
      this.core?.shutdown();
      if (this.admitted) services.release();
      this.admitted = false;
      this.hangUp();
    }
  }

  /**
   * Server shutdown with a grace period: an idle session (or one still starting) ends now, a busy
   * one right after its current statement or extended-protocol batch has been answered.
   */
  drain(): Promise<void> {
    this.draining = true;
    return this.idle || !this.core ? this.terminate() : Promise.resolve();
  }

  /** Ends the session from outside (server shutdown): FATAL 57P01, running query cancelled. */
  terminate(): Promise<void> {
    this.core?.cancelActive();
    return this.end(new WireError('MW5415', '57P01', 'terminating connection due to administrator command', true));
  }

  private createCore(ready: Ready, registration: CancelRegistration): SessionCore {
    const { principal } = ready;
    const writer = this.connection.writer;
    let reporting = false;
    const settings = new SessionSettings(
      { server_version: this.services.serverVersion, session_authorization: principal.id },
      (name, value) => {
        if (reporting) parameterStatus(writer, name, value);
      },
    );
    for (const [name, value] of startupSettings(ready.parameters)) {
      // Startup parameters are applied leniently: libpq sends client_encoding=SQL_ASCII under the
      // C locale, JDBC its JVM time zone; the session keeps UTF8 and UTC and reports them.
      if (!isLocalSetting(name)) continue;
      try {
        settings.set(name, value);
      } catch {
        // keep the default
      }
    }
    authenticationOk(writer);
    for (const [name, value] of settings.reported()) parameterStatus(writer, name, value);
    backendKeyData(writer, registration.processId, registration.secretKey);
    readyForQuery(writer, 'I');
    reporting = true;
    const purpose = (): string | undefined => settings.get('meshwork.purpose') || undefined;
    return new SessionCore({
      writer,
      settings,
      principal,
      log: this.services.log,
      processId: registration.processId,
      gateway: observedSource(
        gatewaySource({
          gateway: this.services.gateway,
          principal,
          purpose,
          statementTimeoutMs: () => settings.statementTimeoutMs,
          ...(this.services.queryLimits ? { limits: this.services.queryLimits } : {}),
        }),
        'gateway',
        this.observer,
      ),
      catalog: observedSource(this.services.catalogFor(principal), 'catalog', this.observer),
    });
  }

  private async loop(core: SessionCore): Promise<void> {
    const idleTimeout = this.services.limits.idleTimeoutMs;
    for (;;) {
      const raw = await this.connection.input.next(idleTimeout);
      if (!raw || this.ended) return;
      this.idle = false;
      let message: FrontendMessage;
      try {
        message = decodeFrontendMessage(raw);
      } catch (error) {
        if (error instanceof WireError && !error.fatal) {
          // Undecodable text (invalid UTF-8) in an otherwise well-framed message.
          core.writeError(error);
          if (raw.type === 0x51) readyForQuery(core.writer, core.transactionStatus);
          else core.discarding = true;
          await core.writer.flush();
          continue;
        }
        throw error;
      }
      if (message.type === 'terminate') return;
      if (core.discarding && message.type !== 'sync') continue;
      await this.dispatch(core, message);
      // A Query or Sync ends with ReadyForQuery: the client waits for nothing else.
      if (message.type === 'query' || message.type === 'sync') {
        this.idle = true;
        if (this.draining) return await this.terminate();
      }
    }
  }

  private async dispatch(core: SessionCore, message: FrontendMessage): Promise<void> {
    switch (message.type) {
      case 'query':
        return simpleQuery(core, message.sql);
      case 'sync':
        return handleSync(core);
      case 'flush':
        return core.writer.flush();
      case 'password':
        throw protocolViolation('unexpected password message');
      case 'unsupported':
        if (message.what !== 'COPY') {
          core.writeError(new WireError('MW5407', '0A000', `${message.what} is not supported`));
          readyForQuery(core.writer, core.transactionStatus);
          await core.writer.flush();
        }
        // CopyData/CopyDone/CopyFail outside COPY are ignored, as PostgreSQL does.
        return;
      default:
    }
    try {
      if (message.type === 'parse') handleParse(core, message);
      else if (message.type === 'bind') await handleBind(core, message);
      else if (message.type === 'describe') await handleDescribe(core, message);
      else if (message.type === 'execute') await handleExecute(core, message);
      else if (message.type === 'close') handleClose(core, message);
    } catch (error) {
      if (error instanceof WireError && error.fatal) throw error;
      if (error instanceof PortalFailure) core.writeError(error.error, { cancelled: error.cancelled });
      else core.writeError(error);
      core.discarding = true;
    }
  }

  /** Sends a FATAL error (when there is one to send) and closes the connection. */
  private async end(error?: unknown): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    const socket = this.connection.socket;
    if (error !== undefined && !socket.destroyed && socket.writable) {
      const { fields, bug } = errorFields(error, { cancelled: false });
      if (bug) this.services.log('error', 'session failed unexpectedly', { error: String(error) });
      try {
        errorResponse(this.connection.writer, { ...fields, severity: 'FATAL' });
        await Promise.race([this.connection.writer.flush(), new Promise((r) => setTimeout(r, GOODBYE_MS).unref())]);
      } catch {
        // the client is gone
      }
    }
    this.hangUp();
  }

  private hangUp(): void {
    this.ended = true;
    const socket = this.connection.socket;
    if (socket.destroyed) return;
    socket.end();
    setTimeout(() => socket.destroy(), GOODBYE_MS).unref();
  }
}
