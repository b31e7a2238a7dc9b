/**
 * `text/csv` (RFC 4180): a header of column names, CRLF line ends, fields quoted when they hold a
 * comma, a quote or a line break (quotes doubled). NULL is an empty field and the empty string a
 * quoted empty field (`""`), so the two stay apart; lists, structs and maps are their JSON text.
 * Like NDJSON, a failure mid-stream aborts the response; truncation is in the trailer.
 */
import type { QueryStream } from '../gateway-types.js';
import type { ByteWriter } from './byte-writer.js';
import type { EncodeOptions, EncodeOutcome, ResultEncoder } from './encoder-types.js';
import type { JsonValue } from './json-value.js';
import { encodeText, type TextLayout } from './text-encoder.js';

export const csvEncoder: ResultEncoder = {
  format: 'csv',
  contentType: 'text/csv; charset=utf-8; header=present',
  encode: (stream: QueryStream, writer: ByteWriter, options: EncodeOptions): Promise<EncodeOutcome> =>
    encodeText(stream, writer, options, csvLayout(stream)),
};

function csvLayout(stream: QueryStream): TextLayout {
  return {
    start: `${stream.columns.map((c) => csvText(c.name)).join(',')}\r\n`,
    row: (values) => `${values.map(csvCell).join(',')}\r\n`,
    end: () => '',
    endReserve: 0,
    reportsErrors: false,
  };
}

export function csvCell(value: JsonValue): string {
  if (value === null) return '';
  if (typeof value === 'string') return value === '' ? '""' : csvText(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return csvText(JSON.stringify(value));
}

function csvText(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
