/**
 * Trino masks give what the gateway gives. The gateway's values come from its real path (a
 * governed query through the sandboxed DuckDB, with the real policies and masking key); the Trino
 * expression's values from evaluating the generated text — in DuckDB where DuckDB has the same
 * functions (partial, redact, null), and with an evaluator of Trino's documented functions where
 * it has not (`hmac_sha256`, `to_utf8`), checked in turn against node:crypto's HMAC.
 */
import { createHmac } from 'node:crypto';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAccessPolicies } from '../access/load-access-policies.js';
import type { MaskStrategy } from '../access/access-types.js';
import { maskExpression, maskingMacros } from '../gateway/mask-sql.js';
import { collectRows } from '../gateway/test-support/collect-rows.js';
import { PROFILES_CSV } from '../gateway/test-support/gateway-fixture.js';
import { resolvePrincipal } from '../identity/resolve-principal.js';
import { parseTrinoExpression } from './trino-expression-parser.js';
import { trinoMaskExpression } from './trino-mask.js';
import { trinoTypeOf } from './trino-types.js';
import { evaluateTrinoExpression } from './test-support/trino-expression-evaluator.js';
import { createTrinoFixture, type TrinoFixture } from './test-support/trino-fixture.js';

const KEY = Buffer.from('5e'.repeat(32), 'hex');
const LONG_KEY = Buffer.from(Array.from({ length: 100 }, (_, i) => i));

let fixture: TrinoFixture;
let duck: DuckDBConnection;
let clear: Record<string, string>[];
let masked: Record<string, unknown>[];

beforeAll(async () => {
  fixture = await createTrinoFixture(KEY);
  const { authorizer } = loadAccessPolicies(fixture.workspace.root, fixture.meshModel);
  const gateway = await fixture.gateway(authorizer);
  // gus (governance) reads every row with every mask applied.
  const gus = resolvePrincipal(fixture.meshModel, 'gus')!;
  masked = await collectRows(gateway, gus, 'SELECT * FROM customers.profiles ORDER BY customer_id');
  const [header, ...lines] = PROFILES_CSV.split('\n');
  const names = header!.split(',');
  clear = lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [names[i]!, v])));
  duck = await (await DuckDBInstance.create(':memory:')).connect();
}, 120_000);
afterAll(async () => {
  duck?.closeSync();
  await fixture?.dispose();
});

const sql = (strategy: MaskStrategy, column: string, duckdbType = 'VARCHAR', key: Uint8Array = KEY) => {
  const mask = trinoMaskExpression(strategy, column, duckdbType, trinoTypeOf(duckdbType), key);
  if (!('sql' in mask)) throw new Error(mask.refused);
  return mask.sql;
};

/** The Trino expression, run as written by DuckDB over one text column `name`. */
async function inDuckDb(expression: string, name: string, values: readonly (string | null)[]): Promise<unknown[]> {
  const rows = values.map((v) => `(${v === null ? 'NULL' : `'${v.replace(/'/g, "''")}'`})`).join(', ');
  const reader = await duck.runAndReadAll(`SELECT ${expression} FROM (VALUES ${rows}) AS t("${name}")`);
  return reader.getRows().map((r) => r[0] ?? null);
}

const evaluate = (expression: string, name: string, values: readonly (string | null)[]) =>
  values.map((value) => {
    const result = evaluateTrinoExpression(parseTrinoExpression(expression), { [name]: value });
    return typeof result === 'string' || result === null ? result : String(result);
  });

describe('through the gateway: every mask of customers.profiles', () => {
  it('the gateway masked what the policies say (so the comparisons below compare masks)', () => {
    expect(masked).toHaveLength(5);
    expect(masked[0]!.email).toBe('j***@example.com');
    expect(masked[0]!.iban).toBe('****');
    expect(masked[0]!.lifetime_value).toBeNull();
    expect(String(masked[0]!.full_name)).toMatch(/^tok_[0-9a-f]{20}$/);
    expect(String(masked[0]!.phone)).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ['email', 'partial'],
    ['iban', 'redact'],
  ] as const)('%s (%s): the Trino mask run by DuckDB equals the gateway', async (column, strategy) => {
    const expression = sql(strategy, column);
    const values = clear.map((row) => row[column]!);
    expect(await inDuckDb(expression, column, values)).toEqual(masked.map((row) => row[column]));
    expect(evaluate(expression, column, values)).toEqual(masked.map((row) => row[column]));
  });

  it('lifetime_value (null): a NULL of the column type', async () => {
    const expression = sql('null', 'lifetime_value', 'DECIMAL(12,2)');
    expect(expression).toBe('CAST(NULL AS decimal(12,2))');
    expect(masked.map((row) => row.lifetime_value)).toEqual([null, null, null, null, null]);
  });

  it.each([
    ['phone', 'hash'],
    ['full_name', 'tokenize'],
  ] as const)('%s (%s): the Trino HMAC formula gives the gateway’s value', (column, strategy) => {
    const expression = sql(strategy, column);
    const values = clear.map((row) => row[column]!);
    expect(evaluate(expression, column, values)).toEqual(masked.map((row) => row[column]));
  });

  it('the hash is HMAC-SHA256 with the mesh key, as node:crypto computes it (known vectors)', () => {
    const hmac = (value: string) => createHmac('sha256', KEY).update(value, 'utf8').digest('hex');
    expect(masked.map((row) => row.phone)).toEqual(clear.map((row) => hmac(row.phone!)));
    expect(masked.map((row) => row.full_name)).toEqual(clear.map((row) => `tok_${hmac(row.full_name!).slice(0, 20)}`));
    expect(sql('hash', 'phone')).toContain(`from_hex('${KEY.toString('hex')}')`);
  });
});

