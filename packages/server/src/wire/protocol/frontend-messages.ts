/**
 * Decodes the frontend messages of an authenticated session (and the password message) into
 * plain objects. Decoding is synchronous and copies what it keeps, so the session may process
 * messages later while more bytes arrive.
 */
import { BodyCursor } from './body-cursor.js';
import type { RawMessage } from './message-reader.js';
import { protocolViolation } from '../wire-error.js';

export type FormatCode = 0 | 1;

export type FrontendMessage =
  | { readonly type: 'query'; readonly sql: string }
  | { readonly type: 'parse'; readonly name: string; readonly sql: string; readonly parameterTypes: readonly number[] }
  | {
      readonly type: 'bind';
      readonly portal: string;
      readonly statement: string;
      readonly parameterFormats: readonly FormatCode[];
      readonly parameters: readonly (Buffer | null)[];
      readonly resultFormats: readonly FormatCode[];
    }
  | { readonly type: 'describe'; readonly target: 'statement' | 'portal'; readonly name: string }
  | { readonly type: 'execute'; readonly portal: string; readonly maxRows: number }
  | { readonly type: 'close'; readonly target: 'statement' | 'portal'; readonly name: string }
  | { readonly type: 'sync' }
  | { readonly type: 'flush' }
  | { readonly type: 'terminate' }
  | { readonly type: 'password'; readonly password: string }
  /** Function calls and COPY sub-protocol messages: understood, refused. */
  | { readonly type: 'unsupported'; readonly what: string };

const UNSUPPORTED: Record<string, string> = {
  F: 'the function call sub-protocol',
  d: 'COPY',
  c: 'COPY',
  f: 'COPY',
};

export function decodeFrontendMessage(message: RawMessage): FrontendMessage {
  const tag = String.fromCharCode(message.type);
  const cursor = new BodyCursor(message.body, messageName(tag));
  switch (tag) {
    case 'Q': {
      const sql = cursor.cstring();
      cursor.end();
      return { type: 'query', sql };
    }
    case 'P':
      return decodeParse(cursor);
    case 'B':
      return decodeBind(cursor);
    case 'D':
    case 'C': {
      const target = targetOf(cursor.byte());
      const name = cursor.cstring();
      cursor.end();
      return { type: tag === 'D' ? 'describe' : 'close', target, name };
    }
    case 'E': {
      const portal = cursor.cstring();
      const maxRows = cursor.int32();
      cursor.end();
      return { type: 'execute', portal, maxRows: Math.max(0, maxRows) };
    }
    case 'S':
      cursor.end();
      return { type: 'sync' };
    case 'H':
      cursor.end();
      return { type: 'flush' };
    case 'X':
      return { type: 'terminate' };
    case 'p': {
      const password = cursor.cstring();
      cursor.end();
      return { type: 'password', password };
    }
    default: {
      const what = UNSUPPORTED[tag];
      if (what) return { type: 'unsupported', what };
      throw protocolViolation(`invalid frontend message type ${message.type}`);
    }
  }
}

function decodeParse(cursor: BodyCursor): FrontendMessage {
  const name = cursor.cstring();
  const sql = cursor.cstring();
  const count = cursor.int16();
  if (count < 0) throw protocolViolation('Parse: negative parameter count');
  const parameterTypes: number[] = [];
  // OIDs are unsigned; read them as such.
  for (let i = 0; i < count; i++) parameterTypes.push(cursor.int32() >>> 0);
  cursor.end();
  return { type: 'parse', name, sql, parameterTypes };
}

function decodeBind(cursor: BodyCursor): FrontendMessage {
  const portal = cursor.cstring();
  const statement = cursor.cstring();
  const parameterFormats = formatCodes(cursor);
  const count = cursor.int16();
  if (count < 0) throw protocolViolation('Bind: negative parameter count');
  const parameters: (Buffer | null)[] = [];
  for (let i = 0; i < count; i++) {
    const length = cursor.int32();
    if (length < -1) throw protocolViolation('Bind: invalid parameter length');
    parameters.push(length === -1 ? null : Buffer.from(cursor.bytes(length)));
  }
  const resultFormats = formatCodes(cursor);
  cursor.end();
  if (parameterFormats.length > 1 && parameterFormats.length !== count) {
    throw protocolViolation(`bind message has ${parameterFormats.length} parameter formats but ${count} parameters`);
  }
  return { type: 'bind', portal, statement, parameterFormats, parameters, resultFormats };
}

function formatCodes(cursor: BodyCursor): FormatCode[] {
  const count = cursor.int16();
  if (count < 0) throw protocolViolation('Bind: negative format count');
  const codes: FormatCode[] = [];
  for (let i = 0; i < count; i++) {
    const code = cursor.int16();
    if (code !== 0 && code !== 1) throw protocolViolation(`unsupported format code: ${code}`);
    codes.push(code);
  }
  return codes;
}

function targetOf(byte: number): 'statement' | 'portal' {
  if (byte === 0x53) return 'statement';
  if (byte === 0x50) return 'portal';
  throw protocolViolation(`invalid DESCRIBE/CLOSE message subtype ${byte}`);
}

function messageName(tag: string): string {
  const names: Record<string, string> = { Q: 'Query', P: 'Parse', B: 'Bind', D: 'Describe', C: 'Close', E: 'Execute' };
  return names[tag] ?? `message '${tag}'`;
}

/** The format code of column or parameter `index` from a list of 0, 1 or n codes. */
export function formatAt(codes: readonly FormatCode[], index: number): FormatCode {
  if (codes.length === 0) return 0;
  if (codes.length === 1) return codes[0]!;
  return codes[index] ?? 0;
}
