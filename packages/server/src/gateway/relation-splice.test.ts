import { describe, expect, it } from 'vitest';
import { spliceRelations } from './relation-splice.js';

const splice = (sql: string, location: number, extra: { hasAlias?: boolean; hasAtClause?: boolean } = {}) =>
  spliceRelations(sql, [
    {
      location,
      hasAtClause: extra.hasAtClause ?? false,
      hasAlias: extra.hasAlias ?? false,
      defaultAlias: 'orders',
      replacement: 'G',
    },
  ]);

describe('spliceRelations', () => {
  it('replaces a qualified name and adds the table name as alias', () => {
    expect(splice('SELECT * FROM sales.orders WHERE 1', 14)).toBe('SELECT * FROM (G) AS "orders" WHERE 1');
  });

  it('keeps the user alias', () => {
    expect(splice('SELECT o.x FROM sales.orders o', 16, { hasAlias: true })).toBe('SELECT o.x FROM (G) o');
  });

  it('handles quoted parts, spaces and comments between the parts', () => {
    const sql = 'SELECT 1 FROM "sales" /* c */ . "or""ders" -- x\n JOIN y';
    expect(splice(sql, 14)).toBe('SELECT 1 FROM (G) AS "orders" -- x\n JOIN y');
  });

  it('removes an AT clause with the name', () => {
    expect(splice('SELECT 1 FROM sales.orders AT (VERSION => 42) WHERE true', 14, { hasAtClause: true })).toBe(
      'SELECT 1 FROM (G) AS "orders" WHERE true',
    );
  });

  it('applies several splices from the end so offsets stay valid', () => {
    const sql = 'SELECT 1 FROM a.b JOIN c.d USING (k)';
    const result = spliceRelations(sql, [
      { location: 14, hasAtClause: false, hasAlias: false, defaultAlias: 'b', replacement: 'B' },
      { location: 23, hasAtClause: false, hasAlias: false, defaultAlias: 'd', replacement: 'D' },
    ]);
    expect(result).toBe('SELECT 1 FROM (B) AS "b" JOIN (D) AS "d" USING (k)');
  });

  it('gives up (so the caller renders the tree instead) when a position does not hold a name', () => {
    expect(splice('SELECT 1', 99)).toBeUndefined();
    expect(splice('SELECT 1 FROM (x)', 14)).toBeUndefined();
    expect(splice('SELECT 1 FROM a.b AT x', 14, { hasAtClause: true })).toBeUndefined();
  });
});
