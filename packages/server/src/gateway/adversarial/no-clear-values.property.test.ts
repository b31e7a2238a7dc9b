/**
 * Property: whatever query ana (pii masked, restricted redacted, EU rows only) builds over the
 * masked columns — projections, predicates on clear values, joins, grouping, ordering, aggregates,
 * windows, subqueries, CTEs, and string functions that slice, reverse, recase and recombine —
 * no clear value of a masked column, nor any 6-character fragment of one that the masks do not
 * show themselves (`@example.com` is shown, `e.doe@` is not), appears in a result row or an error
 * message, and no row of another region appears.
 *
 * Seeded and with a fixed masking key, so a run is reproducible: tokens are hex, and a fixed key
 * keeps a token from containing a digit run of an IBAN by chance in one run and not the next.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ana,
  CLEAR_VALUES,
  createAdversary,
  findFragment,
  forbiddenFragments,
  HIDDEN_ORDERS,
  HIDDEN_PROFILES,
  MASKED_COLUMNS,
  VISIBLE_CUSTOMERS,
  VISIBLE_ORDERS,
  type Adversary,
} from './adversary.js';

const RUNS = 200;
const SEED = 20_260_121;
const FIXED_KEY = Buffer.from('6d657368776f726b2d70726f70657274792d746573742d6b65792d3332627974', 'hex');

let adv: Adversary;
let fragments: string[];
beforeAll(async () => {
  adv = await createAdversary(undefined, { maskingKey: FIXED_KEY });
  const visible = await adv.rows(ana, 'SELECT email, phone, full_name, iban FROM customers.profiles');
  fragments = forbiddenFragments(visible.flatMap((r) => Object.values(r).map(String)));
});
afterAll(async () => adv?.fixture.dispose());

// ── the query generator ──────────────────────────────────────────────────────────────────────

const masked = fc.constantFrom(...MASKED_COLUMNS);
const anyColumn = fc.constantFrom<string>(
  ...MASKED_COLUMNS,
  'customer_id',
  'region',
  'CAST(lifetime_value AS VARCHAR)',
);
/** Literals that cannot spell a clear fragment together with masked text. */
const filler = fc.constantFrom("''", "'#'", "'-'", "'|'");
const small = fc.integer({ min: -4, max: 14 });

function expression(columns: fc.Arbitrary<string>, depth: number): fc.Arbitrary<string> {
  if (depth === 0) return columns;
  const e = expression(columns, depth - 1);
  return fc.oneof(
    { arbitrary: columns, weight: 3 },
    fc
      .tuple(fc.constantFrom('lower', 'upper', 'reverse', 'trim', 'ltrim', 'rtrim', 'strip_accents'), e)
      .map(([f, x]) => `${f}(${x})`),
    fc.tuple(e, small, fc.nat(14)).map(([x, i, n]) => `substr(${x}, ${i}, ${n})`),
    fc.tuple(fc.constantFrom('left', 'right'), e, small).map(([f, x, n]) => `${f}(${x}, ${n})`),
    fc.tuple(e, e).map(([a, b]) => `concat(${a}, ${b})`),
    fc.tuple(e, filler, e).map(([a, f, b]) => `(${a} || ${f} || ${b})`),
    fc
      .tuple(e, fc.constantFrom("'*'", "'@'", "'.'", "'e'", "'tok_'"), filler)
      .map(([x, p, r]) => `replace(${x}, ${p}, ${r})`),
    fc
      .tuple(e, fc.constantFrom("'([^@]+)@'", "'[0-9]+'", "'^(.)'", "'(.*)'", "'[a-z]+'", "'@(.*)$'"))
      .map(([x, p]) => `regexp_extract(${x}, ${p})`),
    fc.tuple(e, fc.constantFrom("'\\*'", "'[0-9]'", "'^.'")).map(([x, p]) => `regexp_replace(${x}, ${p}, '', 'g')`),
    fc
      .tuple(e, fc.constantFrom("'@'", "'*'", "' '"), fc.integer({ min: 1, max: 3 }))
      .map(([x, d, n]) => `split_part(${x}, ${d}, ${n})`),
    fc.tuple(e, fc.nat(30)).map(([x, n]) => `lpad(${x}, ${n}, '#')`),
    e.map((x) => `CAST(${x} AS VARCHAR)`),
    e.map((x) => `coalesce(${x}, '#')`),
    e.map((x) => `CAST(length(${x}) AS VARCHAR)`),
  );
}

const scalar = expression(anyColumn, 2);
const maskedScalar = expression(masked, 2);

/** Predicates, many of them probing for clear values. */
const clearValue = fc.constantFrom(...CLEAR_VALUES);
const predicate = fc.oneof(
  fc.tuple(masked, clearValue).map(([c, v]) => `${c} = '${v}'`),
  fc.tuple(masked, clearValue, fc.integer({ min: 1, max: 6 })).map(([c, v, n]) => `${c} LIKE '${v.slice(0, n)}%'`),
  fc.tuple(masked, clearValue).map(([c, v]) => `contains(lower(${c}), '${v.slice(1, 5).toLowerCase()}')`),
  fc.tuple(scalar, fc.nat(20)).map(([x, n]) => `length(${x}) > ${n}`),
  scalar.map((x) => `${x} IS NOT NULL`),
  scalar.map((x) => `${x} <> '#'`),
  fc.constantFrom("region = 'EU'", 'lifetime_value > 10', "region <> 'EU'", "customer_id IN ('c2', 'c3')"),
);
const where = fc.option(predicate, { nil: undefined }).map((p) => (p ? ` WHERE ${p}` : ''));
const aggregate = fc
  .tuple(
    fc.constantFrom('min(#)', 'max(#)', "string_agg(#, ',')", 'list(#)', 'any_value(#)', 'arg_max(#, lifetime_value)'),
    scalar,
  )
  .map(([template, x]) => template.replace('#', () => x));

