/**
 * Rewrites the PostgreSQL-only constructs of catalog queries (psql's `\d`, JDBC metadata, BI
 * tools) into SQL that DuckDB runs against the emulated catalog of catalog-schema.ts. Each rule
 * is a small token-level pass, so string literals, quoted names and comments are never touched:
 *
 * - `OPERATOR(pg_catalog.~)` → `~`; `COLLATE pg_catalog.default` → nothing;
 * - `x ~ 'p'` (partial match in PostgreSQL, full match in DuckDB) → `x ~ '(?s:.*)(?:p)(?s:.*)'`,
 *   and `~*`/`!~*` → the same with `(?i)`;
 * - reg* casts: `c.oid::regclass` → `mw_regclass_name(c.oid)`, `'t'::regclass` → `mw_regclass_oid('t')`;
 * - `pg_catalog.x` → the emulated relation or function when there is one, else plain `x` (DuckDB
 *   cannot call `pg_catalog.fn()`); `information_schema.x` → the emulated view when there is one;
 * - types DuckDB lacks (`::name`, `::"char"`, `::pg_node_tree`…) → VARCHAR or BIGINT;
 * - `current_user` & co → the principal; `= '{a,b}'` → `= ['a','b']`;
 * - `FROM generate_series(…) s` → `… s(s)`: PostgreSQL names the column after the alias.
 */
import { identifierName, significant, tokenize, type Token } from '../sql/sql-tokenizer.js';
import { REG_TYPES } from './catalog-detector.js';
import { INFORMATION_SCHEMA, PG_CATALOG, emulatedInformationSchema, emulatedPgCatalog } from './catalog-schema.js';

interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

function applyEdits(sql: string, edits: readonly Edit[]): string {
  let result = sql;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  }
  return result;
}

type Pass = (sql: string, t: readonly Token[]) => Edit[];

const operators: Pass = (_sql, t) => {
  const edits: Edit[] = [];
  for (let i = 0; i < t.length; i++) {
    const name = identifierName(t[i]!);
    if (name === 'operator' && t[i + 1]?.text === '(') {
      const close = t.findIndex((tok, j) => j > i && tok.text === ')');
      const op = t[close - 1];
      if (close > i + 1 && op?.kind === 'operator') {
        edits.push({ start: t[i]!.start, end: t[close]!.end, text: op.text });
        i = close;
      }
    } else if (name === 'collate' && t[i]!.kind === 'word') {
      let end = i + 1;
      while (t[end + 1]?.text === '.' && t[end + 2]) end += 2;
      if (t[end]) edits.push({ start: t[i]!.start, end: t[end]!.end, text: '' });
      i = end;
    }
  }
  return edits;
};

const REGEX_OPERATORS: Record<string, { op: string; flags: string }> = {
  '~': { op: '~', flags: '' },
  '!~': { op: '!~', flags: '' },
  '~*': { op: '~', flags: '(?i)' },
  '!~*': { op: '!~', flags: '(?i)' },
};

const regexes: Pass = (_sql, t) => {
  const edits: Edit[] = [];
  for (let i = 0; i < t.length - 1; i++) {
    const rule = t[i]!.kind === 'operator' ? REGEX_OPERATORS[t[i]!.text] : undefined;
    const literal = t[i + 1]!;
    if (!rule || literal.kind !== 'string' || !literal.text.startsWith("'")) continue;
    const pattern = literal.text.slice(1, -1);
    edits.push({ start: t[i]!.start, end: t[i]!.end, text: rule.op });
    edits.push({ start: literal.start, end: literal.end, text: `'${rule.flags}(?s:.*)(?:${pattern})(?s:.*)'` });
  }
  return edits;
};

