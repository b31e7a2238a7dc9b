/**
 * Customers and their addresses: `dg_customers` (one row per customer, numbered in signup order)
 * and the CRM exports `customers.csv` and `addresses.csv`.
 */
import { COMPANY_WORDS, COUNTRIES } from './demo-reference-data.js';
import {
  BBAN_TEMPLATES,
  BY_COUNTRY,
  EXPORT_S,
  FIRST_DAY,
  FIRST_SIGNUP_DAY,
  LAST_DAY,
  PHONE_TEMPLATES,
  POSTAL_TEMPLATES,
  type DemoSizes,
} from './demo-setup-sql.js';
import { asciiLetters, epochSeconds, fillCase, ibanCase, lit, litList, pickByKey, weighted } from './demo-sql.js';

const ASCII_FIRST = Object.fromEntries(
  Object.entries(BY_COUNTRY.firstNames).map(([country, names]) => [country, names.map(asciiLetters)]),
);
const ASCII_LAST = Object.fromEntries(
  Object.entries(BY_COUNTRY.lastNames).map(([country, names]) => [country, names.map(asciiLetters)]),
);

/** The region of a country column, as SQL. */
function regionOf(column: string): string {
  const branches = COUNTRIES.map((c) => `WHEN ${lit(c.code)} THEN ${lit(c.region)}`);
  return `CASE ${column} ${branches.join(' ')} END`;
}

/** Street, postal code and city of one address of customer `n` (columns `<prefix>_street` …). */
function addressColumns(prefix: string, when: string): string {
  const guard = (sql: string) => (when === 'true' ? sql : `CASE WHEN ${when} THEN ${sql} END`);
  const number = (salt: string, min: string, max: string) =>
    `CAST(CAST(${min} + floor((${max} - ${min} + 1) * pow(dg_u(n, '${prefix}-${salt}'), 2)) AS BIGINT) AS VARCHAR)`;
  return `
    ${guard(`replace(replace(replace(street_format,
      '{s}', ${pickByKey('country', BY_COUNTRY.streets, (length) => `dg_pick(n, '${prefix}-street', ${length})`)}),
      '{n2}', ${number('n2', '1', '20')}),
      '{n}', ${number('number', 'number_min', 'number_max')})`)}          AS ${prefix}_street,
    ${guard(fillCase(POSTAL_TEMPLATES, `${prefix}_city_index + city_first`, `${prefix}_digits`, `dg_h(n, '${prefix}-letters')`))} AS ${prefix}_postal,
    ${guard(pickByKey('country', BY_COUNTRY.cities, () => `${prefix}_city_index`))} AS ${prefix}_city`;
}

