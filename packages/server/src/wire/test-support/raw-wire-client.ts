/**
 * A byte-level PostgreSQL client for tests that drivers cannot express: row-limited Execute,
 * CancelRequest, SSLRequest, malformed and oversized messages. Written from the protocol
 * documentation; it trusts nothing and records every backend message.
 */
import { connect, type Socket } from 'node:net';

export interface BackendMessage {
  readonly type: string;
  readonly body: Buffer;
}

function cstring(text: string): Buffer {
  return Buffer.concat([Buffer.from(text, 'utf8'), Buffer.from([0])]);
}

function int16(value: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeInt16BE(value);
  return b;
}

function int32(value: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeInt32BE(value);
  return b;
}

/** A regular frontend message: type byte, length, body. */
export function message(type: string, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  return Buffer.concat([Buffer.from(type), int32(body.length + 4), body]);
}

export function startupPacket(parameters: Record<string, string>, version = 196608): Buffer {
  const body = Buffer.concat([
    int32(version),
    ...Object.entries(parameters).flatMap(([k, v]) => [cstring(k), cstring(v)]),
    Buffer.from([0]),
  ]);
  return Buffer.concat([int32(body.length + 4), body]);
}

export const frontend = {
  password: (password: string) => message('p', cstring(password)),
  query: (sql: string) => message('Q', cstring(sql)),
  parse: (name: string, sql: string, types: number[] = []) =>
    message('P', cstring(name), cstring(sql), int16(types.length), ...types.map(int32)),
  bind: (portal: string, statement: string, params: (string | null)[] = [], resultFormats: number[] = []) =>
    message(
      'B',
      cstring(portal),
      cstring(statement),
      int16(0),
      int16(params.length),
      ...params.map((p) => (p === null ? int32(-1) : Buffer.concat([int32(Buffer.byteLength(p)), Buffer.from(p)]))),
      int16(resultFormats.length),
      ...resultFormats.map(int16),
    ),
  describe: (target: 'S' | 'P', name: string) => message('D', Buffer.from(target), cstring(name)),
  execute: (portal: string, maxRows = 0) => message('E', cstring(portal), int32(maxRows)),
  close: (target: 'S' | 'P', name: string) => message('C', Buffer.from(target), cstring(name)),
  sync: () => message('S'),
  flush: () => message('H'),
  terminate: () => message('X'),
  sslRequest: () => Buffer.concat([int32(8), int32(80877103)]),
  gssencRequest: () => Buffer.concat([int32(8), int32(80877104)]),
  cancelRequest: (processId: number, secretKey: Buffer) =>
    Buffer.concat([int32(16), int32(80877102), int32(processId), secretKey]),
};

export class RawWireClient {
  private buffer = Buffer.alloc(0);
  private readonly messages: BackendMessage[] = [];
  private waiters: (() => void)[] = [];
  closed = false;

  private constructor(readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.wake();
    });
    socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
    socket.on('error', () => undefined);
  }

  static async connect(port: number): Promise<RawWireClient> {
    const socket = connect(port, '127.0.0.1');
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    return new RawWireClient(socket);
  }

  /** Connects and authenticates; returns the client and its BackendKeyData. */
  static async authenticated(
    port: number,
    user: 'alice' | 'bob',
  ): Promise<{ client: RawWireClient; processId: number; secretKey: Buffer }> {
    const client = await RawWireClient.connect(port);
    client.send(startupPacket({ user, database: 'meshwork' }));
    await client.until('R');
    client.send(frontend.password(`mw_test_${user}_token`));
    const messages = await client.until('Z');
    const key = messages.find((m) => m.type === 'K')!;
    return { client, processId: key.body.readInt32BE(0), secretKey: key.body.subarray(4) };
  }

  send(bytes: Buffer): void {
    this.socket.write(bytes);
  }

  /** One raw byte (the answer to SSLRequest), or undefined when the connection closed. */
  async byte(): Promise<string | undefined> {
    while (this.buffer.length === 0 && !this.closed) await this.wait();
    if (this.buffer.length === 0) return undefined;
    const b = this.buffer.subarray(0, 1).toString('latin1');
    this.buffer = this.buffer.subarray(1);
    return b;
  }

  /** Messages up to and including the first of type `type`; throws if the connection closes first. */
  async until(type: string, timeoutMs = 10_000): Promise<BackendMessage[]> {
    const deadline = Date.now() + timeoutMs;
    const collected: BackendMessage[] = [];
    for (;;) {
      this.parse();
      while (this.messages.length > 0) {
        const next = this.messages.shift()!;
        collected.push(next);
        if (next.type === type) return collected;
      }
      if (this.closed) throw Object.assign(new Error(`connection closed before '${type}'`), { collected });
      if (Date.now() > deadline) throw Object.assign(new Error(`timed out waiting for '${type}'`), { collected });
      await this.wait(Math.max(1, deadline - Date.now()));
    }
  }

  /** Every message until the server closes the connection. */
  async untilClosed(timeoutMs = 10_000): Promise<BackendMessage[]> {
    const deadline = Date.now() + timeoutMs;
    while (!this.closed && Date.now() < deadline) await this.wait(Math.max(1, deadline - Date.now()));
    this.parse();
    return this.messages.splice(0);
  }

  close(): void {
    this.socket.destroy();
  }

  private parse(): void {
    while (this.buffer.length >= 5) {
      const length = this.buffer.readInt32BE(1);
      if (this.buffer.length < length + 1) return;
      this.messages.push({
        type: String.fromCharCode(this.buffer[0]!),
        body: this.buffer.subarray(5, length + 1),
      });
      this.buffer = this.buffer.subarray(length + 1);
    }
  }

  private wait(timeoutMs = 10_000): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}

/** The fields of an ErrorResponse/NoticeResponse body by field code (`C`, `M`, `D`…). */
export function errorFieldsOf(body: Buffer): Record<string, string> {
  const fields: Record<string, string> = {};
  let offset = 0;
  while (offset < body.length && body[offset] !== 0) {
    const code = String.fromCharCode(body[offset]!);
    const end = body.indexOf(0, offset + 1);
    fields[code] = body.subarray(offset + 1, end).toString('utf8');
    offset = end + 1;
  }
  return fields;
}

/** The text values of a DataRow body (null for NULL). */
export function dataRowValues(body: Buffer): (string | null)[] {
  const count = body.readInt16BE(0);
  const values: (string | null)[] = [];
  let offset = 2;
  for (let i = 0; i < count; i++) {
    const length = body.readInt32BE(offset);
    offset += 4;
    if (length === -1) values.push(null);
    else {
      values.push(body.subarray(offset, offset + length).toString('utf8'));
      offset += length;
    }
  }
  return values;
}
