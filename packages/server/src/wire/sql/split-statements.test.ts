import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitStatements } from './split-statements.js';
import { tokenize } from './sql-tokenizer.js';

const texts = (sql: string) => splitStatements(sql).map((s) => s.text);

describe('splitStatements', () => {
  it('splits at top-level semicolons only', () => {
    expect(texts('SELECT 1; SELECT \';\' AS a; SELECT "x;y" FROM t')).toEqual([
      'SELECT 1',
      "SELECT ';' AS a",
      'SELECT "x;y" FROM t',
    ]);
    expect(texts('SELECT $$a;b$$; SELECT $tag$ ; $tag$')).toEqual(['SELECT $$a;b$$', 'SELECT $tag$ ; $tag$']);
    expect(texts("SELECT E'it\\'s;' ; SELECT 'it''s;'")).toEqual(["SELECT E'it\\'s;'", "SELECT 'it''s;'"]);
    expect(texts('SELECT 1 -- a; comment\n; /* x; /* nested; */ y; */ SELECT 2')).toEqual([
      'SELECT 1 -- a; comment',
      '/* x; /* nested; */ y; */ SELECT 2',
    ]);
  });

  it('drops empty statements', () => {
    expect(texts('')).toEqual([]);
    expect(texts(' ; ;-- only a comment\n;')).toEqual([]);
  });

  it('tokenizes every input without losing a character', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'ab1 ;\'"$-*/\\\n.:e(') }), (sql) => {
        expect(
          tokenize(sql)
            .map((t) => t.text)
            .join(''),
        ).toBe(sql);
      }),
    );
  });

  it('keeps positions relative to each statement', () => {
    const [, second] = splitStatements('SELECT 1;  SELECT $1');
    const param = second!.tokens.find((t) => t.kind === 'param')!;
    expect(second!.text.slice(param.start, param.end)).toBe('$1');
  });
});
