/**
 * The incoming side of a connection as a pull-based message source. Messages are framed only
 * when the session asks for the next one, because the framing changes after the startup packet
 * (no type byte before, a type byte after). While the session is busy, up to HIGH_WATER bytes
 * are buffered and then the socket is paused, so a client pipelining faster than its queries
 * run cannot grow our memory without bound.
 */
import type { Duplex } from 'node:stream';
import { MessageReader, type RawMessage } from '../protocol/message-reader.js';
import { WireError } from '../wire-error.js';

const HIGH_WATER = 1024 * 1024;

export class ConnectionInput {
  private readonly reader: MessageReader;
  private waiter: (() => void) | undefined;
  private closed = false;
  private paused = false;

  constructor(
    private readonly socket: Duplex,
    maxMessageBytes: number,
  ) {
    this.reader = new MessageReader(maxMessageBytes);
    socket.on('data', this.onData);
    socket.on('end', this.onClose);
    socket.on('close', this.onClose);
  }

  /** Bytes received and not yet framed (must be 0 right after an SSLRequest). */
  get bufferedBytes(): number {
    return this.reader.bufferedBytes;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** The next startup-phase packet; null when the connection closed first. */
  nextStartup(timeoutMs?: number): Promise<RawMessage | null> {
    return this.pull(() => this.reader.nextStartup(), timeoutMs);
  }

  /** The next regular message; null when the connection closed first. */
  next(timeoutMs?: number): Promise<RawMessage | null> {
    return this.pull(() => this.reader.next(), timeoutMs);
  }

  /** Stops listening (before handing the socket to TLS). */
  detach(): void {
    this.socket.off('data', this.onData);
    this.socket.off('end', this.onClose);
    this.socket.off('close', this.onClose);
  }

  private async pull(frame: () => RawMessage | undefined, timeoutMs?: number): Promise<RawMessage | null> {
    for (;;) {
      const message = frame();
      if (message) {
        if (this.paused && this.reader.bufferedBytes < HIGH_WATER) this.resume();
        return message;
      }
      if (this.closed) return null;
      // An incomplete message needs more bytes whatever is buffered.
      this.resume();
      await this.waitForData(timeoutMs);
    }
  }

  private waitForData(timeoutMs?: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer =
        timeoutMs && timeoutMs > 0
          ? setTimeout(() => {
              this.waiter = undefined;
              reject(new WireError('MW5406', '57P05', 'terminating connection due to idle timeout', true));
            }, timeoutMs)
          : undefined;
      this.waiter = () => {
        if (timer) clearTimeout(timer);
        this.waiter = undefined;
        resolve();
      };
    });
  }

  private readonly onData = (chunk: Buffer): void => {
    this.reader.push(chunk);
    if (this.reader.bufferedBytes >= HIGH_WATER && !this.waiter) this.pause();
    this.waiter?.();
  };

  private readonly onClose = (): void => {
    this.closed = true;
    this.waiter?.();
  };

  private pause(): void {
    if (this.paused) return;
    this.paused = true;
    this.socket.pause();
  }

  private resume(): void {
    if (!this.paused) return;
    this.paused = false;
    this.socket.resume();
  }
}