export function customerTables(sizes: DemoSizes): string[] {
  const total = sizes.customers;
  const before = Math.max(3, Math.floor(total * 0.35));
  const preDays = (epochSeconds(FIRST_DAY) - epochSeconds(FIRST_SIGNUP_DAY)) / 86400;
  const lastDayS = epochSeconds(LAST_DAY);
  const country = weighted(
    `dg_u(n, 'country')`,
    COUNTRIES.map((c) => [lit(c.code), c.share]),
  );
  const segment = `CASE
      WHEN n < 3 THEN ['consumer', 'smb', 'enterprise'][n + 1]
      ELSE ${weighted(`dg_u(n, 'segment')`, [
        [`'consumer'`, 90],
        [`'smb'`, 8],
        [`'enterprise'`, 2],
      ])}
    END`;
  const cityIndex = (prefix: string) =>
    `CAST(floor(c.city_count * pow(dg_u(b.n, '${prefix}-city'), 1.6)) AS INTEGER) AS ${prefix}_city_index`;
  return [
    // Signup days: 35 % before the order window (growing), the rest following shop traffic.
    `CREATE OR REPLACE TEMP TABLE dg_signups AS
     WITH r AS (SELECT n, (n - ${before} + 0.5) / ${total - before} AS f FROM range(${total}) t(n))
     SELECT n, ${epochSeconds(FIRST_SIGNUP_DAY)} + CAST(floor(${preDays} * sqrt((n + 0.5) / ${before})) AS BIGINT) * 86400 AS signup_day_s
     FROM r WHERE n < ${before}
     UNION ALL
     SELECT r.n, d.day_s FROM (SELECT * FROM r WHERE n >= ${before}) AS r ASOF JOIN dg_days AS d ON r.f >= d.cum_lo`,

    `CREATE OR REPLACE TEMP TABLE dg_customers AS
     WITH base AS (
       SELECT n, signup_day_s, segment, country, ${regionOf('country')} AS region,
         CAST(row_number() OVER (PARTITION BY segment ORDER BY n) AS INTEGER)    AS seg_rank,
         CAST(row_number() OVER (PARTITION BY ${regionOf('country')} ORDER BY n) - 1 AS INTEGER) AS reg_rank,
         dg_u(n, 'moved') < 0.15 AND ${lastDayS} - signup_day_s > 60 * 86400   AS moved,
         dg_u(n, 'shipping-address') < 0.22                                     AS has_shipping_address,
         dg_u(n, 'duplicate') < 0.03                                            AS has_old_version
       FROM (SELECT n, signup_day_s, ${segment} AS segment, ${country} AS country FROM dg_signups)
     ),
     named AS (
       SELECT b.*,
         c.vat, c.utc_shift, c.bban_first, c.bban_count, c.city_first,
         c.street_format, c.number_min, c.number_max, c.company_tld,
         c.phone_first + dg_pick(b.n, 'phone-template', c.phone_count) AS phone_id,
         CASE WHEN c.bban_count > 0 AND dg_u(b.n, 'iban') < CASE WHEN b.country IN ('DE', 'AT', 'NL') THEN 0.5 ELSE 0.25 END
           THEN c.bban_first + dg_pick(b.n, 'bban-template', c.bban_count) END AS bban_id,
         ${pickByKey('b.country', BY_COUNTRY.firstNames, (length) => `dg_pick(b.n, 'first', ${length})`)} AS first_name,
         ${pickByKey('b.country', BY_COUNTRY.lastNames, (length) => `dg_pick(b.n, 'last', ${length})`)} AS last_name,
         ${pickByKey('b.country', ASCII_FIRST, (length) => `dg_pick(b.n, 'first', ${length})`)} AS a,
         ${pickByKey('b.country', ASCII_LAST, (length) => `dg_pick(b.n, 'last', ${length})`)} AS b,
         ${pickByKey('b.country', BY_COUNTRY.mailDomains, (length) => `CAST(floor(${length} * pow(dg_u(b.n, 'mail-domain'), 1.8)) AS INTEGER)`)} AS mail_domain,
         CASE WHEN dg_u(b.n, 'birth-known') < 0.92 THEN
           DATE '${LAST_DAY}' - CAST(floor((18 + floor(64 * pow(dg_u(b.n, 'age'), 1.35))) * 365.25 + dg_u(b.n, 'birthday') * 365) AS INTEGER)
         END AS birth_date,
         dg_u(b.n, 'no-address') >= 0.005                                       AS has_address,
         ${cityIndex('bill')}, ${cityIndex('old')}, ${cityIndex('ship')},
         dg_r18(dg_h(b.n, 'phone')) AS phone_digits,
         CASE WHEN b.has_old_version THEN dg_r18(dg_h(b.n, 'phone-old')) END AS phone_old_digits,
         dg_r18(dg_h(b.n, 'bill')) AS bill_digits,
         CASE WHEN b.moved THEN dg_r18(dg_h(b.n, 'old')) END AS old_digits,
         CASE WHEN b.has_shipping_address THEN dg_r18(dg_h(b.n, 'ship')) END AS ship_digits,
         dg_r36(dg_h(b.n, 'bban')) AS bban_digits
       FROM base AS b JOIN dg_countries AS c ON c.code = b.country
     ),
     filled AS (
       SELECT
         n, segment, country, region, seg_rank, reg_rank, vat, utc_shift, bban_first, bban_count,
         'C' || lpad(CAST(n + 1 AS VARCHAR), 7, '0')                            AS customer_id,
         first_name, last_name, first_name || ' ' || last_name                  AS full_name,
         a, b, mail_domain, company_tld, birth_date,
         signup_day_s, dg_date(signup_day_s)                                    AS signup_date,
         -- Last change of the CRM record: between signup and the export, skewed towards recent.
         signup_day_s + 3600 * 7 + CAST(floor((${lastDayS} - signup_day_s) * pow(dg_u(n, 'updated'), 0.7)) AS BIGINT)
           + dg_pick(n, 'updated-s', 50000)                                     AS updated_s,
         ${fillCase(PHONE_TEMPLATES, 'phone_id', 'phone_digits', "dg_h(n, 'phone-letters')")} AS phone_display,
         CASE WHEN has_old_version THEN ${fillCase(PHONE_TEMPLATES, 'phone_id', 'phone_old_digits', "dg_h(n, 'phone-letters')")} END AS phone_old_display,
         ${ibanCase(BBAN_TEMPLATES, 'bban_id', 'bban_digits', "dg_h(n, 'bban-letters')")} AS iban,
         moved, has_shipping_address, has_address, has_old_version,
         ${addressColumns('bill', 'true')},
         ${addressColumns('old', 'moved')},
         ${addressColumns('ship', 'has_shipping_address')}
       FROM named
     )
     SELECT *,
       CASE
         WHEN dg_u(n, 'mail-pattern') < 0.35 THEN a || '.' || b
         WHEN dg_u(n, 'mail-pattern') < 0.50 THEN a || b || CAST(dg_pick(n, 'mail-number', 100) AS VARCHAR)
         WHEN dg_u(n, 'mail-pattern') < 0.62 THEN substr(a, 1, 1) || '.' || b
         WHEN dg_u(n, 'mail-pattern') < 0.72 THEN a || '_' || b
         WHEN dg_u(n, 'mail-pattern') < 0.85 THEN a || '.' || b || lpad(CAST(coalesce(year(birth_date) % 100, 70 + dg_pick(n, 'yy', 30)) AS VARCHAR), 2, '0')
         ELSE b || '.' || a
       END || '@' || CASE
         WHEN segment <> 'consumer' AND dg_u(n, 'company-mail') < 0.7
           THEN b || '-' || ${litList(COMPANY_WORDS)}[1 + dg_pick(n, 'company', ${COMPANY_WORDS.length})] || '.' || company_tld
         ELSE mail_domain
       END AS email,
       CASE WHEN moved THEN signup_day_s + 86400 * (1 + CAST(floor((${lastDayS} - signup_day_s - 86400) / 86400 * dg_u(n, 'move-day')) AS BIGINT)) END AS move_s
     FROM filled`,

    // For each segment and signup day, how many customers of the segment exist by then.
    `CREATE OR REPLACE TEMP TABLE dg_segment_days AS
     SELECT segment, signup_date AS day, max(seg_rank) AS customers FROM dg_customers GROUP BY segment, signup_date`,
    `CREATE OR REPLACE TEMP TABLE dg_region_sizes AS SELECT region, count(*) AS customers FROM dg_customers GROUP BY region`,
  ];
}

