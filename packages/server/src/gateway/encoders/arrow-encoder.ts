/**
 * `application/vnd.apache.arrow.stream`: the Arrow IPC streaming format — a schema message, one
 * record batch per DuckDB chunk, the end-of-stream marker — through the `apache-arrow` package,
 * loaded on first use so that servers that never answer in Arrow never load it.
 *
 * Each batch is serialized before it is written, so its size is known: a batch that would pass
 * `maxBytes` is cut to the rows that fit (the end marker's 8 bytes are kept free). A stream
 * without the end marker is how a reader knows a failed result from a complete one.
 */
import type * as Arrow from 'apache-arrow';
import type { DuckDBDataChunk } from '@duckdb/node-api';
import type { QueryStream } from '../gateway-types.js';
import { planArrowColumn, type ArrowColumnPlan, type ArrowModule } from './arrow-columns.js';
import type { ByteWriter } from './byte-writer.js';
import { forEachChunk } from './chunk-loop.js';
import { uniqueColumnNames } from './column-names.js';
import type { EncodeOptions, EncodeOutcome, ResultEncoder } from './encoder-types.js';
import { limitError } from './text-encoder.js';

/** Arrow's end-of-stream marker: continuation token 0xFFFFFFFF and a zero length. */
const END_OF_STREAM = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0]);

let loaded: Promise<ArrowModule> | undefined;

/** `apache-arrow`, imported once. */
export function loadArrow(): Promise<ArrowModule> {
  loaded ??= import('apache-arrow');
  return loaded;
}

export const arrowEncoder: ResultEncoder = {
  format: 'arrow',
  contentType: 'application/vnd.apache.arrow.stream',
  encode: encodeArrow,
};

async function encodeArrow(stream: QueryStream, writer: ByteWriter, options: EncodeOptions): Promise<EncodeOutcome> {
  const arrow = await loadArrow();
  const plans = stream.columns.map((c) => planArrowColumn(arrow, c.type));
  const names = uniqueColumnNames(stream.columns.map((c) => c.name));
  const fields = plans.map((plan, i) => new arrow.Field(names[i]!, plan.type, true));
  const schema = new arrow.Schema(fields);
  const header = new arrow.RecordBatchStreamWriter().reset(undefined, schema).toUint8Array(true);
  let rows = 0;
  let truncated = false;
  let started = false;
  const start = async () => {
    if (started) return;
    if (header.byteLength + END_OF_STREAM.byteLength > options.maxBytes) throw limitError(options.maxBytes);
    started = true;
    await writer.write(header);
  };
  await forEachChunk(stream, async (chunk) => {
    await start();
    const batch = recordBatch(arrow, schema, fields, plans, chunk);
    const room = options.maxBytes - writer.bytes - END_OF_STREAM.byteLength;
    let body = batchBody(arrow, batch, header);
    let count = batch.numRows;
    if (body.byteLength > room) {
      if (options.onLimit === 'fail') throw limitError(options.maxBytes);
      truncated = true;
      [count, body] = largestFitting(arrow, batch, header, room);
    }
    if (count > 0) await writer.write(body);
    rows += count;
    return truncated ? 'stop' : 'more';
  });
  await start();
  await writer.write(END_OF_STREAM);
  const stats = stream.stats();
  return {
    rows,
    bytes: writer.bytes,
    truncated: truncated || stats.truncated,
    durationMs: Math.round(stats.durationMs),
  };
}

function recordBatch(
  arrow: ArrowModule,
  schema: Arrow.Schema,
  fields: readonly Arrow.Field[],
  plans: readonly ArrowColumnPlan[],
  chunk: DuckDBDataChunk,
): Arrow.RecordBatch {
  const children = plans.map((plan, i) => plan.build(chunk.getColumnValues(i)));
  const data = arrow.makeData({
    type: new arrow.Struct([...fields]),
    length: chunk.rowCount,
    nullCount: 0,
    children,
  });
  return new arrow.RecordBatch(schema, data);
}

/**
 * The record batch message alone. `apache-arrow` serializes whole streams; the batch is what
 * lies between the schema message (the same bytes as `header`, as the schema is the same) and
 * the end marker.
 */
function batchBody(arrow: ArrowModule, batch: Arrow.RecordBatch, header: Uint8Array): Uint8Array {
  const whole = arrow.RecordBatchStreamWriter.writeAll([batch]).toUint8Array(true);
  if (!Buffer.from(whole.buffer, whole.byteOffset, header.byteLength).equals(header)) {
    throw new Error('apache-arrow wrote a different schema message for a batch of the same schema');
  }
  return whole.subarray(header.byteLength, whole.byteLength - END_OF_STREAM.byteLength);
}

/** The most leading rows of `batch` whose message fits in `room` bytes (binary search). */
function largestFitting(
  arrow: ArrowModule,
  batch: Arrow.RecordBatch,
  header: Uint8Array,
  room: number,
): [number, Uint8Array] {
  let fits: [number, Uint8Array] = [0, new Uint8Array(0)];
  let low = 1;
  let high = batch.numRows - 1;
  while (low <= high) {
    const middle = Math.floor((low + high) / 2);
    const body = batchBody(arrow, batch.slice(0, middle), header);
    if (body.byteLength <= room) {
      fits = [middle, body];
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return fits;
}
