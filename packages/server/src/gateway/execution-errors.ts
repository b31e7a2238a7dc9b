/**
 * DuckDB's errors as the user may see them. The user wrote the query, so binder, type and
 * conversion errors are theirs to read — but never the rewritten SQL around them (it holds file
 * paths and the masking rewrite), never a path of the warehouse, and never a value DuckDB quotes
 * from data the user may not see. The first line of the message is kept, with paths replaced;
 * conversion errors lose the value they quote.
 */
import { InputError, isMeshworkError, UnavailableError } from '@meshwork/core';

export type InterruptReason = 'timeout' | 'cancel';

/** `timeLimitMs` is the limit that applied to the query, named in the timeout's message. */
export function executionError(
  error: unknown,
  warehouseRoot: string,
  interrupted?: InterruptReason,
  timeLimitMs?: number,
): Error {
  if (isMeshworkError(error)) return error;
  if (interrupted === 'timeout') {
    const limit = timeLimitMs === undefined ? '' : ` (${timeLimitMs.toLocaleString('en')} ms)`;
    return new InputError('MW5010', `the query ran longer than its time limit${limit} and was stopped`);
  }
  if (interrupted === 'cancel') return new InputError('MW5011', 'the query was cancelled');
  const raw = error instanceof Error ? error.message : String(error);
  if (/interrupted/i.test(raw)) return new InputError('MW5011', 'the query was cancelled');
  if (/out of memory|could not allocate|memory limit/i.test(raw)) {
    return new UnavailableError(
      'MW5012',
      'the query needs more memory than the gateway allows; aggregate or filter more',
    );
  }
  return new InputError('MW5009', sanitize(raw, warehouseRoot));
}

export function sanitize(message: string, warehouseRoot: string): string {
  let first = message.split('\n')[0] ?? '';
  first = first.split(warehouseRoot).join('<warehouse>');
  first = first.replace(/(['"])\/[^'"]*\1/g, '<path>');
  // Conversion errors quote the failing value: it may come from a masked column's source or a
  // filtered row in a plan DuckDB reordered, so it is dropped. DuckDB quotes it with single or
  // double quotes depending on the message (`Could not convert string "…"`, `Input: "…"`, `Could
  // not parse string "…"`), or writes a number bare (`Could not cast value 1200.5 to …`).
  if (/^(Conversion|Invalid Input|Out of Range) Error:/.test(first)) {
    first = first
      .replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"/g, '<value>')
      .replace(/\b(value|string) -?\d[\d.eE+-]*/g, '$1 <value>');
  }
  first = first.replace(/\bread_parquet\([^)]*\)/g, 'read_parquet(…)');
  return first.length > 500 ? `${first.slice(0, 500)}…` : first;
}
