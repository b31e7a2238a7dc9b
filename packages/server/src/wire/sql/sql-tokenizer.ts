/**
 * A lexer for PostgreSQL-flavoured SQL, just precise enough to find statement boundaries, the
 * first keywords of a statement and the names it mentions, and to rewrite catalog queries token
 * by token. It never fails: unterminated strings or comments run to the end of the text, and
 * whoever executes the SQL reports them.
 */

export type TokenKind =
  | 'word' // unquoted identifier or keyword
  | 'quoted' // "quoted identifier"
  | 'string' // 'literal', E'…', B'…', X'…', N'…'
  | 'dollar' // $tag$ … $tag$
  | 'number'
  | 'param' // $1
  | 'operator' // + - * / < > = ~ ! @ # % ^ & | ` ? and their combinations
  | 'punct' // ( ) [ ] , ; . : ::
  | 'space'
  | 'comment';

export interface Token {
  readonly kind: TokenKind;
  readonly start: number;
  readonly end: number;
  /** The source text of the token. */
  readonly text: string;
}

const OPERATOR_CHARS = new Set('+-*/<>=~!@#%^&|`?');
const PUNCT_CHARS = new Set('()[],;.:');
const STRING_PREFIXES = new Set(['e', 'b', 'x', 'n']);

function isWordStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code >= 128;
}

function isWordPart(code: number): boolean {
  return isWordStart(code) || (code >= 48 && code <= 57) || code === 36;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 12 || code === 11;
}

/** End of a quoted run starting at `from` (the opening quote); `backslashes` for E'' strings. */
function endOfQuoted(sql: string, from: number, quote: string, backslashes: boolean): number {
  let i = from + 1;
  while (i < sql.length) {
    const ch = sql[i];
    if (backslashes && ch === '\\') {
      i += 2;
      continue;
    }
    if (ch === quote) {
      if (sql[i + 1] === quote) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    i++;
  }
  return sql.length;
}

function endOfBlockComment(sql: string, from: number): number {
  // PostgreSQL block comments nest.
  let depth = 0;
  let i = from;
  while (i < sql.length) {
    if (sql[i] === '/' && sql[i + 1] === '*') {
      depth++;
      i += 2;
    } else if (sql[i] === '*' && sql[i + 1] === '/') {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else {
      i++;
    }
  }
  return sql.length;
}

const DOLLAR_TAG = /\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/y;

function endOfOperator(sql: string, from: number): number {
  let i = from;
  while (i < sql.length && OPERATOR_CHARS.has(sql[i]!)) {
    // A comment starts inside what would otherwise be an operator.
    if ((sql[i] === '-' && sql[i + 1] === '-') || (sql[i] === '/' && sql[i + 1] === '*')) break;
    i++;
  }
  return i;
}

function endOfNumber(sql: string, from: number): number {
  let i = from;
  while (i < sql.length && (isDigit(sql.charCodeAt(i)) || sql[i] === '_')) i++;
  if (sql[i] === '.' && sql[i + 1] !== '.') {
    i++;
    while (i < sql.length && isDigit(sql.charCodeAt(i))) i++;
  }
  if ((sql[i] === 'e' || sql[i] === 'E') && /[0-9]|[+-][0-9]/.test(sql.slice(i + 1, i + 3))) {
    i += 2;
    while (i < sql.length && isDigit(sql.charCodeAt(i))) i++;
  }
  return i;
}

export function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const push = (kind: TokenKind, end: number): void => {
    tokens.push({ kind, start: i, end, text: sql.slice(i, end) });
    i = end;
  };
  while (i < sql.length) {
    const code = sql.charCodeAt(i);
    const ch = sql[i]!;
    const next = sql[i + 1];
    if (isSpace(code)) {
      let end = i + 1;
      while (end < sql.length && isSpace(sql.charCodeAt(end))) end++;
      push('space', end);
    } else if (ch === '-' && next === '-') {
      const newline = sql.indexOf('\n', i);
      push('comment', newline === -1 ? sql.length : newline);
    } else if (ch === '/' && next === '*') {
      push('comment', endOfBlockComment(sql, i));
    } else if (ch === "'") {
      push('string', endOfQuoted(sql, i, "'", false));
    } else if (ch === '"') {
      push('quoted', endOfQuoted(sql, i, '"', false));
    } else if (STRING_PREFIXES.has(ch.toLowerCase()) && next === "'") {
      push('string', endOfQuoted(sql, i + 1, "'", ch === 'e' || ch === 'E'));
    } else if ((ch === 'u' || ch === 'U') && next === '&' && (sql[i + 2] === "'" || sql[i + 2] === '"')) {
      const quote = sql[i + 2]!;
      push(quote === "'" ? 'string' : 'quoted', endOfQuoted(sql, i + 2, quote, false));
    } else if (isWordStart(code)) {
      let end = i + 1;
      while (end < sql.length && isWordPart(sql.charCodeAt(end))) end++;
      push('word', end);
    } else if (isDigit(code) || (ch === '.' && next !== undefined && isDigit(next.charCodeAt(0)))) {
      push('number', endOfNumber(sql, i));
    } else if (ch === '$') {
      if (next !== undefined && isDigit(next.charCodeAt(0))) {
        let end = i + 1;
        while (end < sql.length && isDigit(sql.charCodeAt(end))) end++;
        push('param', end);
        continue;
      }
      DOLLAR_TAG.lastIndex = i;
      const tag = DOLLAR_TAG.exec(sql);
      if (tag) {
        const close = sql.indexOf(tag[0], i + tag[0].length);
        push('dollar', close === -1 ? sql.length : close + tag[0].length);
      } else {
        push('operator', i + 1);
      }
    } else if (ch === ':' && next === ':') {
      push('punct', i + 2);
    } else if (PUNCT_CHARS.has(ch)) {
      push('punct', i + 1);
    } else if (OPERATOR_CHARS.has(ch)) {
      push('operator', endOfOperator(sql, i));
    } else {
      // Anything else (a stray backslash, a control character) is an operator-like token of its own.
      push('operator', i + 1);
    }
  }
  return tokens;
}

/** Tokens that carry meaning: no spaces, no comments. */
export function significant(tokens: readonly Token[]): Token[] {
  return tokens.filter((t) => t.kind !== 'space' && t.kind !== 'comment');
}

/** The lower-cased text of an unquoted word, the unescaped text of a quoted identifier. */
export function identifierName(token: Token): string | undefined {
  if (token.kind === 'word') return token.text.toLowerCase();
  if (token.kind === 'quoted' && token.text.startsWith('"')) return token.text.slice(1, -1).replaceAll('""', '"');
  return undefined;
}