/** `customers.csv`: one line per customer version (3 % changed during the day and appear twice). */
export function customersCsv(): string {
  const row = (version: 0 | 1) => {
    const phone = version === 0 ? 'phone_old_display' : 'phone_display';
    const updated =
      version === 0
        ? `signup_day_s + CAST(floor((updated_s - signup_day_s) * dg_u(n, 'old-version')) AS BIGINT)`
        : 'updated_s';
    return `
      SELECT n, ${version} AS version,
        customer_id,
        CASE WHEN dg_u2(n, ${version}, 'first-space') < 0.01 THEN first_name || ' ' ELSE first_name END AS first_name,
        last_name,
        CASE WHEN dg_u2(n, ${version}, 'mail-case') < 0.04 THEN upper(substr(email, 1, 1)) || substr(email, 2) ELSE email END AS email,
        CASE
          WHEN dg_u2(n, ${version}, 'phone-known') < 0.05 THEN NULL
          WHEN dg_u2(n, ${version}, 'phone-style') < 0.007 THEN '00' || substr(replace(${phone}, ' ', ''), 2)
          WHEN dg_u2(n, ${version}, 'phone-style') < 0.40 THEN replace(${phone}, ' ', '')
          ELSE ${phone}
        END AS phone,
        birth_date,
        CASE WHEN dg_u2(n, ${version}, 'segment-case') < 0.04 THEN upper(segment) ELSE segment END AS segment,
        CASE WHEN dg_u2(n, ${version}, 'country-case') < 0.02 THEN lower(country) ELSE country END AS country_code,
        CASE WHEN iban IS NOT NULL AND dg_u2(n, ${version}, 'iban-style') < 0.35
          THEN trim(regexp_replace(iban, '(.{4})', '\\1 ', 'g')) ELSE iban END AS iban,
        CASE
          WHEN dg_u2(n, ${version}, 'opt-in-known') < 0.02 THEN NULL
          WHEN (dg_u(n, 'opt-in') < 0.56) <> ${version === 0 ? 'true' : 'false'} THEN 'true'
          ELSE 'false'
        END AS marketing_opt_in,
        signup_date,
        dg_plain(${updated}) AS updated_at
      FROM dg_customers
      ${version === 0 ? 'WHERE has_old_version AND updated_s - signup_day_s > 7200' : ''}`;
  };
  return `
    SELECT customer_id, first_name, last_name, email, phone, birth_date, segment, country_code, iban,
           marketing_opt_in, signup_date, updated_at
    FROM (${row(0)} UNION ALL ${row(1)})
    ORDER BY n, version`;
}

/** `addresses.csv`: billing history (movers have two) and separate shipping addresses. */
export function addressesCsv(): string {
  const kind = (k: number, type: string, prefix: string, validFrom: string, where: string) => `
    SELECT n, ${k} AS kind, customer_id,
      CASE WHEN dg_u2(n, ${k}, 'type-case') < 0.04 THEN upper(substr('${type}', 1, 1)) || substr('${type}', 2) ELSE '${type}' END AS address_type,
      ${prefix}_street AS street, ${prefix}_postal AS postal_code, ${prefix}_city AS city, country AS country_code,
      ${validFrom} AS valid_from
    FROM dg_customers WHERE has_address AND ${where}`;
  return `
    SELECT 'A' || lpad(CAST(row_number() OVER (ORDER BY n, kind) AS VARCHAR), 9, '0') AS address_id,
      customer_id, address_type, street, postal_code, city, country_code, valid_from
    FROM (
      ${kind(0, 'billing', 'old', 'signup_date', 'moved')}
      UNION ALL ${kind(1, 'billing', 'bill', 'CASE WHEN moved THEN dg_date(move_s) ELSE signup_date END', 'true')}
      UNION ALL ${kind(2, 'shipping', 'ship', `dg_date(least(signup_day_s + 86400 * (1 + dg_pick(n, 'ship-from', 400)), ${EXPORT_S - 86400}))`, 'has_shipping_address')}
    )
    ORDER BY n, kind`;
}
