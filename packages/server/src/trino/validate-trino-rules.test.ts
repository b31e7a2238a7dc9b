/**
 * The validator of rules.json rejects each kind of fault it is there to catch — so a generated
 * file that passes it has been checked for something — and accepts a correct file.
 */
import { describe, expect, it } from 'vitest';
import { parseTrinoExpression, TrinoSyntaxError } from './trino-expression-parser.js';
import { typeOfTrinoExpression } from './trino-expression-type.js';
import { validateCatalogProperties } from './trino-properties.js';
import { validateTrinoRules, type TrinoTableSchema } from './validate-trino-rules.js';

const TABLES: readonly TrinoTableSchema[] = [
  {
    schema: 'sales',
    table: 'orders',
    columns: [
      { name: 'order_id', type: 'varchar' },
      { name: 'amount', type: 'decimal(12,2)' },
      { name: 'region', type: 'varchar' },
      { name: 'shipped', type: 'boolean' },
      { name: 'payload', type: undefined },
    ],
  },
];
const context = { catalog: 'meshwork', tables: TABLES };

const tableRule = (extra: Record<string, unknown> = {}) => ({
  user: 'ana',
  catalog: 'meshwork',
  schema: 'sales',
  table: 'orders',
  privileges: ['SELECT'],
  ...extra,
});

const document = (rule: Record<string, unknown> = tableRule(), more: Record<string, unknown> = {}) => ({
  catalogs: [{ user: 'ana', catalog: 'meshwork', allow: 'read-only' }, { allow: 'none' }],
  schemas: [{ owner: false }],
  tables: [rule, { privileges: [] }],
  ...more,
});

const codes = (rules: unknown) => validateTrinoRules(rules, context).map((p) => `${p.code} ${p.pointer}`);

describe('a correct file', () => {
  it('passes, with masks, a filter and hidden columns', () => {
    const rule = tableRule({
      columns: [
        {
          name: 'order_id',
          mask: `CASE WHEN "order_id" IS NULL THEN NULL ELSE 'tok_' || substr(lower(to_hex(hmac_sha256(to_utf8("order_id"), from_hex('00')))), 1, 20) END`,
        },
        { name: 'amount', mask: 'CAST(NULL AS decimal(12,2))' },
        { name: 'payload', allow: false },
      ],
      filter: `"region" IN ('EU', 'NA') AND NOT ("shipped") OR "amount" >= -3.5`,
    });
    expect(validateTrinoRules(document(rule), context)).toEqual([]);
  });
});

describe('structure (MW8390)', () => {
  it.each([
    ['a misspelt field', tableRule({ filtre: 'FALSE' }), '/tables/0/filtre'],
    ['an unknown privilege', tableRule({ privileges: ['READ'] }), '/tables/0/privileges/0'],
    ['no privileges', { user: 'ana', table: 'orders' }, '/tables/0'],
  ])('%s', (_name, rule, pointer) => {
    expect(codes(document(rule))).toEqual([`MW8390 ${pointer}`]);
  });

  it('an unknown section', () => {
    expect(codes({ ...document(), rows: [] })).toEqual(['MW8390 /rows']);
  });

  it('an allow value catalogs do not take', () => {
    expect(codes({ ...document(), catalogs: [{ allow: 'read-write' }] })).toContain('MW8390 /catalogs/0/allow');
  });
});

describe('patterns (MW8391)', () => {
  it('a user pattern that is not a regular expression', () => {
    expect(codes(document(tableRule({ user: 'ana(' })))).toEqual(['MW8391 /tables/0/user']);
  });
});

describe('names (MW8392)', () => {
  it.each([
    ['a table the catalog does not serve', tableRule({ table: 'order' }), '/tables/0'],
    ['another catalog', tableRule({ catalog: 'hive' }), '/tables/0/catalog'],
    ['a column the table lacks', tableRule({ columns: [{ name: 'email', mask: "'x'" }] }), '/tables/0/columns/0/name'],
    ['a grant on every table', { user: 'ana', privileges: ['SELECT'] }, '/tables/0'],
  ])('%s', (_name, rule, pointer) => {
    expect(codes(document(rule))).toEqual([`MW8392 ${pointer}`]);
  });

  it('an escaped pattern does not match the metadata table orders$files', () => {
    const rules = document(tableRule({ table: 'orders\\$files' }));
    expect(codes(rules)).toEqual(['MW8392 /tables/0']);
  });
});

