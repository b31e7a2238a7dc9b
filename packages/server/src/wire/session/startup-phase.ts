/**
 * From TCP connect to an authenticated principal: SSLRequest (upgrade with TLS or answer 'N'),
 * GSSENCRequest ('N'), CancelRequest (cancel and hang up), then StartupMessage, a cleartext
 * password request — the password is a Meshwork API token or a JWT — and the user name check.
 *
 * User names: the StartupMessage's `user` must be the principal's id or empty. Tools fill in the
 * OS user when none is given; refusing a mismatch (MW5404) keeps logs and `current_user` honest
 * about who is connected instead of showing a name the token does not belong to.
 */
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { TLSSocket, type SecureContext } from 'node:tls';
import { isMeshworkError } from '@meshwork/core';
import type { Principal } from '../../identity/principal.js';
import { BackendWriter, type ByteSink } from '../protocol/backend-writer.js';
import { authenticationCleartextPassword, negotiateProtocolVersion } from '../protocol/backend-messages.js';
import { decodeFrontendMessage } from '../protocol/frontend-messages.js';
import { parseStartupPacket } from '../protocol/startup-packet.js';
import { WireError, protocolViolation } from '../wire-error.js';
import type { WireLog } from '../wire-options.js';
import type { CancelRegistry } from './cancel-registry.js';
import { ConnectionInput } from './connection-input.js';

export interface StartupContext {
  readonly maxMessageBytes: number;
  readonly secureContext: SecureContext | undefined;
  readonly registry: CancelRegistry;
  readonly authenticate: (user: string, password: string) => Promise<Principal>;
  /** Takes a connection slot; false when the server is full. */
  readonly admit: () => boolean;
  readonly log: WireLog;
}

/** The connection as it is now (TLS may replace the socket): what a failing startup writes to. */
export interface Connection {
  socket: Duplex;
  input: ConnectionInput;
  writer: BackendWriter;
}

export interface Ready {
  readonly principal: Principal;
  readonly parameters: ReadonlyMap<string, string>;
}

export function socketSink(socket: Duplex): ByteSink {
  return {
    write: (chunk, done) => {
      if (socket.destroyed || !socket.writable) {
        done();
        return true;
      }
      return socket.write(chunk, () => done());
    },
    drained: () =>
      new Promise((resolve) => {
        const finish = (): void => {
          socket.off('drain', finish);
          socket.off('close', finish);
          resolve();
        };
        socket.on('drain', finish);
        socket.on('close', finish);
      }),
  };
}

export function openConnection(socket: Socket, maxMessageBytes: number): Connection {
  return { socket, input: new ConnectionInput(socket, maxMessageBytes), writer: new BackendWriter(socketSink(socket)) };
}

function switchToTls(connection: Connection, context: StartupContext): void {
  connection.input.detach();
  const tls = new TLSSocket(connection.socket, { isServer: true, secureContext: context.secureContext! });
  tls.on('error', () => tls.destroy());
  connection.socket = tls;
  connection.input = new ConnectionInput(tls, context.maxMessageBytes);
  connection.writer = new BackendWriter(socketSink(tls));
}

/** Runs the startup phase; undefined when the connection ends without a session (cancel, hang-up). */
export async function runStartup(connection: Connection, context: StartupContext): Promise<Ready | undefined> {
  let negotiatedTls = false;
  let startup: Extract<ReturnType<typeof parseStartupPacket>, { kind: 'startup' }> | undefined;
  while (!startup) {
    const raw = await connection.input.nextStartup();
    if (!raw) return undefined;
    const packet = parseStartupPacket(raw.body);
    switch (packet.kind) {
      case 'ssl':
      case 'gssenc':
        // Bytes after the request would be read as if they had come through TLS (CVE-2021-23214).
        if (connection.input.bufferedBytes > 0) throw protocolViolation('received unencrypted data after SSL request');
        if (packet.kind === 'ssl' && context.secureContext && !negotiatedTls) {
          connection.socket.write('S');
          switchToTls(connection, context);
          negotiatedTls = true;
        } else {
          connection.socket.write('N');
        }
        break;
      case 'cancel':
        context.registry.cancel(packet.processId, packet.secretKey);
        return undefined;
      case 'startup':
        startup = packet;
    }
  }
  const { parameters } = startup;
  if (parameters.has('replication') && !/^(false|off|no|0)$/i.test(parameters.get('replication')!)) {
    throw new WireError('MW5407', '0A000', 'replication connections are not supported', true);
  }
  const unknownOptions = [...parameters.keys()].filter((name) => name.startsWith('_pq_.'));
  if (startup.minor > 0 || unknownOptions.length > 0) negotiateProtocolVersion(connection.writer, 0, unknownOptions);
  if (!context.admit()) {
    throw new WireError('MW5405', '53300', 'sorry, too many clients already', true);
  }
  authenticationCleartextPassword(connection.writer);
  await connection.writer.flush();
  const response = await connection.input.next();
  if (!response) return undefined;
  if (response.type !== 0x70) {
    throw protocolViolation(`expected password response, got message type ${response.type}`);
  }
  const message = decodeFrontendMessage(response);
  if (message.type !== 'password') throw protocolViolation('expected password response');
  const user = parameters.get('user') ?? '';
  const principal = await authenticatePassword(user, message.password, context);
  if (user !== '' && user !== principal.id) {
    throw new WireError(
      'MW5404',
      '28000',
      `user "${user}" does not match the token, which belongs to "${principal.id}"; connect as "${principal.id}"`,
      true,
    );
  }
  return { principal, parameters };
}

async function authenticatePassword(user: string, password: string, context: StartupContext): Promise<Principal> {
  // One message for unknown, wrong, expired and revoked tokens: failures must not tell them apart.
  const failed = new WireError('MW5403', '28P01', `password authentication failed for user "${user}"`, true);
  if (password === '') throw failed;
  try {
    return await context.authenticate(user, password);
  } catch (error) {
    if (isMeshworkError(error) && error.kind === 'unavailable') {
      throw new WireError('MW5403', '57P03', 'authentication is unavailable; try again later', true);
    }
    if (!isMeshworkError(error)) context.log('error', 'authentication failed unexpectedly', { error: String(error) });
    throw failed;
  }
}
