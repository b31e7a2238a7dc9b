/**
 * `application/vnd.apache.parquet`. A Parquet file is written whole (its footer indexes every row
 * group), so the result is built first and sent after: the governed rows — already masked and
 * filtered by the gateway — are appended chunk by chunk into a TEMP table of a throwaway
 * in-memory DuckDB (never the sandbox, which cannot write files), `COPY … TO` a temporary file,
 * and that file is streamed and deleted.
 *
 * Because the file exists before a byte is sent, Parquet never fails mid-body: any error is an
 * error response, and the size and truncation are known up front (Content-Length, a header
 * rather than a trailer). At `maxBytes` the file is rewritten with fewer rows until it fits.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { QueryStream } from '../gateway-types.js';
import { quoteIdentifier, quoteLiteral } from '../relation-name.js';
import type { ByteWriter } from './byte-writer.js';
import { forEachChunk } from './chunk-loop.js';
import { uniqueColumnNames } from './column-names.js';
import type { EncodeOptions, EncodeOutcome, ResultEncoder } from './encoder-types.js';
import { limitError } from './text-encoder.js';

export interface ParquetOptions extends EncodeOptions {
  /** Where the temporary file (and the throwaway DuckDB's spill files) go. */
  readonly tempDirectory: string;
  /** Memory of the throwaway DuckDB; it spills to `tempDirectory` beyond. Default 256MB. */
  readonly memoryLimit?: string;
  /** Aborting interrupts the file's writing. */
  readonly signal?: AbortSignal;
}

/** A finished Parquet file: send it with `writeTo`, then `dispose` (always). */
export interface ParquetResult {
  readonly bytes: number;
  readonly rows: number;
  readonly truncated: boolean;
  readonly durationMs: number;
  writeTo(writer: ByteWriter): Promise<void>;
  dispose(): Promise<void>;
}

/** How many times a file over the byte limit is rewritten smaller before giving up. */
const FIT_ATTEMPTS = 6;

export async function materializeParquet(stream: QueryStream, options: ParquetOptions): Promise<ParquetResult> {
  const id = randomUUID();
  const spill = join(options.tempDirectory, `parquet-${id}.spill`);
  const path = join(options.tempDirectory, `${id}.parquet`);
  await mkdir(options.tempDirectory, { recursive: true });
  const cleanup = () =>
    Promise.all([rm(path, { force: true }), rm(spill, { recursive: true, force: true })]).then(() => undefined);
  const instance = await DuckDBInstance.create(':memory:', {
    threads: '1',
    memory_limit: options.memoryLimit ?? '256MB',
    temp_directory: spill,
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
  });
  const connection = await instance.connect();
  const interrupt = () => connection.interrupt();
  options.signal?.addEventListener('abort', interrupt, { once: true });
  try {
    const rows = await appendAll(connection, stream);
    const names = uniqueColumnNames(stream.columns.map((c) => c.name));
    const select = stream.columns.map((_, i) => `c${i} AS ${quoteIdentifier(names[i]!)}`).join(', ');
    let kept = rows;
    let bytes = await copy(connection, select, path, kept, rows);
    for (let attempt = 0; bytes > options.maxBytes; attempt++) {
      if (options.onLimit === 'fail' || attempt >= FIT_ATTEMPTS || kept === 0) throw limitError(options.maxBytes);
      // Rows cost roughly the same: aim a little under the limit, then check again.
      kept = Math.max(0, Math.min(kept - 1, Math.floor((kept * options.maxBytes * 0.9) / bytes)));
      bytes = await copy(connection, select, path, kept, rows);
    }
    const stats = stream.stats();
    return {
      bytes,
      rows: kept,
      truncated: kept < rows || stats.truncated,
      durationMs: Math.round(stats.durationMs),
      writeTo: async (writer) => {
        for await (const piece of createReadStream(path)) await writer.write(piece as Buffer);
      },
      dispose: cleanup,
    };
  } catch (error) {
    await cleanup();
    throw error;
  } finally {
    options.signal?.removeEventListener('abort', interrupt);
    connection.closeSync();
    instance.closeSync();
  }
}

/** The whole Parquet answer as one encoder, for callers that need no headers first. */
export function parquetEncoder(tempDirectory: string, memoryLimit?: string): ResultEncoder {
  return {
    format: 'parquet',
    contentType: 'application/vnd.apache.parquet',
    encode: async (stream: QueryStream, writer: ByteWriter, options: EncodeOptions): Promise<EncodeOutcome> => {
      const file = await materializeParquet(stream, {
        ...options,
        tempDirectory,
        ...(memoryLimit ? { memoryLimit } : {}),
      });
      try {
        await file.writeTo(writer);
        return { rows: file.rows, bytes: file.bytes, truncated: file.truncated, durationMs: file.durationMs };
      } finally {
        await file.dispose();
      }
    },
  };
}

async function appendAll(connection: DuckDBConnection, stream: QueryStream): Promise<number> {
  // Positional column names: the result's own names may repeat or be anything at all.
  const columns = stream.columns.map((c, i) => `c${i} ${c.typeName}`).join(', ');
  await connection.run(`CREATE TEMP TABLE result (${columns})`);
  const appender = await connection.createAppender('result', 'main', 'temp');
  let rows = 0;
  try {
    await forEachChunk(stream, async (chunk) => {
      appender.appendDataChunk(chunk);
      rows += chunk.rowCount;
      return 'more';
    });
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
  return rows;
}

async function copy(connection: DuckDBConnection, select: string, path: string, limit: number, rows: number) {
  // Insertion order is kept (DuckDB's preserve_insertion_order), so LIMIT keeps the first rows.
  const limited = limit < rows ? ` LIMIT ${limit}` : '';
  await connection.run(`COPY (SELECT ${select} FROM result${limited}) TO ${quoteLiteral(path)} (FORMAT parquet)`);
  return (await stat(path)).size;
}
