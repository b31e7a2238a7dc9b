import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Principal } from '../../identity/principal.js';
import { filterColumns } from './filter-ast.js';
import { parseFilter } from './filter-parser.js';
import { compileFilterSql } from './filter-sql.js';
import { FilterSyntaxError } from './filter-tokenizer.js';

const principal = (attributes: Principal['attributes'], id = 'ana'): Principal => ({
  kind: 'user',
  id,
  teams: [],
  groups: [],
  roles: ['consumer'],
  attributes,
  authenticatedBy: 'test',
});
const ana = principal({ region: 'EU', level: 3, active: true, team: "O'Neil" });
const sql = (filter: string, who: Principal = ana) => compileFilterSql(parseFilter(filter), who);

describe('row filter language: compiled SQL', () => {
  it.each([
    ['region = principal.region', `"region" = 'EU'`],
    ["region = 'EU'", `"region" = 'EU'`],
    ['region != principal.region', `"region" <> 'EU'`],
    ['region <> principal.region', `"region" <> 'EU'`],
    ['level >= principal.level', `"level" >= 3`],
    ['level < -2.5e3', `"level" < -2.5e3`],
    ['amount <= 10 AND amount > 0', `"amount" <= 10 AND "amount" > 0`],
    ['owner = principal.id', `"owner" = 'ana'`],
    ['owner_team = principal.team', `"owner_team" = 'O''Neil'`],
    ['is_public = principal.active', `"is_public" = TRUE`],
    ['is_public', `"is_public"`],
    ['TRUE', 'TRUE'],
    ["region IN ('EU', 'NA', principal.region)", `"region" IN ('EU', 'NA', 'EU')`],
    ["region NOT IN ('APAC')", `"region" NOT IN ('APAC')`],
    ['deleted_at IS NULL', `"deleted_at" IS NULL`],
    ['deleted_at is not null', `"deleted_at" IS NOT NULL`],
    ['NOT region = principal.region', `NOT ("region" = 'EU')`],
    ['a = 1 OR b = 2 AND c = 3', `"a" = 1 OR "b" = 2 AND "c" = 3`],
    ['(a = 1 OR b = 2) AND c = 3', `("a" = 1 OR "b" = 2) AND "c" = 3`],
    ['a = 1 AND (b = 2 OR c = 3)', `"a" = 1 AND ("b" = 2 OR "c" = 3)`],
    ['NOT (a = 1 OR b = 2)', `NOT ("a" = 1 OR "b" = 2)`],
    ['"Region Code" = principal.region', `"Region Code" = 'EU'`],
    ['"we""ird" = 1', `"we""ird" = 1`],
    ['"and" = 1', `"and" = 1`],
    ['region = principal."region"', `"region" = 'EU'`],
    ["note = 'it''s'", `"note" = 'it''s'`],
  ])('%s  →  %s', (filter, expected) => {
    expect(sql(filter)).toBe(expected);
  });

  it('fails closed when the principal lacks an attribute the filter needs, even under NOT', () => {
    expect(sql('region = principal.region', principal({}))).toBe('FALSE');
    expect(sql('NOT region = principal.region', principal({}))).toBe('FALSE');
    expect(sql("region = 'EU' OR country = principal.country", ana)).toBe('FALSE');
  });

  it('fails closed on values that have no SQL literal', () => {
    expect(sql('level = principal.level', principal({ level: Number.NaN }))).toBe('FALSE');
    expect(sql('level = principal.level', principal({ level: Number.POSITIVE_INFINITY }))).toBe('FALSE');
    expect(sql('region = principal.region', principal({ region: 'E\u0000U' }))).toBe('FALSE');
    expect(sql('level = principal.level', principal({ level: 1e21 }))).toBe('"level" = 1e+21');
  });

  it('does not read inherited properties as attributes', () => {
    expect(sql('x = principal.toString', principal({}))).toBe('FALSE');
    expect(sql('x = principal.constructor', principal({}))).toBe('FALSE');
  });

  it('lists the columns a filter reads', () => {
    expect(filterColumns(parseFilter("a = principal.x AND (b IN (c, 'd') OR e IS NULL) AND a = 1"))).toEqual([
      'a',
      'b',
      'c',
      'e',
    ]);
  });
});

