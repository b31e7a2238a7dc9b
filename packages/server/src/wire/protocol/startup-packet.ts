/**
 * The first packet of a connection: a StartupMessage with the protocol version and parameters,
 * or one of the special requests that reuse its framing with a reserved version number.
 */
import { BodyCursor } from './body-cursor.js';
import { WireError, protocolViolation } from '../wire-error.js';

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;

export type StartupPacket =
  | { readonly kind: 'ssl' }
  | { readonly kind: 'gssenc' }
  | { readonly kind: 'cancel'; readonly processId: number; readonly secretKey: Buffer }
  | {
      readonly kind: 'startup';
      readonly major: number;
      readonly minor: number;
      readonly parameters: ReadonlyMap<string, string>;
    };

export function parseStartupPacket(body: Buffer): StartupPacket {
  const cursor = new BodyCursor(body, 'startup packet');
  const code = cursor.int32();
  if (code === SSL_REQUEST) return end(cursor, { kind: 'ssl' });
  if (code === GSSENC_REQUEST) return end(cursor, { kind: 'gssenc' });
  if (code === CANCEL_REQUEST) {
    const processId = cursor.int32();
    // Protocol 3.2 allows keys of up to 256 bytes; 3.0 keys are 4 bytes.
    if (cursor.remaining < 4 || cursor.remaining > 256) throw protocolViolation('invalid cancel request');
    return { kind: 'cancel', processId, secretKey: Buffer.from(cursor.bytes(cursor.remaining)) };
  }
  const major = code >>> 16;
  const minor = code & 0xffff;
  if (major !== 3) {
    throw new WireError(
      'MW5407',
      '0A000',
      `unsupported frontend protocol ${major}.${minor}: server supports 3.0 to 3.0`,
      true,
    );
  }
  const parameters = new Map<string, string>();
  for (;;) {
    const name = cursor.cstring();
    if (name === '') break;
    parameters.set(name, cursor.cstring());
  }
  cursor.end();
  return { kind: 'startup', major, minor, parameters };
}

function end<T>(cursor: BodyCursor, packet: T): T {
  cursor.end();
  return packet;
}
