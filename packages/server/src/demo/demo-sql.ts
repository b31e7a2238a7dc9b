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

/**
 * One element of a constant list chosen by key, e.g. a first name by country:
 * `CASE key WHEN 'DE' THEN ['Anna', …][1 + index(24)] … END`. Constant lists are not copied
 * per row, unlike list columns carried through joins.
 */
export function pickByKey(
  key: string,
  lists: Readonly<Record<string, readonly string[]>>,
  index: (length: number) => string,
): string {
  const branches = Object.entries(lists).map(
    ([value, items]) => `WHEN ${lit(value)} THEN ${litList(items)}[1 + ${index(items.length)}]`,
  );
  return `CASE ${key} ${branches.join(' ')} END`;
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

/** ISO 13616 IBAN: country, mod-97 check digits (ISO 7064), basic bank account number. */
export function ibanFor(country: string, bban: string): string {
  const numeric = [...`${bban}${country}00`]
    .map((ch) => (ch >= 'A' && ch <= 'Z' ? String(ch.charCodeAt(0) - 55) : ch))
    .join('');
  const check = 98n - (BigInt(numeric) % 97n);
  return `${country}${String(check).padStart(2, '0')}${bban}`;
}

/** Digits of an alphanumeric string for the mod-97 computation (A = 10 … Z = 35). */
function ibanDigits(text: string): string {
  return [...text].map((ch) => (ch >= 'A' && ch <= 'Z' ? String(ch.charCodeAt(0) - 55) : ch)).join('');
}

/**
 * A template as SQL: `#` takes the next digit of `digits` (a column of 36 random digits, see
 * `dg_r36`), `%` a digit from 2 to 9, `@` a letter drawn from `seed`; other characters are kept.
 * `numeric` is the same value with letters as two-digit numbers, for IBAN check digits.
 * Templates with up to 18 digits can use `dg_r18`, longer ones `dg_r36`.
 */
export function templateSql(template: string, digits: string, seed: string): { text: string; numeric: string } {
  const text: string[] = [];
  const numeric: string[] = [];
  let position = 1;
  let run = 0;
  let literal = '';
  let letters = 0;
  const flushLiteral = () => {
    if (literal === '') return;
    text.push(lit(literal));
    numeric.push(lit(ibanDigits(literal)));
    literal = '';
  };
  const flushRun = () => {
    if (run === 0) return;
    const part = `substr(${digits}, ${position - run}, ${run})`;
    text.push(part);
    numeric.push(part);
    run = 0;
  };
  for (const ch of template) {
    if (ch === '#') {
      flushLiteral();
      run++;
      position++;
      continue;
    }
    flushRun();
    if (ch === '%') {
      flushLiteral();
      const part = `CAST(2 + CAST(substr(${digits}, ${position++}, 1) AS INTEGER) % 8 AS VARCHAR)`;
      text.push(part);
      numeric.push(part);
    } else if (ch === '@') {
      flushLiteral();
      const k = letters++;
      text.push(`chr(CAST(65 + dg_h(${seed}, ${k}) % 26 AS INTEGER))`);
      numeric.push(`CAST(10 + dg_h(${seed}, ${k}) % 26 AS VARCHAR)`);
    } else {
      literal += ch;
    }
  }
  flushRun();
  flushLiteral();
  if (position - 1 > 36) throw new Error(`template ${template} needs more than 36 digits`);
  return { text: text.join(' || ') || "''", numeric: numeric.join(' || ') || "''" };
}

/**
 * `CASE id WHEN 0 THEN values[0] …` as a balanced tree of range tests, so a row passes about
 * log2(n) tests instead of n/2 (DuckDB evaluates CASE branches one after the other).
 */
export function caseTree(id: string, values: readonly string[], from = 0, to = values.length): string {
  if (to - from <= 4) {
    const branches = values.slice(from, to).map((value, k) => `WHEN ${id} = ${from + k} THEN ${value}`);
    return `CASE ${branches.join(' ')} END`;
  }
  const middle = Math.floor((from + to) / 2);
  return `CASE WHEN ${id} < ${middle} THEN ${caseTree(id, values, from, middle)} ELSE ${caseTree(id, values, middle, to)} END`;
}

/** Template number `id` of `templates`, filled. */
export function fillCase(templates: readonly string[], id: string, digits: string, seed: string): string {
  return caseTree(
    id,
    templates.map((t) => templateSql(t, digits, seed).text),
  );
}

/** An IBAN from bank account layout number `id` of `layouts` (country and BBAN template). */
export function ibanCase(
  layouts: readonly (readonly [country: string, bban: string])[],
  id: string,
  digits: string,
  seed: string,
): string {
  const values = layouts.map(([country, bban]) => {
    const { text, numeric } = templateSql(bban, digits, seed);
    const check = `lpad(CAST(98 - CAST(${numeric} || '${ibanDigits(country)}00' AS HUGEINT) % 97 AS VARCHAR), 2, '0')`;
    return `'${country}' || ${check} || ${text}`;
  });
  return caseTree(id, values);
}

/** A name folded to the letters a-z, for e-mail addresses (`Müller` → `muller`, `Weiß` → `weiss`). */
export function asciiLetters(name: string): string {
  return name
    .replaceAll('ß', 'ss')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .replace(/[æÆ]/g, 'ae')
    .normalize('NFD')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

/**
 * Temporary macros. `dg_u(key, salt)` is a uniform double in [0, 1); `dg_pick(key, salt, n)` an
 * integer in [0, n); `dg_r18(seed)` and `dg_r36(seed)` random digits for templates.
 */
export const MACROS: readonly string[] = [
  // hash(k, s) XOR-combines the hashes of its arguments, so two salts of one key would give
  // correlated values: the salt's hash (a constant) is mixed into the key before hashing instead.
  `CREATE OR REPLACE TEMP MACRO dg_h(k, s) AS hash(xor(CAST(k AS UBIGINT), hash(s)))`,
  `CREATE OR REPLACE TEMP MACRO dg_u(k, s) AS CAST(dg_h(k, s) AS DOUBLE) / 18446744073709551616.0`,
  `CREATE OR REPLACE TEMP MACRO dg_u2(k, j, s) AS CAST(dg_h(k * 16 + j, s) AS DOUBLE) / 18446744073709551616.0`,
  `CREATE OR REPLACE TEMP MACRO dg_pick(k, s, n) AS CAST(dg_h(k, s) % CAST(n AS UBIGINT) AS INTEGER)`,
  `CREATE OR REPLACE TEMP MACRO dg_digits(k, s, d) AS lpad(CAST(dg_h(k, s) % CAST(10 ^ d AS UBIGINT) AS VARCHAR), d, '0')`,
  `CREATE OR REPLACE TEMP MACRO dg_r18(seed) AS lpad(CAST(dg_h(seed, 'r1') % 1000000000000000000 AS VARCHAR), 18, '0')`,
  `CREATE OR REPLACE TEMP MACRO dg_r36(seed) AS
     lpad(CAST(dg_h(seed, 'r1') % 1000000000000000000 AS VARCHAR), 18, '0')
     || lpad(CAST(dg_h(seed, 'r2') % 1000000000000000000 AS VARCHAR), 18, '0')`,
  `CREATE OR REPLACE TEMP MACRO dg_ts(s) AS make_timestamp(CAST(s AS BIGINT) * 1000000)`,
  `CREATE OR REPLACE TEMP MACRO dg_date(s) AS DATE '1970-01-01' + CAST(floor(s / 86400) AS INTEGER)`,
  `CREATE OR REPLACE TEMP MACRO dg_day_s(d) AS CAST(d - DATE '1970-01-01' AS BIGINT) * 86400`,
  `CREATE OR REPLACE TEMP MACRO dg_iso(s) AS strftime(dg_ts(s), '%Y-%m-%dT%H:%M:%SZ')`,
  `CREATE OR REPLACE TEMP MACRO dg_plain(s) AS strftime(dg_ts(s), '%Y-%m-%d %H:%M:%S')`,
  `CREATE OR REPLACE TEMP MACRO dg_blank0(x) AS CASE WHEN x = 0 THEN NULL ELSE x END`,
];
