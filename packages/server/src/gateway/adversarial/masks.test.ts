/**
 * Adversarial: seeing through a mask. Masks are applied inside the governed relation, so a masked
 * column holds only masked values wherever the user's query touches it: predicates on the clear
 * value find nothing, joins/grouping/ordering/aggregates/functions work on the masked text, and
 * whole-row, struct, JSON and COLUMNS expansions carry masked values.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  admin,
  ana,
  CLEAR_VALUES,
  createAdversary,
  expectMasked,
  forbiddenFragments,
  type Adversary,
} from './adversary.js';

let adv: Adversary;
let fragments: string[];
beforeAll(async () => {
  adv = await createAdversary();
  const visible = await adv.rows(ana, 'SELECT email, phone, full_name, iban FROM customers.profiles');
  fragments = forbiddenFragments(visible.flatMap((r) => Object.values(r).map(String)));
});
afterAll(async () => adv?.fixture.dispose());

describe('predicates on clear values find nothing', () => {
  it('the data is there: a principal with clear access finds it', async () => {
    const rows = await adv.rows(
      admin,
      "SELECT count(*) AS n FROM customers.profiles WHERE email = 'jane.doe@example.com'",
    );
    expect(rows).toEqual([{ n: '1' }]);
  });

  it.each([
    "email = 'jane.doe@example.com'",
    "email LIKE 'j%e@%'",
    "email ILIKE '%DOE%'",
    "contains(email, 'doe')",
    "starts_with(email, 'jane')",
    "regexp_matches(email, '^jane\\.')",
    "email SIMILAR TO 'jane.*'",
    "phone LIKE '+44%'",
    "phone = '+44 20 7946 0958'",
    "full_name = 'Jane Doe'",
    "lower(full_name) LIKE '%jane%'",
    "iban LIKE 'GB82%'",
    "starts_with(iban, 'DE')",
    'length(iban) = 22',
    "email IN ('jane.doe@example.com', 'max.mustermann@example.de')",
    "levenshtein(email, 'jane.doe@example.com') < 5",
    "jaro_winkler_similarity(full_name, 'Jane Doe') > 0.9",
    "hash(email) = hash('jane.doe@example.com')",
    "md5(full_name) = md5('Jane Doe')",
  ])('WHERE %s matches no row', async (predicate) => {
    const rows = await adv.rows(ana, `SELECT count(*) AS n FROM customers.profiles WHERE ${predicate}`);
    expect(rows).toEqual([{ n: '0' }]);
  });
});

describe('masked values wherever the column is used', () => {
  it.each([
    ['projection', 'SELECT email, phone, full_name, iban FROM customers.profiles'],
    ['GROUP BY', 'SELECT email, phone, count(*) AS n FROM customers.profiles GROUP BY ALL'],
    ['ORDER BY', 'SELECT customer_id FROM customers.profiles ORDER BY iban, full_name, email'],
    ['DISTINCT', 'SELECT DISTINCT email, iban FROM customers.profiles'],
    ['DISTINCT ON', 'SELECT DISTINCT ON (region) email FROM customers.profiles ORDER BY region, email'],
    [
      'aggregates',
      `SELECT min(email) AS a, max(phone) AS b, string_agg(full_name, ',') AS c, list(iban) AS d,
              any_value(email) AS e, arg_max(email, lifetime_value) AS f, histogram(phone) AS g, mode(full_name) AS h,
              array_agg(email ORDER BY email) AS i, first(iban) AS j, max_by(full_name, customer_id) AS k
       FROM customers.profiles`,
    ],
    [
      'window functions',
      `SELECT lag(email) OVER w AS a, lead(phone) OVER w AS b, first_value(full_name) OVER w AS c,
              last_value(iban) OVER w AS d, nth_value(email, 2) OVER w AS e, string_agg(email, '|') OVER w AS f
       FROM customers.profiles WINDOW w AS (ORDER BY customer_id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)`,
    ],
    [
      'string functions',
      `SELECT lower(email) AS a, upper(phone) AS b, reverse(full_name) AS c, substr(iban, 1, 2) AS d,
              left(email, 6) AS e, right(email, 6) AS f, replace(email, '*', '') AS g, split_part(email, '@', 1) AS h,
              regexp_extract(email, '^([^@]+)@', 1) AS i, regexp_replace(phone, '\\*', '', 'g') AS j,
              concat(email, phone) AS k, trim(email, '*') AS l, translate(email, '*', 'x') AS m
       FROM customers.profiles`,
    ],
    [
      'casts',
      'SELECT CAST(email AS BLOB) AS a, CAST(phone AS VARCHAR(100)) AS b, CAST(lifetime_value AS VARCHAR) AS d, iban::VARCHAR AS c FROM customers.profiles',
    ],
    ['COLUMNS(*)', "SELECT COLUMNS('.*') FROM customers.profiles"],
    ['COLUMNS lambda', "SELECT COLUMNS(c -> c LIKE '%a%') FROM customers.profiles"],
    ['aggregate over COLUMNS', 'SELECT max(COLUMNS(*)) FROM customers.profiles'],
    ['* EXCLUDE / REPLACE', 'SELECT * EXCLUDE (customer_id) REPLACE (lower(email) AS email) FROM customers.profiles'],
    ['struct packing', "SELECT {'e': email, 'p': phone, 'n': full_name, 'i': iban} AS s FROM customers.profiles"],
    ['list packing', 'SELECT [email, phone, full_name, iban] AS l FROM customers.profiles'],
    ['whole row', 'SELECT p FROM customers.profiles p'],
    ['to_json of the row', 'SELECT to_json(p) AS j FROM customers.profiles p'],
    ['row_to_json / json_object', "SELECT row_to_json(p) AS a, json_object('e', email) AS b FROM customers.profiles p"],
    ['UNPIVOT', 'SELECT * FROM customers.profiles UNPIVOT (v FOR k IN (email, phone, full_name, iban))'],
    ['unnest', 'SELECT unnest([email, phone]) AS v FROM customers.profiles'],
    ['a subquery argument of unnest()', 'SELECT * FROM unnest((SELECT list(email) FROM customers.profiles))'],
    [
      'a subquery argument of json_each()',
      'SELECT * FROM json_each((SELECT to_json(list(p)) FROM customers.profiles p))',
    ],
    [
      'self-join on a masked column',
      'SELECT a.email, b.full_name FROM customers.profiles a JOIN customers.profiles b ON a.email = b.email',
    ],
    [
      'correlated subquery',
      'SELECT (SELECT max(b.iban) FROM customers.profiles b WHERE b.email = a.email) AS x FROM customers.profiles a',
    ],
  ])('%s', async (_use, sql) => {
    const rows = await adv.rows(ana, sql);
    expect(rows.length).toBeGreaterThan(0);
    expectMasked(rows, fragments);
  });

  it('hash(), md5() and length() of a masked value are those of the masked text', async () => {
    const [row] = await adv.rows(
      ana,
      `SELECT hash(email) = hash('j***@example.com') AS h, md5(email) = md5('j***@example.com') AS m,
              length(email) AS l, length(iban) AS li, sha256(phone) = sha256('***0958') AS s
       FROM customers.profiles WHERE customer_id = 'c1'`,
    );
    expect(row).toEqual({ h: true, m: true, l: '16', li: '4', s: true });
  });

  it('joins masked identifiers to each other (tokens are stable) but never to clear text', async () => {
    const rows = await adv.rows(
      ana,
      `SELECT count(*) FILTER (WHERE a.full_name = b.full_name) AS same,
              count(*) FILTER (WHERE a.full_name IN ('Jane Doe', 'Max Mustermann')) AS clear
       FROM customers.profiles a JOIN customers.profiles b USING (customer_id)`,
    );
    expect(rows).toEqual([{ same: '2', clear: '0' }]);
  });

  it('keeps a CAST error on a masked value free of the clear value', async () => {
    const refusal = await adv.refused(ana, 'SELECT CAST(full_name AS DATE) FROM customers.profiles', 'MW5009');
    expect(refusal.message).not.toMatch(/Jane|Max/);
  });

  it('never shows a clear value anywhere in the masked principal’s view of the whole product', async () => {
    const text = JSON.stringify(await adv.rows(ana, 'SELECT * FROM customers.profiles'));
    for (const value of CLEAR_VALUES) expect(text).not.toContain(value);
  });
});