/** Index of the first token of the operand that ends at token `end` (a `::` cast's left side). */
function operandStart(t: readonly Token[], end: number): number {
  let i = end;
  const last = t[i];
  if (!last) return -1;
  if (last.text === ')' || last.text === ']') {
    let depth = 0;
    for (; i >= 0; i--) {
      const text = t[i]!.text;
      if (text === ')' || text === ']') depth++;
      else if (text === '(' || text === '[') depth--;
      if (depth === 0) break;
    }
    if (i < 0) return -1;
    if (t[i]!.text === '(' && t[i - 1]?.kind === 'word') i--; // a function call
  }
  while (t[i - 1]?.text === '.' && (t[i - 2]?.kind === 'word' || t[i - 2]?.kind === 'quoted')) i -= 2;
  return i;
}

/** One reg* cast at a time (the runner repeats this pass): casts may nest. */
const regCasts: Pass = (sql, t) => {
  for (let i = 1; i < t.length; i++) {
    if (t[i]!.text !== '::') continue;
    let typeAt = i + 1;
    if (identifierName(t[typeAt]!) === 'pg_catalog' && t[typeAt + 1]?.text === '.') typeAt += 2;
    const type = t[typeAt] && identifierName(t[typeAt]!);
    if (!type || !REG_TYPES.has(type)) continue;
    const start = operandStart(t, i - 1);
    if (start < 0) continue;
    const operand = sql.slice(t[start]!.start, t[i - 1]!.end);
    const kind = ['regclass', 'regtype', 'regnamespace', 'regrole'].includes(type) ? type : 'regproc';
    const literal = start === i - 1 && t[start]!.kind === 'string';
    const fn = `${PG_CATALOG}.mw_${kind}_${literal ? 'oid' : 'name'}`;
    return [{ start: t[start]!.start, end: t[typeAt]!.end, text: `${fn}(${operand})` }];
  }
  return [];
};

const TYPE_REPLACEMENTS: Record<string, string> = {
  name: 'VARCHAR',
  char: 'VARCHAR',
  bpchar: 'VARCHAR',
  pg_node_tree: 'VARCHAR',
  int2vector: 'VARCHAR',
  oidvector: 'VARCHAR',
  aclitem: 'VARCHAR',
  regconfig: 'BIGINT',
  xid: 'BIGINT',
  xid8: 'BIGINT',
  cid: 'BIGINT',
  oid: 'BIGINT',
};

const typeNames: Pass = (_sql, t) => {
  const edits: Edit[] = [];
  for (let i = 0; i < t.length - 1; i++) {
    if (t[i]!.text !== '::') continue;
    let at = i + 1;
    if (identifierName(t[at]!) === 'pg_catalog' && t[at + 1]?.text === '.' && t[at + 2]) {
      edits.push({ start: t[at]!.start, end: t[at + 1]!.end, text: '' });
      at += 2;
    }
    const name = identifierName(t[at]!);
    const replacement = name !== undefined ? TYPE_REPLACEMENTS[name] : undefined;
    if (replacement) edits.push({ start: t[at]!.start, end: t[at]!.end, text: replacement });
  }
  return edits;
};

const qualifiedNames: Pass = (_sql, t) => {
  const edits: Edit[] = [];
  for (let i = 0; i < t.length - 2; i++) {
    const schema = identifierName(t[i]!);
    if ((schema !== 'pg_catalog' && schema !== 'information_schema') || t[i + 1]!.text !== '.') continue;
    if (t[i - 1]?.text === '.') continue;
    const member = identifierName(t[i + 2]!);
    if (member === undefined) continue;
    if (schema === 'pg_catalog') {
      const text = emulatedPgCatalog(member) ? `${PG_CATALOG}.` : '';
      edits.push({ start: t[i]!.start, end: t[i + 1]!.end, text });
    } else if (emulatedInformationSchema(member)) {
      edits.push({ start: t[i]!.start, end: t[i + 1]!.end, text: `${INFORMATION_SCHEMA}.` });
    }
  }
  return edits;
};

const SESSION_CALLS: Record<string, string> = {
  current_user: 'mw_current_user()',
  session_user: 'mw_current_user()',
  current_role: 'mw_current_user()',
  user: 'mw_current_user()',
  current_catalog: 'current_database()',
  current_schema: 'current_schema()',
};

