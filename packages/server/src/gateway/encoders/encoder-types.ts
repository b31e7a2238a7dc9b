/**
 * The contract of result encoders: a QueryStream in, bytes out through a ByteWriter, with the
 * byte limit held exactly (the gateway's own count is an estimate from DuckDB's vector sizes).
 */
import type { QueryStream } from '../gateway-types.js';
import type { ByteWriter } from './byte-writer.js';

export const RESULT_FORMATS = ['json', 'ndjson', 'csv', 'arrow', 'parquet'] as const;
export type ResultFormat = (typeof RESULT_FORMATS)[number];

export interface EncodeOptions {
  /** The encoded result never passes this many bytes. */
  readonly maxBytes: number;
  /** At the limit: `truncate` (default) ends the result early and says so; `fail` raises MW5012. */
  readonly onLimit?: 'truncate' | 'fail';
}

/** A failure the encoder wrote into the result instead of raising it (JSON's `error` member). */
export interface ReportedError {
  readonly code: string;
  readonly message: string;
}

export interface EncodeOutcome {
  readonly rows: number;
  readonly bytes: number;
  /** The gateway's row/byte limit or the encoder's byte limit cut the result short. */
  readonly truncated: boolean;
  readonly durationMs: number;
  /** Set only by encoders whose format can carry an error (JSON); the others raise it. */
  readonly error?: ReportedError;
}

export interface ResultEncoder {
  readonly format: ResultFormat;
  readonly contentType: string;
  /**
   * Encodes the whole result. An error before the first byte is raised untouched (the caller can
   * still answer with a status code); after it, JSON closes its document with an `error` member
   * and resolves, the other formats raise — their caller must abort the transport so that the
   * reader sees a truncated body rather than a short result that looks complete.
   */
  encode(stream: QueryStream, writer: ByteWriter, options: EncodeOptions): Promise<EncodeOutcome>;
}
