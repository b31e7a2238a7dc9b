/**
 * The backend messages, each a small function writing one message with a BackendWriter. DataRow
 * is written by the row encoder (types/row-encoder.ts), which needs the low-level calls.
 */
import type { BackendWriter } from './backend-writer.js';
import type { FormatCode } from './frontend-messages.js';

export type TransactionStatus = 'I' | 'T' | 'E';

export interface ColumnHeader {
  readonly name: string;
  readonly typeOid: number;
  /** pg_type.typlen: 4 for int4, -1 for varlena types. */
  readonly typeSize: number;
  readonly typeModifier: number;
}

export interface ErrorFields {
  readonly severity: 'ERROR' | 'FATAL' | 'WARNING' | 'NOTICE';
  readonly sqlState: string;
  readonly message: string;
  readonly detail?: string;
  readonly hint?: string;
}

export function authenticationOk(w: BackendWriter): void {
  const at = w.begin('R');
  w.int32(0);
  w.end(at);
}

export function authenticationCleartextPassword(w: BackendWriter): void {
  const at = w.begin('R');
  w.int32(3);
  w.end(at);
}

export function parameterStatus(w: BackendWriter, name: string, value: string): void {
  const at = w.begin('S');
  w.cstring(name);
  w.cstring(value);
  w.end(at);
}

export function backendKeyData(w: BackendWriter, processId: number, secretKey: Buffer): void {
  const at = w.begin('K');
  w.int32(processId);
  w.bytes(secretKey);
  w.end(at);
}

/** Answers a 3.x startup with a higher minor version or `_pq_.` options we do not know. */
export function negotiateProtocolVersion(w: BackendWriter, minor: number, unknownOptions: readonly string[]): void {
  const at = w.begin('v');
  w.int32(minor);
  w.int32(unknownOptions.length);
  for (const option of unknownOptions) w.cstring(option);
  w.end(at);
}

export function readyForQuery(w: BackendWriter, status: TransactionStatus): void {
  const at = w.begin('Z');
  w.byte(status.charCodeAt(0));
  w.end(at);
}

export function rowDescription(
  w: BackendWriter,
  columns: readonly ColumnHeader[],
  formats: readonly FormatCode[],
): void {
  const at = w.begin('T');
  w.int16(columns.length);
  columns.forEach((column, index) => {
    w.cstring(column.name);
    w.int32(0); // table OID: results are not tied to a table clients could update
    w.int16(0); // column attribute number
    w.uint32(column.typeOid);
    w.int16(column.typeSize);
    w.int32(column.typeModifier);
    w.int16(formats[index] ?? 0);
  });
  w.end(at);
}

export function parameterDescription(w: BackendWriter, typeOids: readonly number[]): void {
  const at = w.begin('t');
  w.int16(typeOids.length);
  for (const oid of typeOids) w.uint32(oid);
  w.end(at);
}

export function commandComplete(w: BackendWriter, tag: string): void {
  const at = w.begin('C');
  w.cstring(tag);
  w.end(at);
}

function empty(w: BackendWriter, type: string): void {
  w.end(w.begin(type));
}

export const emptyQueryResponse = (w: BackendWriter): void => empty(w, 'I');
export const parseComplete = (w: BackendWriter): void => empty(w, '1');
export const bindComplete = (w: BackendWriter): void => empty(w, '2');
export const closeComplete = (w: BackendWriter): void => empty(w, '3');
export const noData = (w: BackendWriter): void => empty(w, 'n');
export const portalSuspended = (w: BackendWriter): void => empty(w, 's');

function fields(w: BackendWriter, type: 'E' | 'N', f: ErrorFields): void {
  const at = w.begin(type);
  const field = (code: string, value: string | undefined): void => {
    if (value === undefined) return;
    w.byte(code.charCodeAt(0));
    w.cstring(value);
  };
  field('S', f.severity);
  field('V', f.severity); // the non-localized severity (protocol 3.0 servers since 9.6 send both)
  field('C', f.sqlState);
  field('M', f.message);
  field('D', f.detail);
  field('H', f.hint);
  w.byte(0);
  w.end(at);
}

export const errorResponse = (w: BackendWriter, f: ErrorFields): void => fields(w, 'E', f);
export const noticeResponse = (w: BackendWriter, f: ErrorFields): void => fields(w, 'N', f);