describe('masks and filters (MW8393, MW8394)', () => {
  it.each([
    [
      'a mask that does not parse',
      { columns: [{ name: 'region', mask: "CASE WHEN 'x'" }] },
      'MW8393 /tables/0/columns/0/mask',
    ],
    [
      'a text mask on a decimal column',
      { columns: [{ name: 'amount', mask: "'****'" }] },
      'MW8394 /tables/0/columns/0/mask',
    ],
    [
      'a mask calling a function Meshwork does not use',
      { columns: [{ name: 'region', mask: 'reverse("region")' }] },
      'MW8394 /tables/0/columns/0/mask',
    ],
    [
      'a mask reading another table’s column',
      { columns: [{ name: 'region', mask: '"email"' }] },
      'MW8394 /tables/0/columns/0/mask',
    ],
    [
      'a mask on a column of unknown type',
      { columns: [{ name: 'payload', mask: 'NULL' }] },
      'MW8394 /tables/0/columns/0/mask',
    ],
    ['a filter that is not boolean', { filter: '"region"' }, 'MW8394 /tables/0/filter'],
    ['a filter comparing text with a number', { filter: `"region" = 3` }, 'MW8394 /tables/0/filter'],
    ['a filter with a subquery', { filter: '"region" IN (SELECT region FROM t)' }, 'MW8393 /tables/0/filter'],
  ])('%s', (_name, extra, expected) => {
    expect(codes(document(tableRule(extra)))).toEqual([expected]);
  });

  it('names the position of a syntax error', () => {
    expect(() => parseTrinoExpression(`"a" = 'unterminated`)).toThrow(new TrinoSyntaxError('unterminated string', 6));
  });

  it('types the expressions Meshwork writes', () => {
    const types = new Map([['email', 'varchar']]);
    const partial = `CASE WHEN "email" IS NULL THEN NULL WHEN strpos("email", '@') > 1 THEN substr("email", 1, 1) || '***' || substr("email", strpos("email", '@')) WHEN length("email") > 8 THEN '***' || substr("email", length("email") - 3) ELSE '***' END`;
    expect(typeOfTrinoExpression(parseTrinoExpression(partial), types)).toBe('varchar');
    expect(typeOfTrinoExpression(parseTrinoExpression(`"email" IS NOT NULL AND "email" NOT IN ('a')`), types)).toBe(
      'boolean',
    );
  });
});

describe('the deny-all default (MW8395)', () => {
  it('is required last among the table rules', () => {
    const rules = document();
    rules.tables.reverse();
    expect(codes(rules)).toContain('MW8395 /tables/1');
  });

  it('is required last among the catalog rules, denying', () => {
    expect(codes({ ...document(), catalogs: [{ allow: 'read-only' }] })).toEqual(['MW8395 /catalogs/0']);
    expect(codes({ ...document(), catalogs: [{ user: 'ana', allow: 'none' }] })).toEqual(['MW8395 /catalogs/0']);
  });

  it('is required even when a section is missing', () => {
    expect(codes({ schemas: [] })).toEqual(['MW8395 /catalogs/0', 'MW8395 /tables/0']);
  });
});

describe('catalog properties (MW8396)', () => {
  const good = [
    'connector.name=iceberg',
    'iceberg.catalog.type=rest',
    'iceberg.rest-catalog.uri=https://mesh.example.com/iceberg',
    'iceberg.rest-catalog.warehouse=meshwork',
    'iceberg.rest-catalog.security=OAUTH2',
    'iceberg.rest-catalog.oauth2.token=${ENV:MESHWORK_TRINO_TOKEN}',
    'iceberg.security=read_only',
  ].join('\n');

  it('accepts the placeholder', () => {
    expect(validateCatalogProperties(good, 'meshwork.properties')).toEqual([]);
  });

  it('refuses a token written in clear, without repeating it', () => {
    const token = 'mwt_abcdefghijklmnop_secretsecretsecret';
    const problems = validateCatalogProperties(
      good.replace('${ENV:MESHWORK_TRINO_TOKEN}', token),
      'meshwork.properties',
    );
    expect(problems.map((p) => p.code)).toEqual(['MW8396']);
    expect(JSON.stringify(problems)).not.toContain(token);
  });

  it('refuses a catalog that could write', () => {
    expect(validateCatalogProperties(good.replace('read_only', 'allow_all'), 'x').map((p) => p.message)).toEqual([
      'iceberg.security must be read_only, not allow_all',
    ]);
  });
});
