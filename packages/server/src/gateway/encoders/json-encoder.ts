/**
 * `application/json`: one document, written as the rows arrive —
 * `{"columns":[{"name","type"}…],"rows":[[…],…],"stats":{"rows","truncated","durationMs"}}`.
 * A failure after the document began closes it with an `error` member before `stats`, so the
 * body always parses and a client can tell a complete result from a broken one.
 */
import type { QueryStream } from '../gateway-types.js';
import type { ByteWriter } from './byte-writer.js';
import type { EncodeOptions, EncodeOutcome, ResultEncoder } from './encoder-types.js';
import { encodeText, type ResultSummary, type TextLayout } from './text-encoder.js';

export const jsonEncoder: ResultEncoder = {
  format: 'json',
  contentType: 'application/json; charset=utf-8',
  encode: (stream: QueryStream, writer: ByteWriter, options: EncodeOptions): Promise<EncodeOutcome> =>
    encodeText(stream, writer, options, jsonLayout(stream)),
};

function jsonLayout(stream: QueryStream): TextLayout {
  const columns = stream.columns.map((c) => ({ name: c.name, type: c.typeName }));
  const end = (summary: ResultSummary) => {
    const error = summary.error ? `"error":${JSON.stringify(summary.error)},` : '';
    const stats = JSON.stringify({ rows: summary.rows, truncated: summary.truncated, durationMs: summary.durationMs });
    return `\n],${error}"stats":${stats}}\n`;
  };
  // The largest `end`: the widest counts and an error code (always MW and four digits).
  const largest = Number.MAX_SAFE_INTEGER;
  return {
    start: `{"columns":${JSON.stringify(columns)},"rows":[`,
    row: (values, first) => `${first ? '\n' : ',\n'}${JSON.stringify(values)}`,
    end,
    endReserve: Buffer.byteLength(
      end({ rows: largest, truncated: false, durationMs: largest, error: { code: 'MW5012', message: '' } }),
    ),
    reportsErrors: true,
  };
}