const sessionKeywords: Pass = (_sql, t) => {
  const edits: Edit[] = [];
  t.forEach((token, i) => {
    if (token.kind !== 'word') return;
    const call = SESSION_CALLS[token.text.toLowerCase()];
    const previous = t[i - 1]?.text;
    const next = t[i + 1]?.text;
    if (!call || previous === '.' || previous === '::' || next === '(' || next === '.') return;
    edits.push({ start: token.start, end: token.end, text: `${PG_CATALOG}.${call}` });
  });
  return edits;
};

const arrayLiterals: Pass = (_sql, t) => {
  const edits: Edit[] = [];
  t.forEach((token, i) => {
    if (token.kind !== 'string' || !['=', '<>', '!='].includes(t[i - 1]?.text ?? '')) return;
    const match = /^'\{([^{}"']*)\}'$/.exec(token.text);
    if (!match) return;
    const items = match[1]!.split(',').filter((item) => item.trim() !== '');
    const list = items.map((item) => (/^-?\d+$/.test(item.trim()) ? item.trim() : `'${item.trim()}'`));
    edits.push({ start: token.start, end: token.end, text: `[${list.join(', ')}]` });
  });
  return edits;
};

const SET_RETURNING = new Set(['generate_series', 'unnest', 'generate_subscripts']);
const NOT_ALIASES = new Set([
  'where',
  'join',
  'left',
  'right',
  'inner',
  'outer',
  'cross',
  'full',
  'on',
  'group',
  'order',
  'limit',
  'union',
  'except',
  'intersect',
  'having',
  'window',
  'natural',
  'using',
  'offset',
  'fetch',
  'lateral',
  'with',
]);

const functionAliases: Pass = (_sql, t) => {
  const edits: Edit[] = [];
  // The clause each parenthesis depth is in: aliases only get a column name inside FROM.
  const clause: string[] = ['select'];
  for (let i = 0; i < t.length; i++) {
    const text = t[i]!.text.toLowerCase();
    if (text === '(') clause.push('select');
    else if (text === ')') clause.pop();
    else if (t[i]!.kind === 'word' && ['select', 'from', 'where', 'group', 'order', 'having', 'on'].includes(text)) {
      clause[clause.length - 1] = text;
    }
    if (t[i]!.kind !== 'word' || !SET_RETURNING.has(text) || t[i + 1]?.text !== '(') continue;
    if (clause[clause.length - 1] !== 'from') continue;
    let depth = 0;
    let close = i + 1;
    for (; close < t.length; close++) {
      if (t[close]!.text === '(') depth++;
      else if (t[close]!.text === ')' && --depth === 0) break;
    }
    let aliasAt = close + 1;
    const maybeAs = t[aliasAt];
    if (maybeAs && identifierName(maybeAs) === 'as') aliasAt++;
    const alias = t[aliasAt];
    const name = alias && identifierName(alias);
    if (!alias || !name || NOT_ALIASES.has(name) || t[aliasAt + 1]?.text === '(') continue;
    edits.push({ start: alias.end, end: alias.end, text: `(${alias.text})` });
  }
  return edits;
};

const PASSES: readonly Pass[] = [
  operators,
  regexes,
  regCasts,
  typeNames,
  qualifiedNames,
  sessionKeywords,
  arrayLiterals,
  functionAliases,
];

/** The DuckDB SQL for a PostgreSQL catalog query. */
export function rewriteCatalogQuery(sql: string): string {
  let current = sql;
  for (const pass of PASSES) {
    // Passes returning one edit at a time (reg casts) run until they find nothing more.
    for (let round = 0; round < 100; round++) {
      const edits = pass(current, significant(tokenize(current)));
      if (edits.length === 0) break;
      current = applyEdits(current, edits);
      if (pass !== regCasts) break;
    }
  }
  return current;
}