describe('row filter language: syntax errors', () => {
  it.each([
    ['region =', 8, /expected a column/],
    ['region = principal.', 19, /attribute name after "principal\."/],
    ["region = 'EU", 9, /unterminated string/],
    ['"region = 1', 0, /unterminated quoted name/],
    ['region == 1', 8, /expected a column/],
    ['region = 1 region', 11, /expected AND, OR or the end/],
    ['(region = 1', 11, /expected "\)"/],
    ['region IN 1', 10, /"\(" after IN/],
    ["region IN ('a' 'b')", 15, /"," or "\)" in the IN list/],
    ['region IS 1', 10, /NULL after IS/],
    ['region NOT 1', 11, /IN after NOT/],
    ['region = NULL', 9, /IS NULL/],
    ['region = 1; DROP TABLE x', 10, /unexpected character ";"/],
    ['region = lower(x)', 14, /expected AND, OR or the end/],
    ['region = $1', 9, /unexpected character "\$"/],
    ['a AND', 5, /expected a column/],
    ['"" = 1', 0, /cannot be empty/],
    ["a = 'x\u0000'", 4, /NUL character/],
    ['', 0, /expected a column/],
  ])('%s', (filter, offset, message) => {
    let error: unknown;
    try {
      parseFilter(filter);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FilterSyntaxError);
    expect((error as FilterSyntaxError).message).toMatch(message);
    expect((error as FilterSyntaxError).offset).toBe(offset);
  });

  it('limits nesting instead of overflowing the stack', () => {
    expect(() => parseFilter(`${'('.repeat(10_000)}a = 1${')'.repeat(10_000)}`)).toThrow(/nests deeper/);
    expect(() => parseFilter(`${'NOT '.repeat(10_000)}a = 1`)).toThrow(/nests deeper/);
  });
});

/** A tiny SQL lexer: string literals, quoted identifiers and other characters. */
function sqlTokens(text: string): { kind: 'string' | 'identifier' | 'other'; value: string }[] {
  const tokens: { kind: 'string' | 'identifier' | 'other'; value: string }[] = [];
  let i = 0;
  while (i < text.length) {
    const quote = text[i];
    if (quote === "'" || quote === '"') {
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new Error(`unterminated ${quote} in ${text}`);
        if (text[i] === quote && text[i + 1] === quote) {
          value += quote;
          i += 2;
        } else if (text[i] === quote) {
          i++;
          break;
        } else {
          value += text[i++];
        }
      }
      tokens.push({ kind: quote === "'" ? 'string' : 'identifier', value });
    } else {
      tokens.push({ kind: 'other', value: text[i++]! });
    }
  }
  return tokens;
}

describe('row filter language: quoting (property)', () => {
  it('never lets an attribute value or a column name out of its quotes', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }),
        fc.string({ unit: 'binary', minLength: 1 }).filter((name) => !name.includes('\u0000')),
        fc.constantFrom('=', '<>', '>=', 'IN'),
        (value, column, operator) => {
          const quotedColumn = `"${column.replace(/"/g, '""')}"`;
          const filter =
            operator === 'IN'
              ? `${quotedColumn} IN ('x', principal.attr)`
              : `${quotedColumn} ${operator} principal.attr`;
          const compiled = compileFilterSql(parseFilter(filter), principal({ attr: value }));
          if (value.includes('\u0000')) {
            expect(compiled).toBe('FALSE');
            return;
          }
          const tokens = sqlTokens(compiled);
          const strings = tokens.filter((t) => t.kind === 'string').map((t) => t.value);
          const identifiers = tokens.filter((t) => t.kind === 'identifier').map((t) => t.value);
          expect(identifiers).toEqual([column]);
          expect(strings).toEqual(operator === 'IN' ? ['x', value] : [value]);
          // Outside quotes, only the operator, spaces, commas and parentheses remain.
          const rest = tokens
            .filter((t) => t.kind === 'other')
            .map((t) => t.value)
            .join('');
          expect(rest).toBe(operator === 'IN' ? ' IN (, )' : ` ${operator} `);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
