/**
 * Encodes backend messages into a buffer and hands it to the socket on flush. Buffers come back
 * to a small pool once the socket has written them, so a long result is encoded into the same few
 * buffers instead of allocating per row or per chunk. `flush()` waits for 'drain' when the socket
 * says its queue is full: a slow client slows the query down instead of filling our memory.
 */

export interface ByteSink {
  /** Writes `chunk`; `done` is called once the buffer may be reused. False asks the caller to wait. */
  write(chunk: Buffer, done: () => void): boolean;
  /** Resolves when the sink drained or closed. */
  drained(): Promise<void>;
}

const INITIAL_BYTES = 16 * 1024;
const POOLED_MAX_BYTES = 1024 * 1024;
const POOL_SIZE = 4;

export class BackendWriter {
  private buffer: Buffer = Buffer.allocUnsafe(INITIAL_BYTES);
  private pool: Buffer[] = [];
  /** Bytes encoded and not yet flushed. */
  length = 0;

  constructor(private readonly sink: ByteSink) {}

  // --- low level -------------------------------------------------------------------------

  ensure(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + bytes));
    this.buffer.copy(grown, 0, 0, this.length);
    this.buffer = grown;
  }

  /** Starts a message; returns its offset for `end`. */
  begin(type: string): number {
    this.ensure(5);
    const start = this.length;
    this.buffer[start] = type.charCodeAt(0);
    this.length += 5;
    return start;
  }

  /** Writes the length of the message started at `start`. */
  end(start: number): void {
    this.buffer.writeInt32BE(this.length - start - 1, start + 1);
  }

  byte(value: number): void {
    this.ensure(1);
    this.buffer[this.length++] = value;
  }

  int16(value: number): void {
    this.ensure(2);
    this.buffer.writeInt16BE(value, this.length);
    this.length += 2;
  }

  int32(value: number): void {
    this.ensure(4);
    this.buffer.writeInt32BE(value | 0, this.length);
    this.length += 4;
  }

  uint32(value: number): void {
    this.ensure(4);
    this.buffer.writeUInt32BE(value >>> 0, this.length);
    this.length += 4;
  }

  int64(value: bigint): void {
    this.ensure(8);
    this.buffer.writeBigInt64BE(value, this.length);
    this.length += 8;
  }

  float32(value: number): void {
    this.ensure(4);
    this.buffer.writeFloatBE(value, this.length);
    this.length += 4;
  }

  float64(value: number): void {
    this.ensure(8);
    this.buffer.writeDoubleBE(value, this.length);
    this.length += 8;
  }

  cstring(value: string): void {
    // Strings with a NUL cannot be sent; PostgreSQL never produces them in these fields.
    const text = value.includes('\0') ? value.replaceAll('\0', '') : value;
    this.ensure(text.length * 3 + 1);
    this.length += this.buffer.write(text, this.length, 'utf8');
    this.buffer[this.length++] = 0;
  }

  bytes(value: Uint8Array): void {
    this.ensure(value.length);
    this.buffer.set(value, this.length);
    this.length += value.length;
  }

  /** A length-prefixed UTF-8 value (DataRow field, parameter). */
  lengthPrefixedText(value: string): void {
    this.ensure(value.length * 3 + 4);
    const written = this.buffer.write(value, this.length + 4, 'utf8');
    this.buffer.writeInt32BE(written, this.length);
    this.length += written + 4;
  }

  /** Reserves an Int32 length and returns a function that fills it with the bytes written since. */
  lengthPrefix(): () => void {
    this.ensure(4);
    const at = this.length;
    this.length += 4;
    return () => this.buffer.writeInt32BE(this.length - at - 4, at);
  }

  // --- flushing --------------------------------------------------------------------------

  async flush(): Promise<void> {
    if (this.length === 0) return;
    const owned = this.buffer;
    const chunk = owned.subarray(0, this.length);
    this.buffer = this.pool.pop() ?? Buffer.allocUnsafe(INITIAL_BYTES);
    this.length = 0;
    const ready = this.sink.write(chunk, () => this.release(owned));
    if (!ready) await this.sink.drained();
  }

  private release(buffer: Buffer): void {
    if (buffer.length <= POOLED_MAX_BYTES && this.pool.length < POOL_SIZE) this.pool.push(buffer);
  }
}
