/**
 * Adversarial, unit level: the text splice must remove exactly what DuckDB's parser read as the
 * relation name (and its AT clause) — or give up, so that the caller renders the tree instead.
 */
import { describe, expect, it } from 'vitest';
import { spliceRelations } from '../relation-splice.js';

const splice = (sql: string, location: number, hasAtClause = false) =>
  spliceRelations(sql, [{ location, hasAtClause, hasAlias: true, defaultAlias: 'p', replacement: 'G' }]);
/** DuckDB's position of `needle`: a byte offset into the UTF-8 text. */
const bytesBefore = (sql: string, needle: string) => Buffer.byteLength(sql.slice(0, sql.indexOf(needle)), 'utf8');

describe('spliceRelations against parser/lexer disagreements', () => {
  it('treats block comments as nested, as DuckDB does, so no comment opener is spliced away', () => {
    // DuckDB reads `c.p` with one comment between the parts; without nesting, the splice took
    // `c/* /* */.x` for the name and left ` JOIN evil ON true` live.
    expect(splice('SELECT * FROM c/* /* */.x JOIN evil ON true -- */.p', 14)).toBe('SELECT * FROM (G)');
  });

  it('reads a comment inside an AT clause as a comment, removing the clause whole', () => {
    // A `)` inside the comment once ended the clause early, leaving ` JOIN evil ON true` live.
    const sql = 'SELECT * FROM s.o AT (VERSION => /* ) JOIN evil ON true -- */ 42) x';
    expect(splice(sql, 14, true)).toBe('SELECT * FROM (G) x');
  });

  it.each(['AT (VERSION => 42 + 1)', 'AT (VERSION => (42))', 'AT (TIMESTAMP => 42)', "AT (VERSION => E'42')"])(
    'gives up on the unusual AT clause %s rather than guessing (the caller renders the tree)',
    (clause) => {
      expect(splice(`SELECT * FROM s.o ${clause} x`, 14, true)).toBeUndefined();
    },
  );

  it('keeps what follows an AT clause, comments with parentheses included', () => {
    const sql = 'SELECT * FROM s.o AT (VERSION => 42) /* ) */ x';
    expect(splice(sql, 14, true)).toBe('SELECT * FROM (G) /* ) */ x');
  });

  it.each(['AT(VERSION=>42)', "AT (VERSION => '42')", 'AT /* c */ ( VERSION /* ( */ => 42 )'])(
    'removes the AT clause %s whole',
    (clause) => {
      expect(splice(`SELECT * FROM s.o ${clause} x`, 14, true)).toBe('SELECT * FROM (G) x');
    },
  );

  it('reads byte offsets: non-ASCII text before the name does not shift the splice', () => {
    for (const prefix of ["'é'", '"名前"', "'😀'", '/* naïve */ 1']) {
      const sql = `SELECT ${prefix} FROM s.o x`;
      expect(splice(sql, bytesBefore(sql, 's.o'))).toBe(`SELECT ${prefix} FROM (G) x`);
    }
  });

  it('gives up on an offset inside a multi-byte character or past the end', () => {
    const sql = "SELECT 'é' FROM s.o";
    expect(splice(sql, 9)).toBeUndefined(); // the second byte of é
    expect(splice(sql, 10_000)).toBeUndefined();
    expect(splice(sql, -1)).toBeUndefined();
  });
});
