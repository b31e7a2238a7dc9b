/**
 * Where encoders put their bytes. Writing awaits the destination when it is full ('drain'), so
 * a slow client slows the query down instead of filling the server's memory; and every byte is
 * counted, which is how encoders hold `maxBytes` exactly.
 */
import type { Writable } from 'node:stream';

export interface ByteWriter {
  /** Resolves once the destination took the bytes; rejects with OutputClosedError when it is gone. */
  write(data: string | Uint8Array): Promise<void>;
  /** Bytes written so far (text counts as UTF-8). */
  readonly bytes: number;
}

/** The destination closed before the result was written: a client that disconnected, typically. */
export class OutputClosedError extends Error {
  constructor() {
    super('the output was closed before the result was written');
    this.name = 'OutputClosedError';
  }
}

/** A writer over a Node stream (an HTTP response, a file, a PassThrough). */
export function writableByteWriter(destination: Writable): ByteWriter {
  let bytes = 0;
  return {
    get bytes() {
      return bytes;
    },
    async write(data) {
      const buffer = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      if (buffer.byteLength === 0) return;
      if (destination.destroyed || destination.writableEnded) throw new OutputClosedError();
      bytes += buffer.byteLength;
      if (!destination.write(buffer)) await drained(destination);
    },
  };
}

/** A writer over a text sink without backpressure (the CLI's stdout abstraction). */
export function textSinkWriter(sink: { write(text: string): unknown }): ByteWriter {
  let bytes = 0;
  const decoder = new TextDecoder();
  return {
    get bytes() {
      return bytes;
    },
    async write(data) {
      if (typeof data === 'string') {
        bytes += Buffer.byteLength(data, 'utf8');
        sink.write(data);
        return;
      }
      bytes += data.byteLength;
      // stream: a character split across two writes is decoded once both halves arrived.
      const text = decoder.decode(data, { stream: true });
      if (text) sink.write(text);
    },
  };
}

function drained(destination: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      destination.off('drain', onDrain);
      destination.off('close', onClose);
      destination.off('error', onError);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(new OutputClosedError());
    const onError = () => done(new OutputClosedError());
    destination.on('drain', onDrain);
    destination.on('close', onClose);
    destination.on('error', onError);
  });
}
