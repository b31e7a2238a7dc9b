/**
 * The loop the text formats (JSON, NDJSON, CSV) share: rows converted once to JSON values, laid
 * out by the format, buffered into writes of ~64 KiB, and counted byte by byte so that the
 * result — including whatever the format writes after the last row — never passes `maxBytes`.
 */
import { InputError, isMeshworkError } from '@meshwork/core';
import type { QueryStream } from '../gateway-types.js';
import { OutputClosedError, type ByteWriter } from './byte-writer.js';
import { forEachChunk } from './chunk-loop.js';
import type { EncodeOptions, EncodeOutcome, ReportedError } from './encoder-types.js';
import { jsonColumn, type JsonValue } from './json-value.js';

export interface ResultSummary {
  readonly rows: number;
  readonly truncated: boolean;
  readonly durationMs: number;
  readonly error?: ReportedError;
}

export interface TextLayout {
  /** Before the first row (a CSV header, JSON's opening with the columns). */
  readonly start: string;
  /** One row; `first` for formats that separate rows (JSON's commas). */
  row(values: readonly JsonValue[], first: boolean): string;
  /** After the last row; may carry an error only when `reportsErrors`. */
  end(summary: ResultSummary): string;
  /**
   * The most bytes `end` can take — largest counts, and an error with an empty message (a longer
   * message is shortened to fit) — kept free while rows are written.
   */
  readonly endReserve: number;
  readonly reportsErrors: boolean;
}

const FLUSH_BYTES = 64 * 1024;

export async function encodeText(
  stream: QueryStream,
  writer: ByteWriter,
  options: EncodeOptions,
  layout: TextLayout,
): Promise<EncodeOutcome> {
  const types = stream.columns.map((c) => c.type);
  const startBytes = Buffer.byteLength(layout.start);
  let rows = 0;
  let truncated = false;
  let started = false;
  const start = async () => {
    if (started) return;
    if (startBytes + layout.endReserve > options.maxBytes) throw limitError(options.maxBytes);
    started = true;
    await writer.write(layout.start);
  };
  const summary = (error?: ReportedError): ResultSummary => ({
    rows,
    truncated: truncated || stream.stats().truncated,
    durationMs: Math.round(stream.stats().durationMs),
    ...(error ? { error } : {}),
  });
  try {
    await forEachChunk(stream, async (chunk) => {
      await start();
      const columns = types.map((type, index) => jsonColumn(chunk, index, type));
      let buffer = '';
      let buffered = 0;
      let verdict: 'more' | 'stop' = 'more';
      const values: JsonValue[] = new Array<JsonValue>(columns.length);
      for (let r = 0; r < chunk.rowCount; r++) {
        for (let c = 0; c < columns.length; c++) values[c] = columns[c]![r]!;
        const text = layout.row(values, rows === 0);
        const size = Buffer.byteLength(text);
        if (writer.bytes + buffered + size + layout.endReserve > options.maxBytes) {
          if (options.onLimit === 'fail') throw limitError(options.maxBytes);
          truncated = true;
          verdict = 'stop';
          break;
        }
        buffer += text;
        buffered += size;
        rows++;
        if (buffered >= FLUSH_BYTES) {
          await writer.write(buffer);
          buffer = '';
          buffered = 0;
        }
      }
      if (buffer) await writer.write(buffer);
      return verdict;
    });
    await start();
    await writer.write(layout.end(summary()));
    return { ...summary(), bytes: writer.bytes };
  } catch (error) {
    if (!started || !layout.reportsErrors || error instanceof OutputClosedError) throw error;
    const reported = reportedError(error);
    await writer.write(fitEnd(layout, summary(reported), options.maxBytes - writer.bytes));
    return { ...summary(reported), bytes: writer.bytes };
  }
}

export function limitError(maxBytes: number): InputError {
  return new InputError('MW5012', `the result is larger than the limit (${maxBytes} bytes)`);
}

function reportedError(error: unknown): ReportedError {
  if (isMeshworkError(error)) return { code: error.code, message: error.message };
  // Not a domain error: a bug, whose message is not for the client.
  return { code: 'MW9000', message: 'internal error; the server log has the details' };
}

/** The end with its error message shortened until it fits in `room` bytes (the code always stays). */
function fitEnd(layout: TextLayout, summary: ResultSummary, room: number): string {
  const error = summary.error!;
  let message = error.message;
  for (;;) {
    const text = layout.end({ ...summary, error: { code: error.code, message } });
    if (Buffer.byteLength(text) <= room || message === '') return text;
    message = message.length > 2 ? `${message.slice(0, Math.floor(message.length / 2))}…` : '';
  }
}
