/**
 * Splits a simple-query string into its statements at top-level semicolons, as PostgreSQL runs
 * them one after the other. Semicolons inside strings, quoted names, dollar quotes and comments
 * do not count; statements holding only spaces and comments are dropped.
 */
import { tokenize, type Token } from './sql-tokenizer.js';

export interface SqlStatement {
  /** The statement's text without the terminating semicolon, trimmed. */
  readonly text: string;
  /** Its tokens (spaces and comments included), positions relative to `text`. */
  readonly tokens: readonly Token[];
}

export function splitStatements(sql: string): SqlStatement[] {
  const statements: SqlStatement[] = [];
  let current: Token[] = [];
  const finish = (): void => {
    const first = current.findIndex((t) => t.kind !== 'space' && t.kind !== 'comment');
    if (first !== -1) {
      let last = current.length - 1;
      while (current[last]!.kind === 'space') last--;
      const kept = current.slice(current[0]!.kind === 'space' ? 1 : 0, last + 1);
      const offset = kept[0]!.start;
      const text = sql.slice(offset, kept[kept.length - 1]!.end);
      statements.push({
        text,
        tokens: kept.map((t) => ({ ...t, start: t.start - offset, end: t.end - offset })),
      });
    }
    current = [];
  };
  for (const token of tokenize(sql)) {
    if (token.kind === 'punct' && token.text === ';') finish();
    else current.push(token);
  }
  finish();
  return statements;
}