describe('edge values: the gateway’s mask SQL and the Trino mask agree', () => {
  const EDGE = [
    null,
    '',
    'a',
    '@x',
    'a@b',
    'é@x.org',
    'e\u0301x@y.z',
    '🦆🦆🦆🦆🦆🦆🦆🦆🦆',
    'short',
    '12345678',
    '123456789',
    "O'Brien@x.com",
    'no at sign here',
  ];

  it.each([
    ['partial', 32, KEY],
    ['redact', 32, KEY],
    ['hash', 32, KEY],
    ['tokenize', 32, KEY],
    // Longer than SHA-256's block: HMAC hashes the key first, in both engines.
    ['hash', 100, LONG_KEY],
    ['tokenize', 100, LONG_KEY],
  ] as const)('%s with a %i-byte key', async (strategy, _length, key) => {
    // The gateway's own SQL for a VARCHAR column, with its own HMAC macro.
    await duck.run('DROP SCHEMA IF EXISTS mw_mask CASCADE');
    for (const statement of maskingMacros(key)) await duck.run(statement);
    const gateway = await inDuckDb(maskExpression(strategy, '"v"', 'VARCHAR'), 'v', EDGE);
    const expression = sql(strategy, 'v', 'VARCHAR', key);
    expect(evaluate(expression, 'v', EDGE)).toEqual(gateway);
    if (strategy === 'partial' || strategy === 'redact') expect(await inDuckDb(expression, 'v', EDGE)).toEqual(gateway);
  });
});

describe('every column type: the same value as the gateway, or refused — never something else', () => {
  const SAMPLES: readonly (readonly [string, string])[] = [
    ['VARCHAR', "'jane.doe@example.org'"],
    ['JSON', `'{"a": 1}'`],
    ["ENUM('eu', 'na')", "'eu'"],
    ['UUID', "'0b9a0f3e-2d47-4f5a-9a7c-3c4f1e2d5b6a'"],
    ['BIGINT', '42'],
    ['INTEGER', '7'],
    ['DECIMAL(12,2)', '12.50'],
    ['DOUBLE', '1.5'],
    ['HUGEINT', '12345678901234567890'],
    ['DATE', "'2026-01-03'"],
    ['TIMESTAMP', "'2026-01-03 04:05:06'"],
    ['BOOLEAN', 'true'],
    ['BLOB', "'abc'"],
  ];
  const TEXT = new Set(['VARCHAR', 'JSON', "ENUM('eu', 'na')"]);

  it.each(
    SAMPLES.flatMap(([type, literal]) =>
      (['null', 'redact', 'partial', 'hash', 'tokenize'] as const).map((s) => [s, type, literal] as const),
    ),
  )('%s of %s', async (strategy, type, literal) => {
    await duck.run('DROP SCHEMA IF EXISTS mw_mask CASCADE');
    for (const statement of maskingMacros(KEY)) await duck.run(statement);
    const source = `(SELECT CAST(${literal} AS ${type}) AS "c")`;
    const read = async (expression: string) =>
      (await duck.runAndReadAll(`SELECT CAST(${expression} AS VARCHAR) FROM ${source}`)).getRows()[0]![0] ?? null;
    const gateway = await read(maskExpression(strategy, '"c"', type));
    const mask = trinoMaskExpression(strategy, 'c', type, trinoTypeOf(type), KEY);
    // Text columns are varchar in Trino too; a keyed hash of anything else, or a UUID shown as text, is not.
    const refused =
      ((strategy === 'hash' || strategy === 'tokenize') && !TEXT.has(type)) ||
      (type === 'UUID' && (strategy === 'redact' || strategy === 'partial'));
    if (refused) {
      expect(mask).toEqual({ refused: expect.stringContaining(trinoTypeOf(type)!) });
      return;
    }
    if (!('sql' in mask)) throw new Error(mask.refused);
    if (mask.sql.startsWith('CAST(NULL AS ')) {
      expect(mask.sql).toBe(`CAST(NULL AS ${trinoTypeOf(type)})`);
      expect(gateway).toBeNull();
      return;
    }
    // A text column holds in Trino the text DuckDB gives it.
    const value = (await read('"c"')) as string;
    expect(evaluateTrinoExpression(parseTrinoExpression(mask.sql), { c: value })).toBe(gateway);
  });

  it('a column with no known Trino type cannot be masked at all', () => {
    expect(trinoTypeOf('STRUCT(a INTEGER)')).toBeUndefined();
    expect(trinoMaskExpression('null', 'c', 'STRUCT(a INTEGER)', undefined, KEY)).toHaveProperty('refused');
  });
});
