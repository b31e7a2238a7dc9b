/**
 * SQL building blocks of the demo data generator. Every random-looking value is a function of a
 * row key and a salt (`hash(key, 'salt')`), so the same scale always gives the same rows; no
 * `random()` anywhere. Times are carried as epoch seconds (BIGINT) and formatted on output.
 */

/** A SQL string literal. */
export function lit(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** A SQL list literal of strings (`[]::VARCHAR[]` when empty). */
export function litList(values: readonly string[]): string {
  return values.length === 0 ? '[]::VARCHAR[]' : `[${values.map(lit).join(', ')}]`;
}

/** A SQL literal for a value of a reference table. */
function valueLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    return Number.isInteger(value) ? String(value) : `${value}::DOUBLE`;
  }
  if (Array.isArray(value)) {
    return value.every((v) => typeof v === 'number')
      ? `[${value.map((v) => `${v}::DOUBLE`).join(', ')}]`
      : litList(value as string[]);
  }
  return lit(String(value));
}

/** `CREATE TEMP TABLE name AS VALUES …` for a small reference table. */
export function valuesTable(name: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const body = rows.map((row) => `(${row.map(valueLiteral).join(', ')})`).join(',\n  ');
  return `CREATE OR REPLACE TEMP TABLE ${name} AS SELECT * FROM (VALUES\n  ${body}\n) AS t(${columns.join(', ')})`;
}

/**
 * A CASE expression choosing among values by weight, given a uniform number in [0, 1).
 * The thresholds are cumulative shares computed here, so the expression is exact and stable.
 */
export function weighted(u: string, entries: readonly (readonly [sql: string, weight: number])[]): string {
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  let cumulative = 0;
  const branches = entries.slice(0, -1).map(([value, weight]) => {
    cumulative += weight;
    return `WHEN ${u} < ${(cumulative / total).toFixed(12)} THEN ${value}`;
  });
  return `CASE ${branches.join(' ')} ELSE ${entries[entries.length - 1]![0]} END`;
}

/** Epoch seconds of a UTC calendar day (`YYYY-MM-DD`) or timestamp (`YYYY-MM-DD HH:MM:SS`). */
export function epochSeconds(text: string): number {
  return Date.parse(`${text.replace(' ', 'T')}${text.length === 10 ? 'T00:00:00' : ''}Z`) / 1000;
}

/**
 * Temporary macros. `dg_u(key, salt)` is a uniform double in [0, 1); `dg_pick(key, salt, n)` an
 * integer in [0, n); `dg_fill(template, seed)` fills `#` (digit), `%` (digit 2–9) and `@` (letter);
 * `dg_iban` computes the ISO 7064 mod-97 check digits of a basic bank account number.
 */
export const MACROS: readonly string[] = [
  // hash(k, s) alone XOR-combines its arguments, so two salts of one key would be correlated:
  // hashing the combination again decorrelates them.
  `CREATE OR REPLACE TEMP MACRO dg_h(k, s) AS hash(hash(k, s))`,
  `CREATE OR REPLACE TEMP MACRO dg_u(k, s) AS CAST(dg_h(k, s) AS DOUBLE) / 18446744073709551616.0`,
  `CREATE OR REPLACE TEMP MACRO dg_u2(k, j, s) AS CAST(hash(hash(k, j, s)) AS DOUBLE) / 18446744073709551616.0`,
  `CREATE OR REPLACE TEMP MACRO dg_pick(k, s, n) AS CAST(dg_h(k, s) % CAST(n AS UBIGINT) AS INTEGER)`,
  `CREATE OR REPLACE TEMP MACRO dg_digits(k, s, d) AS lpad(CAST(dg_h(k, s) % CAST(10 ^ d AS UBIGINT) AS VARCHAR), d, '0')`,
  `CREATE OR REPLACE TEMP MACRO dg_fill(tpl, seed) AS array_to_string(list_transform(string_split(tpl, ''), lambda c, i:
     CASE c
       WHEN '#' THEN CAST(dg_h(seed, i) % 10 AS VARCHAR)
       WHEN '%' THEN CAST(2 + dg_h(seed, i) % 8 AS VARCHAR)
       WHEN '@' THEN chr(CAST(65 + dg_h(seed, i) % 26 AS INTEGER))
       ELSE c
     END), '')`,
  `CREATE OR REPLACE TEMP MACRO dg_alnum_digits(s) AS array_to_string(list_transform(string_split(s, ''), lambda c:
     CASE WHEN c BETWEEN 'A' AND 'Z' THEN CAST(ascii(c) - 55 AS VARCHAR) ELSE c END), '')`,
  `CREATE OR REPLACE TEMP MACRO dg_iban(cc, bban) AS
     cc || lpad(CAST(98 - CAST(dg_alnum_digits(bban || cc || '00') AS HUGEINT) % 97 AS VARCHAR), 2, '0') || bban`,
  `CREATE OR REPLACE TEMP MACRO dg_ascii(s) AS regexp_replace(lower(strip_accents(
     replace(replace(replace(replace(replace(s, 'ß', 'ss'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'))), '[^a-z]', '', 'g')`,
  `CREATE OR REPLACE TEMP MACRO dg_ts(s) AS make_timestamp(CAST(s AS BIGINT) * 1000000)`,
  `CREATE OR REPLACE TEMP MACRO dg_date(s) AS DATE '1970-01-01' + CAST(floor(s / 86400) AS INTEGER)`,
  `CREATE OR REPLACE TEMP MACRO dg_day_s(d) AS CAST(d - DATE '1970-01-01' AS BIGINT) * 86400`,
  `CREATE OR REPLACE TEMP MACRO dg_iso(s) AS strftime(dg_ts(s), '%Y-%m-%dT%H:%M:%SZ')`,
  `CREATE OR REPLACE TEMP MACRO dg_plain(s) AS strftime(dg_ts(s), '%Y-%m-%d %H:%M:%S')`,
  `CREATE OR REPLACE TEMP MACRO dg_money(x) AS CAST(round(x, 2) AS DECIMAL(12,2))`,
  `CREATE OR REPLACE TEMP MACRO dg_blank0(x) AS CASE WHEN x = 0 THEN NULL ELSE x END`,
];
