/**
 * Frames the bytes of a connection into messages. Before authentication, messages have no type
 * byte (StartupMessage, SSLRequest, CancelRequest: Int32 length, then the body); afterwards each
 * is Byte1 type + Int32 length + body. The length is checked against the limit as soon as the
 * header arrives, so an announced 2 GiB message is refused before a byte of it is buffered.
 */
import { WireError } from '../wire-error.js';

export interface RawMessage {
  /** The type byte; 0 for startup-phase messages. */
  readonly type: number;
  /** The body, a copy owned by the caller. */
  readonly body: Buffer;
}

export class MessageReader {
  private buffer = Buffer.alloc(0);
  private start = 0;
  private end = 0;

  constructor(private readonly maxMessageBytes: number) {}

  get bufferedBytes(): number {
    return this.end - this.start;
  }

  push(chunk: Buffer): void {
    if (this.end + chunk.length > this.buffer.length) {
      const live = this.end - this.start;
      if (live + chunk.length <= this.buffer.length) {
        this.buffer.copy(this.buffer, 0, this.start, this.end);
      } else {
        // Grow geometrically: a 16 MiB message in 64 KiB chunks is copied a few times, not 256.
        const grown = Buffer.allocUnsafe(Math.max(live + chunk.length, this.buffer.length * 2, 8192));
        this.buffer.copy(grown, 0, this.start, this.end);
        this.buffer = grown;
      }
      this.start = 0;
      this.end = live;
    }
    chunk.copy(this.buffer, this.end);
    this.end += chunk.length;
  }

  /** The next startup-phase packet, or undefined until it is complete. */
  nextStartup(): RawMessage | undefined {
    if (this.bufferedBytes < 4) return undefined;
    const length = this.buffer.readInt32BE(this.start);
    // A startup packet holds at least its length and a protocol code.
    if (length < 8) throw new WireError('MW5401', '08P01', `invalid startup packet length ${length}`, true);
    this.checkLimit(length);
    if (this.bufferedBytes < length) return undefined;
    return this.take(0, 4, length);
  }

  /** The next regular message, or undefined until it is complete. */
  next(): RawMessage | undefined {
    if (this.bufferedBytes < 5) return undefined;
    const type = this.buffer[this.start]!;
    const length = this.buffer.readInt32BE(this.start + 1);
    if (length < 4) throw new WireError('MW5401', '08P01', `invalid message length ${length}`, true);
    this.checkLimit(length);
    if (this.bufferedBytes < length + 1) return undefined;
    return this.take(type, 5, length + 1);
  }

  private checkLimit(length: number): void {
    if (length > this.maxMessageBytes) {
      throw new WireError(
        'MW5402',
        '08P01',
        `message of ${length} bytes exceeds the limit of ${this.maxMessageBytes} bytes`,
        true,
      );
    }
  }

  private take(type: number, headerBytes: number, totalBytes: number): RawMessage {
    const body = Buffer.from(this.buffer.subarray(this.start + headerBytes, this.start + totalBytes));
    this.start += totalBytes;
    if (this.start === this.end) this.start = this.end = 0;
    return { type, body };
  }
}
