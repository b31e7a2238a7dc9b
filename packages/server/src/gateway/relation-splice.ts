/**
 * Replaces relation names in the user's SQL text with their governed subqueries, using the
 * positions DuckDB's parser reported. Rendering the whole rewritten tree with
 * `json_deserialize_sql` costs ~0.5 ms; splicing costs microseconds. Correctness does not rest
 * on this lexer: the spliced text is parsed and checked again in trusted mode, where any product
 * name left unreplaced, or any file read not inserted by the rewrite, is refused.
 */
export interface Splice {
  /** Offset of the relation name's first character in the SQL text. */
  readonly location: number;
  /** Whether the reference carries `AT (…)`, to be removed with the name. */
  readonly hasAtClause: boolean;
  /** Whether the user gave an alias; if not, `defaultAlias` (the table name) becomes one. */
  readonly hasAlias: boolean;
  readonly defaultAlias: string;
  readonly replacement: string;
}

/** The text with every splice applied, or undefined when a position does not hold a name. */
export function spliceRelations(sql: string, splices: readonly Splice[]): string | undefined {
  const ordered = [...splices].sort((a, b) => b.location - a.location);
  const index = utf16Index(sql);
  let out = sql;
  let previous = Number.POSITIVE_INFINITY;
  for (const splice of ordered) {
    const location = index(splice.location);
    if (location === undefined || location >= sql.length) return undefined;
    let end = endOfQualifiedName(sql, location);
    if (end === undefined) return undefined;
    if (splice.hasAtClause) {
      end = endOfAtClause(sql, end);
      if (end === undefined) return undefined;
    }
    if (end > previous) return undefined;
    previous = location;
    const alias = splice.hasAlias ? '' : ` AS ${quote(splice.defaultAlias)}`;
    out = `${out.slice(0, location)}(${splice.replacement})${alias}${out.slice(end)}`;
  }
  return out;
}

/**
 * DuckDB reports positions as byte offsets into the UTF-8 text, JS strings index UTF-16 units:
 * with any non-ASCII character before a name the two differ, and the splice would land inside
 * another token. Undefined for an offset that is not at a character boundary.
 */
function utf16Index(sql: string): (byteOffset: number) => number | undefined {
  const valid = (offset: number) => Number.isSafeInteger(offset) && offset >= 0;
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(sql)) return (offset) => (valid(offset) ? offset : undefined);
  const bytes = Buffer.from(sql, 'utf8');
  return (offset) => {
    if (!valid(offset) || offset > bytes.length) return undefined;
    const prefix = bytes.subarray(0, offset).toString('utf8');
    return Buffer.byteLength(prefix, 'utf8') === offset ? prefix.length : undefined;
  };
}

function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

const IDENTIFIER_CHAR = /[A-Za-z0-9_$\u0080-\uffff]/;

function endOfQualifiedName(sql: string, start: number): number | undefined {
  let pos = start;
  for (;;) {
    const end = endOfIdentifier(sql, pos);
    if (end === undefined) return undefined;
    const next = skipSpace(sql, end);
    if (sql[next] !== '.') return end;
    pos = skipSpace(sql, next + 1);
  }
}

function endOfIdentifier(sql: string, pos: number): number | undefined {
  if (sql[pos] === '"') {
    for (let i = pos + 1; i < sql.length; i++) {
      if (sql[i] === '"') {
        if (sql[i + 1] === '"') i++;
        else return i + 1;
      }
    }
    return undefined;
  }
  let i = pos;
  while (i < sql.length && IDENTIFIER_CHAR.test(sql[i]!)) i++;
  return i > pos ? i : undefined;
}

/**
 * The end of `AT (VERSION => <digits>)` — nothing else: the analyzer accepts only that, and any
 * other spelling (comments holding a `)` or a quote, nested parentheses…) is left to the caller's
 * slower rendering path rather than to a lexer guess. A guess once took the `)` inside a block
 * comment in the clause for its end and spliced away the comment's start, turning the user's
 * commented-out text after it into live SQL.
 */
function endOfAtClause(sql: string, from: number): number | undefined {
  let i = from;
  let end = from;
  const expect = (pattern: RegExp): boolean => {
    i = skipSpace(sql, i);
    const match = pattern.exec(sql.slice(i));
    if (!match) return false;
    i += match[0].length;
    end = i;
    return true;
  };
  const ok =
    expect(/^at\b/i) &&
    expect(/^\(/) &&
    expect(/^version\b/i) &&
    expect(/^=>/) &&
    (expect(/^\d+(?![\w$\u0080-\uffff])/) || expect(/^'\d+'/)) &&
    expect(/^\)/);
  // `end` is just after the `)`: whatever follows it — spaces, comments — stays as written.
  return ok ? end : undefined;
}

/** Skips whitespace and comments; block comments nest, as in DuckDB's (PostgreSQL's) scanner. */
function skipSpace(sql: string, pos: number): number {
  let i = pos;
  for (;;) {
    while (i < sql.length && /\s/.test(sql[i]!)) i++;
    if (sql.startsWith('--', i)) {
      const newline = sql.indexOf('\n', i);
      i = newline < 0 ? sql.length : newline + 1;
    } else if (sql.startsWith('/*', i)) {
      // Without nesting, a comment holding another comment's opener looked closed at its first
      // closer, and the splice removed an opener whose comment DuckDB had not closed yet.
      let depth = 1;
      i += 2;
      while (i < sql.length && depth > 0) {
        if (sql.startsWith('/*', i)) {
          depth++;
          i += 2;
        } else if (sql.startsWith('*/', i)) {
          depth--;
          i += 2;
        } else i++;
      }
    } else return i;
  }
}
