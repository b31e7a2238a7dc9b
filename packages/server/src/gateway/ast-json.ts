/**
 * DuckDB's serialized parse trees as JSON, without losing integers. `json_serialize_sql` writes
 * 64-bit values (constants, `query_location` = 2^64-1 for "none") as bare JSON numbers, which
 * `JSON.parse` would round — silently changing a user's constant in the rewritten query. Integer
 * tokens beyond 2^53 are carried through parsing as marked strings and written back as bare
 * numbers. The marker holds a per-process random nonce, so a string constant in a user's query
 * can never be mistaken for one.
 */
import { randomBytes } from 'node:crypto';

const NONCE = `mw-int-${randomBytes(12).toString('hex')}:`;
const MARKED = new RegExp(`"${NONCE}(-?\\d+)"`, 'g');

export type AstValue = null | boolean | number | string | AstValue[] | AstObject;
export interface AstObject {
  [key: string]: AstValue;
}

export function parseAstJson(text: string): AstObject {
  return JSON.parse(markLargeIntegers(text)) as AstObject;
}

export function stringifyAstJson(value: AstValue): string {
  return JSON.stringify(value).replace(MARKED, '$1');
}

/** Wraps integer tokens outside strings that JS numbers cannot hold exactly. */
function markLargeIntegers(text: string): string {
  let out = '';
  let copied = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      i = endOfString(text, i) - 1;
      continue;
    }
    if (c === 45 /* - */ || (c >= 48 && c <= 57)) {
      let end = i + 1;
      while (end < text.length && /[0-9eE.+-]/.test(text[end]!)) end++;
      const token = text.slice(i, end);
      if (/^-?\d{16,}$/.test(token) && !Number.isSafeInteger(Number(token))) {
        out += `${text.slice(copied, i)}${JSON.stringify(NONCE + token)}`;
        copied = end;
      }
      i = end - 1;
    }
  }
  return copied === 0 ? text : out + text.slice(copied);
}

function endOfString(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '"') return i + 1;
  }
  return text.length;
}

/** The decimal text of an integer constant, whether it was small (a number) or marked (a string). */
export function astIntegerText(value: AstValue | undefined): string | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  if (typeof value === 'string') {
    if (value.startsWith(NONCE)) return value.slice(NONCE.length);
    return value;
  }
  return undefined;
}
