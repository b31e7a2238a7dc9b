/**
 * Reads a query stream chunk by chunk and writes its rows as DataRows, stopping after a row limit
 * (extended-protocol Execute with a maximum) and resuming where it stopped. Output is flushed per
 * chunk once enough has accumulated, and each flush waits for the socket to drain: memory stays
 * bounded by a chunk or two whatever the result size.
 */
import type { QueryStream } from '../../gateway/gateway-types.js';
import type { BackendWriter } from '../protocol/backend-writer.js';
import { batchOfChunk, writeDataRows, type ResultEncoding, type RowBatch } from '../types/row-encoder.js';
import type { DuckDBDataChunk } from '@duckdb/node-api';

/** Flush when this much is buffered; smaller results go out in one write with ReadyForQuery. */
const FLUSH_BYTES = 32 * 1024;

export class ResultCursor {
  private readonly iterator: AsyncIterator<DuckDBDataChunk>;
  private batch: RowBatch | undefined;
  private offset = 0;
  private exhausted = false;
  /** Rows written so far over all Executes. */
  rowsSent = 0;

  constructor(readonly stream: QueryStream) {
    this.iterator = stream.chunks()[Symbol.asyncIterator]();
  }

  get columns(): QueryStream['columns'] {
    return this.stream.columns;
  }

  /** Writes up to `maxRows` rows (0: all). 'suspended' when it stopped at the limit. */
  async write(w: BackendWriter, encoding: ResultEncoding, maxRows = 0): Promise<'suspended' | 'complete'> {
    let sent = 0;
    for (;;) {
      if (this.batch && this.offset < this.batch.rowCount) {
        const room = maxRows > 0 ? maxRows - sent : this.batch.rowCount;
        const end = Math.min(this.batch.rowCount, this.offset + room);
        writeDataRows(w, this.batch, encoding, this.offset, end);
        sent += end - this.offset;
        this.rowsSent += end - this.offset;
        this.offset = end;
        if (w.length >= FLUSH_BYTES) await w.flush();
        if (maxRows > 0 && sent >= maxRows) return 'suspended';
        continue;
      }
      if (this.exhausted) return 'complete';
      const next = await this.iterator.next();
      if (next.done) {
        this.exhausted = true;
        return 'complete';
      }
      this.batch = batchOfChunk(next.value);
      this.offset = 0;
    }
  }

  /** Stops the query if it has not finished (portal closed, session ended). */
  close(): void {
    if (this.exhausted) return;
    this.exhausted = true;
    this.stream.cancel();
    void this.iterator.return?.().catch(() => undefined);
  }
}
