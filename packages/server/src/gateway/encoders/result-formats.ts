/**
 * The result formats by name and media type, and content negotiation: a format named in the
 * request wins; otherwise the `Accept` header decides (highest q first, then the order given);
 * `*` wildcards and a missing header mean JSON.
 */
import { arrowEncoder } from './arrow-encoder.js';
import { csvEncoder } from './csv-encoder.js';
import type { ResultEncoder, ResultFormat } from './encoder-types.js';
import { jsonEncoder } from './json-encoder.js';
import { ndjsonEncoder } from './ndjson-encoder.js';
import { parquetEncoder } from './parquet-encoder.js';

export const FORMAT_MEDIA_TYPES: Readonly<Record<ResultFormat, string>> = {
  json: 'application/json',
  ndjson: 'application/x-ndjson',
  csv: 'text/csv',
  arrow: 'application/vnd.apache.arrow.stream',
  parquet: 'application/vnd.apache.parquet',
};

const BY_MEDIA_TYPE = new Map<string, ResultFormat>([
  ...Object.entries(FORMAT_MEDIA_TYPES).map(([format, type]) => [type, format as ResultFormat] as const),
  ['application/*', 'json'],
  ['*/*', 'json'],
  ['text/*', 'csv'],
]);

/** The format to answer in, or undefined when the client accepts none of them (HTTP 406). */
export function negotiateFormat(
  requested: ResultFormat | undefined,
  accept: string | undefined,
): ResultFormat | undefined {
  if (requested) return requested;
  if (!accept || !accept.trim()) return 'json';
  const ranges = accept
    .split(',')
    .map((part, order) => {
      const [type = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
      const q = params.find((p) => p.startsWith('q='));
      return { type, q: q ? Number(q.slice(2)) : 1, order };
    })
    .filter((range) => range.q > 0 && BY_MEDIA_TYPE.has(range.type))
    .sort((a, b) => b.q - a.q || a.order - b.order);
  return ranges[0] ? BY_MEDIA_TYPE.get(ranges[0].type) : undefined;
}

export interface EncoderSettings {
  /** For Parquet's temporary files. */
  readonly tempDirectory: string;
}

export function encoderFor(format: ResultFormat, settings: EncoderSettings): ResultEncoder {
  switch (format) {
    case 'json':
      return jsonEncoder;
    case 'ndjson':
      return ndjsonEncoder;
    case 'csv':
      return csvEncoder;
    case 'arrow':
      return arrowEncoder;
    case 'parquet':
      return parquetEncoder(settings.tempDirectory);
  }
}
