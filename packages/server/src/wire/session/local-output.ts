/** Writes the rows and completion of a local command, for both query protocols. */
import { commandComplete, rowDescription } from '../protocol/backend-messages.js';
import type { FormatCode } from '../protocol/frontend-messages.js';
import { resultEncoding, writeDataRows, type RowBatch } from '../types/row-encoder.js';
import type { LocalResult } from './local-executor.js';
import type { SessionCore } from './session-core.js';

function batchOf(rows: readonly (readonly string[])[], width: number): RowBatch {
  const columns = Array.from({ length: width }, (_, c) => rows.map((row) => row[c] ?? null));
  return { rowCount: rows.length, columns };
}

export function writeLocalResult(
  session: SessionCore,
  result: LocalResult,
  options: { readonly describe: boolean; readonly formats?: readonly FormatCode[] },
): void {
  if (result.notice) session.notice(result.notice);
  if (result.columns && result.rows) {
    const encoding = resultEncoding(result.columns, options.formats);
    if (options.describe) rowDescription(session.writer, encoding.headers, encoding.formats);
    writeDataRows(session.writer, batchOf(result.rows, result.columns.length), encoding);
  }
  commandComplete(session.writer, result.tag);
}
