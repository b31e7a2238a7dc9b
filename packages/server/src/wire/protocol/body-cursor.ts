/**
 * Reads the fields of one message body. Every read checks the bounds and strings must be valid
 * UTF-8 (the only client encoding we accept), so a malformed message becomes a protocol error
 * instead of an exception deep inside a session.
 */
import { WireError, protocolViolation } from '../wire-error.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export class BodyCursor {
  private offset = 0;

  constructor(
    private readonly body: Buffer,
    private readonly what: string,
  ) {}

  int16(): number {
    this.need(2);
    const value = this.body.readInt16BE(this.offset);
    this.offset += 2;
    return value;
  }

  int32(): number {
    this.need(4);
    const value = this.body.readInt32BE(this.offset);
    this.offset += 4;
    return value;
  }

  byte(): number {
    this.need(1);
    return this.body[this.offset++]!;
  }

  /** A NUL-terminated string. */
  cstring(): string {
    const nul = this.body.indexOf(0, this.offset);
    if (nul === -1) throw protocolViolation(`${this.what}: string not terminated`);
    const text = decodeUtf8(this.body.subarray(this.offset, nul));
    this.offset = nul + 1;
    return text;
  }

  bytes(length: number): Buffer {
    this.need(length);
    const value = this.body.subarray(this.offset, this.offset + length);
    this.offset += length;
    return value;
  }

  get remaining(): number {
    return this.body.length - this.offset;
  }

  /** Refuses trailing bytes, as PostgreSQL does. */
  end(): void {
    if (this.remaining !== 0) throw protocolViolation(`${this.what}: invalid message format`);
  }

  private need(length: number): void {
    if (length < 0 || this.offset + length > this.body.length) {
      throw protocolViolation(`${this.what}: message too short`);
    }
  }
}

export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new WireError('MW5401', '22021', 'invalid byte sequence for encoding "UTF8"');
  }
}
