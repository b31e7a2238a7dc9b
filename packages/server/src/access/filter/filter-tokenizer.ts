/**
 * Tokens of the row-filter language, each with its offset for error messages. Words are not
 * classified here: the parser decides whether `and` is a keyword (it always is; a column named
 * like a keyword is written quoted, `"and"`).
 */
export type FilterToken =
  | { readonly kind: 'word'; readonly text: string; readonly offset: number }
  | { readonly kind: 'quoted'; readonly text: string; readonly offset: number }
  | { readonly kind: 'string'; readonly text: string; readonly offset: number }
  | { readonly kind: 'number'; readonly text: string; readonly offset: number }
  | { readonly kind: 'symbol'; readonly text: string; readonly offset: number }
  | { readonly kind: 'end'; readonly text: ''; readonly offset: number };

export class FilterSyntaxError extends Error {
  constructor(
    message: string,
    /** Character offset in the expression. */
    readonly offset: number,
  ) {
    super(message);
  }
}

const WORD = /[A-Za-z_][A-Za-z0-9_]*/y;
const NUMBER = /-?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?(?![A-Za-z0-9_.])/y;
const SYMBOLS = ['<=', '>=', '<>', '!=', '=', '<', '>', '(', ')', ',', '.'];

export function tokenizeFilter(source: string): FilterToken[] {
  const tokens: FilterToken[] = [];
  let i = 0;
  const match = (pattern: RegExp) => {
    pattern.lastIndex = i;
    return pattern.exec(source)?.[0];
  };
  while (i < source.length) {
    const ch = source[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === "'" || ch === '"') {
      const { text, end } = readQuoted(source, i, ch);
      tokens.push({ kind: ch === "'" ? 'string' : 'quoted', text, offset: i });
      i = end;
      continue;
    }
    const number = /[-0-9]/.test(ch) ? match(NUMBER) : undefined;
    if (number !== undefined) {
      tokens.push({ kind: 'number', text: number, offset: i });
      i += number.length;
      continue;
    }
    const word = match(WORD);
    if (word !== undefined) {
      tokens.push({ kind: 'word', text: word, offset: i });
      i += word.length;
      continue;
    }
    const symbol = SYMBOLS.find((s) => source.startsWith(s, i));
    if (symbol === undefined) throw new FilterSyntaxError(`unexpected character ${JSON.stringify(ch)}`, i);
    // `!=` and `<>` are the same comparison; the tree keeps the SQL spelling.
    tokens.push({ kind: 'symbol', text: symbol === '!=' ? '<>' : symbol, offset: i });
    i += symbol.length;
  }
  tokens.push({ kind: 'end', text: '', offset: source.length });
  return tokens;
}

/** A quoted string or identifier; the quote character is escaped by doubling it, as in SQL. */
function readQuoted(source: string, start: number, quote: string): { text: string; end: number } {
  let text = '';
  let i = start + 1;
  for (;;) {
    const next = source.indexOf(quote, i);
    if (next === -1) {
      const what = quote === "'" ? 'string' : 'quoted name';
      throw new FilterSyntaxError(`unterminated ${what} (add the closing ${quote})`, start);
    }
    text += source.slice(i, next);
    // DuckDB cannot take a NUL in SQL text: refuse it here rather than fail every query later.
    if (text.includes('\u0000')) throw new FilterSyntaxError('a NUL character cannot be quoted', start);
    if (source[next + 1] === quote) {
      text += quote;
      i = next + 2;
    } else {
      return { text, end: next + 1 };
    }
  }
}
