import { describe, expect, it } from 'vitest';
import { isCatalogQuery } from './catalog-detector.js';
import { rewriteCatalogQuery } from './catalog-rewriter.js';
import { tokenize } from '../sql/sql-tokenizer.js';

const squash = (sql: string) => rewriteCatalogQuery(sql).replace(/\s+/g, ' ').trim();

describe('rewriteCatalogQuery', () => {
  it("rewrites psql's pattern operators and collations", () => {
    expect(squash("WHERE c.relname OPERATOR(pg_catalog.~) '^(orders)$' COLLATE pg_catalog.default")).toBe(
      "WHERE c.relname ~ '(?s:.*)(?:^(orders)$)(?s:.*)'",
    );
    expect(squash("WHERE n.nspname !~ '^pg_' AND x ~* 'ab'")).toBe(
      "WHERE n.nspname !~ '(?s:.*)(?:^pg_)(?s:.*)' AND x ~ '(?i)(?s:.*)(?:ab)(?s:.*)'",
    );
  });

  it('turns reg* casts into lookups', () => {
    expect(squash('SELECT c.oid::pg_catalog.regclass FROM pg_catalog.pg_class c')).toBe(
      'SELECT _mw_pg_catalog.mw_regclass_name(c.oid) FROM _mw_pg_catalog.pg_class c',
    );
    expect(squash("d.classoid = 'pg_class'::regclass")).toBe("d.classoid = _mw_pg_catalog.mw_regclass_oid('pg_class')");
    expect(squash('x.reloftype::pg_catalog.regtype::pg_catalog.text')).toBe(
      '_mw_pg_catalog.mw_regtype_name(x.reloftype)::text',
    );
    expect(squash('stxnamespace::pg_catalog.regnamespace::pg_catalog.text')).toBe(
      '_mw_pg_catalog.mw_regnamespace_name(stxnamespace)::text',
    );
  });

  it('points pg_catalog and information_schema at the emulation, or drops the qualifier', () => {
    expect(
      squash("SELECT pg_catalog.format_type(1, 2), pg_catalog.array_to_string(a, ',') FROM pg_catalog.pg_type"),
    ).toBe("SELECT _mw_pg_catalog.format_type(1, 2), array_to_string(a, ',') FROM _mw_pg_catalog.pg_type");
    expect(squash('SELECT * FROM information_schema.columns, information_schema.character_sets')).toBe(
      'SELECT * FROM _mw_information_schema.columns, _mw_information_schema.character_sets',
    );
  });

  it('replaces types DuckDB lacks and session keywords', () => {
    expect(squash('SELECT \'a\'::name, x::"char", current_user, session_user')).toBe(
      "SELECT 'a'::VARCHAR, x::VARCHAR, _mw_pg_catalog.mw_current_user(), _mw_pg_catalog.mw_current_user()",
    );
  });

  it('names the column of a set-returning function after its alias in FROM only', () => {
    expect(squash('SELECT s FROM pg_catalog.generate_series(0, 3) s, t')).toBe(
      'SELECT s FROM generate_series(0, 3) s(s), t',
    );
    expect(squash('SELECT generate_series(1, 2) AS x')).toBe('SELECT generate_series(1, 2) AS x');
  });

  it('turns array literals compared with = into lists', () => {
    expect(squash("WHERE pol.polroles = '{0}' AND k = '{a,b}'")).toBe("WHERE pol.polroles = [0] AND k = ['a', 'b']");
  });

  it('leaves strings, quoted names and comments alone', () => {
    const sql = "SELECT 'pg_catalog.x ~ ''y''' AS \"current_user\" -- pg_catalog.pg_class\n";
    expect(rewriteCatalogQuery(sql)).toBe(sql);
  });
});

describe('isCatalogQuery', () => {
  const catalog = (sql: string) => isCatalogQuery(tokenize(sql));

  it('recognises catalog schemas, relations, functions and session keywords', () => {
    expect(catalog('SELECT * FROM pg_catalog.pg_class')).toBe(true);
    expect(catalog('select * from information_schema.tables')).toBe(true);
    expect(catalog('SELECT * FROM pg_namespace')).toBe(true);
    expect(catalog('SELECT version()')).toBe(true);
    expect(catalog('SELECT current_schema()')).toBe(true);
    expect(catalog('SELECT current_user')).toBe(true);
    expect(catalog("SELECT 'x'::regclass")).toBe(true);
  });

  it('leaves data queries to the gateway', () => {
    expect(catalog('SELECT * FROM sales.orders')).toBe(false);
    expect(catalog("SELECT 'pg_catalog' AS s, o.pg_class FROM sales.orders o")).toBe(false);
    expect(catalog('SELECT "user" FROM sales.accounts')).toBe(false);
  });
});
