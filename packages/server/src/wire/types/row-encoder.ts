/**
 * Turns result columns into RowDescription headers and DataRow messages. The format of each column
 * (text or binary, as the client asked in Bind) and its encoder are fixed once per result; rows are
 * then written straight from DuckDB's column vectors into the session's output buffer.
 */
import type { DuckDBDataChunk, DuckDBType, DuckDBValue } from '@duckdb/node-api';
import type { BackendWriter } from '../protocol/backend-writer.js';
import type { ColumnHeader } from '../protocol/backend-messages.js';
import { formatAt, type FormatCode } from '../protocol/frontend-messages.js';
import { WireError } from '../wire-error.js';
import { pgColumnType } from './column-types.js';
import { PG_TYPES } from './pg-types.js';

export interface WireColumn {
  readonly name: string;
  readonly type: DuckDBType;
}

/** Rows in column-major order, as DuckDB hands them out. */
export interface RowBatch {
  readonly rowCount: number;
  readonly columns: readonly (readonly DuckDBValue[])[];
}

export function batchOfChunk(chunk: DuckDBDataChunk): RowBatch {
  return { rowCount: chunk.rowCount, columns: chunk.getColumns() };
}

type ValueEncoder = (w: BackendWriter, value: DuckDBValue) => void;

export interface ResultEncoding {
  readonly headers: readonly ColumnHeader[];
  readonly formats: readonly FormatCode[];
  readonly encoders: readonly ValueEncoder[];
}

export function resultEncoding(columns: readonly WireColumn[], requested: readonly FormatCode[] = []): ResultEncoding {
  if (requested.length > 1 && requested.length !== columns.length) {
    throw new WireError(
      'MW5401',
      '08P01',
      `bind message has ${requested.length} result formats but query has ${columns.length} columns`,
    );
  }
  const headers: ColumnHeader[] = [];
  const formats: FormatCode[] = [];
  const encoders: ValueEncoder[] = [];
  columns.forEach((column, index) => {
    const type = pgColumnType(column.type);
    const format = formatAt(requested, index);
    headers.push({ name: column.name, typeOid: type.oid, typeSize: type.size, typeModifier: type.typeModifier });
    formats.push(format);
    if (format === 1) {
      if (!type.binary) {
        const name = PG_TYPES.get(type.oid)?.sqlName ?? String(type.oid);
        throw new WireError(
          'MW5416',
          '0A000',
          `binary format is not supported for column "${column.name}" of type ${name}; request text (format 0)`,
        );
      }
      encoders.push(type.binary);
    } else {
      const text = type.text;
      encoders.push((w, value) => w.lengthPrefixedText(text(value)));
    }
  });
  return { headers, formats, encoders };
}

/** Writes rows `from` (inclusive) to `to` (exclusive) of `batch` as DataRow messages. */
export function writeDataRows(
  w: BackendWriter,
  batch: RowBatch,
  encoding: ResultEncoding,
  from = 0,
  to = batch.rowCount,
): void {
  const { encoders } = encoding;
  const columns = batch.columns;
  const width = encoders.length;
  for (let row = from; row < to; row++) {
    const at = w.begin('D');
    w.int16(width);
    for (let c = 0; c < width; c++) {
      const value = columns[c]![row]!;
      if (value === null || value === undefined) w.int32(-1);
      else encoders[c]!(w, value);
    }
    w.end(at);
  }
}
