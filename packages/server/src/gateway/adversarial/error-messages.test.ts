/**
 * Adversarial: reading what errors say. Errors are the user's to read — but never the warehouse
 * path, the rewritten SQL (files, masking expressions), masking key material, or a value the user
 * may not see. Every refusal of the suite is checked by `refused`; here, errors built on purpose
 * around the rewrite, and the sanitizer itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sanitize } from '../execution-errors.js';
import { ana, ben, createAdversary, nobody, type Adversary } from './adversary.js';

let adv: Adversary;
beforeAll(async () => {
  adv = await createAdversary();
});
afterAll(async () => adv?.fixture.dispose());

describe('errors around the rewritten query', () => {
  it.each([
    'SELECT nope FROM customers.profiles',
    'SELECT x.email FROM customers.profiles',
    'SELECT profiles.secret FROM customers.profiles',
    'SELECT email FROM customers.profiles GROUP BY region',
    'SELECT region FROM customers.profiles JOIN sales.orders USING (customer_id)',
    'SELECT email + 1 FROM customers.profiles',
    'SELECT sum(email) FROM customers.profiles',
    'SELECT * FROM customers.profiles p JOIN customers.profiles p USING (customer_id)',
    'SELECT email FROM customers.profiles UNION SELECT 1, 2',
    'SELECT email FROM customers.profiles ORDER BY 9',
    'SELECT email FROM customers.profiles WHERE email',
    'SELECT CAST(iban AS INT) FROM customers.profiles',
    'SELECT CAST(full_name AS DATE) FROM customers.profiles',
    'SELECT email::JSON FROM customers.profiles',
    "SELECT strptime(phone, '%Y') FROM customers.profiles",
    'SELECT CAST(lifetime_value AS TINYINT) FROM customers.profiles',
    'SELECT CAST(email AS no_such_type) FROM customers.profiles',
    "SELECT COLUMNS('(') FROM customers.profiles",
    'SELECT * FROM customers.profiles WHERE (SELECT email FROM customers.profiles) IS NULL',
    'SELECT max(email) OVER (ORDER BY nope) FROM customers.profiles',
    "SELECT * FROM customers.profiles PIVOT (count(*) FOR nope IN ('x'))",
  ])('%s fails with a clean message (MW5009)', async (sql) => {
    await adv.refused(ana, sql, 'MW5009');
  });

  it('names the relation, not its files, when a principal may not query it', async () => {
    const refusal = await adv.refused(nobody, 'SELECT * FROM customers.profiles', 'MW5016');
    expect(refusal.message).toMatch(/customers\.profiles/);
  });

  it('says the same about a hidden product as about one that does not exist', async () => {
    const refusal = await adv.refused(ben, 'SELECT email FROM customers.profiles', 'MW5004');
    expect(refusal.message).toBe('relation customers.profiles does not exist');
  });

  it('keeps a quoted value out of conversion errors, whatever the quotes', async () => {
    const refusal = await adv.refused(ana, "SELECT * FROM sales.orders WHERE amount = 'GB82WEST'", 'MW5009');
    expect(refusal.message).not.toContain('GB82WEST');
    expect(refusal.message).toMatch(/<value>/);
  });
});

describe('the sanitizer', () => {
  const root = '/srv/mesh/.meshwork/warehouse';

  it.each([
    [`IO Error: No files found that match the pattern "${root}/customers/x.parquet"`, /<path>|<warehouse>/],
    [`IO Error: Could not read ${root}/sales/orders/v1/part-0.parquet`, /<warehouse>\/sales/],
    ["Permission Error: Cannot access file '/etc/passwd'", /<path>/],
    ["Conversion Error: Could not convert string 'jane.doe@example.com' to INT32", /string <value> to INT32/],
    ['Conversion Error: Could not convert string "jane.doe@example.com" to INT32', /string <value> to INT32/],
    ['Conversion Error: invalid date field format: "Jane Doe", expected format is (YYYY-MM-DD)', /format: <value>/],
    ['Invalid Input Error: Could not parse string "Jane Doe" according to format specifier "%Y"', /string <value>/],
    ['Conversion Error: Malformed JSON at byte 0 of input: unexpected character.  Input: "GB82WEST"', /Input: <value>/],
    ['Conversion Error: Could not cast value 3000.00 to DECIMAL(3,0)', /value <value> to DECIMAL\(3,0\)/],
    ['Conversion Error: Failed to cast decimal value 3000 to type INT8', /decimal value <value> to type INT8/],
    [`Binder Error: bad\nLINE 1: SELECT * FROM read_parquet(['${root}/x.parquet'])`, /^Binder Error: bad$/],
    [`Binder Error: near read_parquet(['${root}/x.parquet', 'y'])`, /read_parquet\(…\)/],
  ])('cleans %s', (raw, expected) => {
    const clean = sanitize(raw, root);
    expect(clean).toMatch(expected);
    expect(clean).not.toMatch(/jane\.doe|Jane Doe|GB82WEST|3000|\/srv\/mesh|\/etc\/passwd|LINE 1/);
  });

  it('cuts long messages', () => {
    expect(sanitize(`Binder Error: ${'x'.repeat(2000)}`, root).length).toBeLessThanOrEqual(501);
  });
});
