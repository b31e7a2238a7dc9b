/**
 * `application/x-ndjson`: one JSON object per row and line, keyed by column name (duplicates made
 * unique). There is no room for an error or a summary: a failure mid-stream makes the HTTP layer
 * abort the response, and truncation is reported in the `X-Meshwork-Truncated` trailer.
 */
import type { QueryStream } from '../gateway-types.js';
import type { ByteWriter } from './byte-writer.js';
import { uniqueColumnNames } from './column-names.js';
import type { EncodeOptions, EncodeOutcome, ResultEncoder } from './encoder-types.js';
import { encodeText, type TextLayout } from './text-encoder.js';

export const ndjsonEncoder: ResultEncoder = {
  format: 'ndjson',
  contentType: 'application/x-ndjson; charset=utf-8',
  encode: (stream: QueryStream, writer: ByteWriter, options: EncodeOptions): Promise<EncodeOutcome> =>
    encodeText(stream, writer, options, ndjsonLayout(stream)),
};

function ndjsonLayout(stream: QueryStream): TextLayout {
  // Keys written by hand rather than through an object: a column named `__proto__` stays a key.
  const keys = uniqueColumnNames(stream.columns.map((c) => c.name)).map((name) => `${JSON.stringify(name)}:`);
  return {
    start: '',
    row: (values) => {
      let line = '{';
      for (let i = 0; i < keys.length; i++) line += `${i ? ',' : ''}${keys[i]}${JSON.stringify(values[i])}`;
      return `${line}}\n`;
    },
    end: () => '',
    endReserve: 0,
    reportsErrors: false,
  };
}
