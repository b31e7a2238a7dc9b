/**
 * Adversarial: parameters. A value bound to `$n`/`?` is a value — never SQL, never a name, never a
 * snapshot id — and the number of values must match the placeholders (MW5014).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ana, createAdversary, type Adversary } from './adversary.js';

let adv: Adversary;
beforeAll(async () => {
  adv = await createAdversary();
});
afterAll(async () => adv?.fixture.dispose());

describe('parameter count', () => {
  it.each([
    ['SELECT * FROM sales.orders WHERE amount > $1', []],
    ['SELECT * FROM sales.orders WHERE amount > ?', []],
    ['SELECT * FROM sales.orders', [1]],
    ['SELECT $1, $2', [1, 2, 3]],
    ['SELECT $1, $2', [1]],
    ['SELECT ?, ?', [1]],
  ] as const)('refuses %s with %j (MW5014)', async (sql, parameters) => {
    await adv.refused(ana, { sql, parameters: [...parameters] }, 'MW5014');
  });

  it('counts a repeated placeholder once', async () => {
    expect(await adv.rows(ana, { sql: 'SELECT $1 AS a, $1 AS b', parameters: ['x'] })).toEqual([{ a: 'x', b: 'x' }]);
  });
});

describe('parameters that look like SQL are values', () => {
  it.each([
    "' OR '1'='1",
    "c1' OR region <> 'EU' --",
    "x'; SELECT * FROM read_text('/etc/passwd'); --",
    "') UNION SELECT email FROM customers.profiles --",
    'jane.doe@example.com',
  ])('matches nothing for %j compared to a column', async (value) => {
    const rows = await adv.rows(ana, {
      sql: 'SELECT count(*) AS n FROM customers.profiles WHERE customer_id = $1 OR email = $1',
      parameters: [value],
    });
    expect(rows).toEqual([{ n: '0' }]);
  });

  it('returns a SQL-looking parameter as the text it is', async () => {
    const value = "'); DROP TABLE x; SELECT getenv('HOME'); --";
    expect(await adv.rows(ana, { sql: 'SELECT $1 AS v', parameters: [value] })).toEqual([{ v: value }]);
  });

  it('does not let a parameter name a relation, a function or a snapshot', async () => {
    await adv.refused(ana, { sql: 'SELECT * FROM $1', parameters: ['customers.profiles'] }, 'MW5001');
    await adv.refused(ana, { sql: 'SELECT * FROM query($1)', parameters: ['SELECT 1'] }, 'MW5007');
    await adv.refused(ana, { sql: 'SELECT * FROM read_text($1)', parameters: ['/etc/passwd'] }, 'MW5007');
    await adv.refused(ana, { sql: 'SELECT * FROM customers.profiles AT (VERSION => $1)', parameters: ['1'] }, 'MW5015');
  });

  it('compares a parameter with the masked value, never the clear one', async () => {
    const clear = await adv.rows(ana, {
      sql: 'SELECT count(*) AS n FROM customers.profiles WHERE email = $1',
      parameters: ['jane.doe@example.com'],
    });
    const masked = await adv.rows(ana, {
      sql: 'SELECT count(*) AS n FROM customers.profiles WHERE email = $1',
      parameters: ['j***@example.com'],
    });
    expect([clear, masked]).toEqual([[{ n: '0' }], [{ n: '1' }]]);
  });

  it('binds typed values and NULL without changing the query', async () => {
    const rows = await adv.rows(ana, {
      sql: 'SELECT $1 AS a, $2 AS b, $3 AS c, $4 IS NULL AS d',
      parameters: [9007199254740993n, true, 1.5, null],
    });
    expect(rows).toEqual([{ a: '9007199254740993', b: true, c: 1.5, d: true }]);
  });

  it('describes parameters without running the query', async () => {
    const description = await adv.gateway.describe(ana, {
      sql: 'SELECT email FROM customers.profiles WHERE lifetime_value > $1 AND email = $2',
    });
    expect(description.parameters.map((p) => p.typeName)).toEqual(['DECIMAL(12,2)', 'VARCHAR']);
    expect(description.columns.map((c) => c.name)).toEqual(['email']);
  });
});