/** A query and what its rows must look like. */
interface Probe {
  readonly sql: string;
  /** Columns whose values must all be visible customer / order ids. */
  readonly customerColumn?: string;
  readonly orderColumn?: string;
}

const query: fc.Arbitrary<Probe> = fc.oneof(
  fc
    .tuple(scalar, scalar, where, fc.constantFrom('', ' ORDER BY 2', ' ORDER BY 3 DESC', ' ORDER BY email'))
    .map(([a, b, w, o]) => ({
      sql: `SELECT customer_id, ${a} AS a, ${b} AS b FROM customers.profiles${w}${o}`,
      customerColumn: 'customer_id',
    })),
  fc.tuple(scalar, aggregate, where).map(([g, agg, w]) => ({
    sql: `SELECT ${g} AS k, ${agg} AS v FROM customers.profiles${w} GROUP BY 1`,
  })),
  fc.tuple(maskedScalar, masked, clearValue).map(([x, c, v]) => ({
    sql:
      `SELECT o.order_id, ${x} AS a FROM sales.orders o JOIN ` +
      `(SELECT customer_id AS cid, email, phone, full_name, iban, lifetime_value FROM customers.profiles) p ` +
      `ON p.cid = o.customer_id OR p.${c} = '${v}'`,
    orderColumn: 'order_id',
  })),
  fc.tuple(maskedScalar, masked).map(([x, c]) => ({
    sql:
      `SELECT a.customer_id, ${x.replace(/\b(email|phone|full_name|iban)\b/g, 'b.$1')} AS x ` +
      `FROM customers.profiles a JOIN customers.profiles b ON a.${c} = b.${c}`,
    customerColumn: 'customer_id',
  })),
  fc.tuple(scalar, scalar).map(([a, b]) => ({
    sql:
      `SELECT customer_id, lag(${a}) OVER (ORDER BY customer_id) AS a, ` +
      `string_agg(${b}, '|') OVER () AS b FROM customers.profiles`,
    customerColumn: 'customer_id',
  })),
  fc.tuple(aggregate, where).map(([agg, w]) => ({
    sql: `SELECT (SELECT ${agg} FROM customers.profiles${w}) AS v`,
  })),
  fc.tuple(scalar, where).map(([x, w]) => ({
    sql: `WITH t AS (SELECT * FROM customers.profiles${w}) SELECT customer_id, ${x} AS a FROM t ORDER BY a`,
    customerColumn: 'customer_id',
  })),
  fc.tuple(maskedScalar, maskedScalar).map(([a, b]) => ({
    sql: `SELECT ${a} AS v FROM customers.profiles UNION SELECT ${b} FROM customers.profiles`,
  })),
);

// ── the property ─────────────────────────────────────────────────────────────────────────────

const HIDDEN_VALUES = new Set([
  ...HIDDEN_PROFILES.flatMap((r) => [r.customer_id!, r.region!]),
  ...HIDDEN_ORDERS.map((r) => r.order_id!),
]);

async function check(probe: Probe): Promise<void> {
  const outcome = await adv.rows(ana, probe.sql).then(
    (rows) => ({ rows }),
    (error: unknown) => ({ error: error as { code?: unknown; message?: unknown } }),
  );
  if ('error' in outcome) {
    // Type errors and the like are fine; what they say is checked like every refusal.
    const message = String(outcome.error.message);
    expect(String(outcome.error.code), `${probe.sql} → ${message}`).toMatch(/^MW50\d\d$/);
    adv.expectCleanMessage(message, probe.sql);
    const sql = probe.sql.toLowerCase();
    expect(
      findFragment(
        message,
        fragments.filter((f) => !sql.includes(f)),
      ),
      message,
    ).toBeUndefined();
    return;
  }
  const text = JSON.stringify(outcome.rows);
  expect(findFragment(text, fragments), `${probe.sql} → ${text}`).toBeUndefined();
  const values = outcome.rows.flatMap((row) => Object.values(row).flatMap((v) => (Array.isArray(v) ? v : [v])));
  expect(
    values.filter((v) => typeof v === 'string' && HIDDEN_VALUES.has(v)),
    probe.sql,
  ).toEqual([]);
  if (probe.customerColumn) {
    for (const row of outcome.rows) expect(VISIBLE_CUSTOMERS, probe.sql).toContain(row[probe.customerColumn]);
  }
  if (probe.orderColumn) {
    for (const row of outcome.rows) expect(VISIBLE_ORDERS, probe.sql).toContain(row[probe.orderColumn]);
  }
}

describe('no clear values and no hidden rows, whatever the query', () => {
  it('the fragments to look for are meaningful', () => {
    // Fragments of the hidden part of an e-mail, of names, of IBANs and of phone prefixes.
    expect(fragments).toEqual(expect.arrayContaining(['e.doe@', 'jane d', 'gb82we', '+44 20']));
    expect(fragments).not.toContain('@example.com'.slice(0, 6));
  });

  it(`holds for ${RUNS} generated queries`, async () => {
    await fc.assert(fc.asyncProperty(query, check), { seed: SEED, numRuns: RUNS });
  });
});
