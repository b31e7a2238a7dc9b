/**
 * Customers and their addresses: `dg_customers` (one row per customer, numbered in signup order)
 * and the CRM exports `customers.csv` and `addresses.csv`.
 */
import { COMPANY_WORDS, COUNTRIES } from './demo-reference-data.js';
import { EXPORT_S, FIRST_DAY, FIRST_SIGNUP_DAY, LAST_DAY, type DemoSizes } from './demo-setup-sql.js';
import { epochSeconds, lit, litList, weighted } from './demo-sql.js';

/** Street, postal code and city of one address of customer `n` (columns `<prefix>_street` …). */
function addressColumns(prefix: string, salt: string): string {
  const number = (s: string) =>
    `CAST(CAST(number_min + floor((number_max - number_min + 1) * pow(dg_u(n, '${salt}-${s}'), 2)) AS BIGINT) AS VARCHAR)`;
  const city = `1 + CAST(floor(len(cities) * pow(dg_u(n, '${salt}-city'), 1.6)) AS INTEGER)`;
  return `
    replace(replace(replace(street_format,
      '{s}', streets[1 + dg_pick(n, '${salt}-street', len(streets))]),
      '{n2}', CAST(1 + dg_pick(n, '${salt}-n2', 20) AS VARCHAR)),
      '{n}', ${number('number')})                                            AS ${prefix}_street,
    dg_fill(postals[${city}], dg_h(n, '${salt}-postal'))                    AS ${prefix}_postal,
    cities[${city}]                                                         AS ${prefix}_city`;
}

export function customerTables(sizes: DemoSizes): string[] {
  const total = sizes.customers;
  const before = Math.max(3, Math.floor(total * 0.35));
  const preDays = (epochSeconds(FIRST_DAY) - epochSeconds(FIRST_SIGNUP_DAY)) / 86400;
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
  const lastDayS = epochSeconds(LAST_DAY);
  return [
    // Signup days: 35 % before the order window (growing), the rest following shop traffic.
    `CREATE OR REPLACE TEMP TABLE dg_signups AS
     WITH r AS (SELECT n, (n - ${before} + 0.5) / ${total - before} AS f FROM range(${total}) t(n))
     SELECT n, ${epochSeconds(FIRST_SIGNUP_DAY)} + CAST(floor(${preDays} * sqrt((n + 0.5) / ${before})) AS BIGINT) * 86400 AS signup_day_s
     FROM r WHERE n < ${before}
     UNION ALL
     SELECT r.n, d.day_s FROM (SELECT * FROM r WHERE n >= ${before}) AS r ASOF JOIN dg_days AS d ON r.f >= d.cum_lo`,

    `CREATE OR REPLACE TEMP TABLE dg_customer_base AS
     WITH base AS (
       SELECT s.n, s.signup_day_s, ${segment} AS segment, ${country} AS country
       FROM dg_signups AS s
     ),
     named AS (
       SELECT b.*, c.*,
         first_names[1 + dg_pick(b.n, 'first', len(first_names))] AS first_name,
         last_names[1 + dg_pick(b.n, 'last', len(last_names))]    AS last_name,
         CASE WHEN dg_u(b.n, 'birth-known') < 0.92 THEN
           DATE '${LAST_DAY}' - CAST(floor((18 + floor(64 * pow(dg_u(b.n, 'age'), 1.35))) * 365.25 + dg_u(b.n, 'birthday') * 365) AS INTEGER)
         END AS birth_date
       FROM base AS b JOIN dg_countries AS c ON c.code = b.country
     )
     SELECT
       n,
       'C' || lpad(CAST(n + 1 AS VARCHAR), 7, '0')                             AS customer_id,
       segment, country, region, vat, utc_shift, ip_blocks, warehouses, bbans,
       first_name, last_name, first_name || ' ' || last_name                    AS full_name,
       dg_ascii(first_name) AS a, dg_ascii(last_name) AS b,
       birth_date,
       signup_day_s,
       dg_date(signup_day_s)                                                    AS signup_date,
       -- Last change of the CRM record: between signup and the export, skewed towards recent.
       signup_day_s + 3600 * 7 + CAST(floor((${lastDayS} - signup_day_s) * pow(dg_u(n, 'updated'), 0.7)) AS BIGINT)
         + dg_pick(n, 'updated-s', 50000)                                       AS updated_s,
       phones[1 + dg_pick(n, 'phone-template', len(phones))]                    AS phone_template,
       mail_domains[1 + CAST(floor(len(mail_domains) * pow(dg_u(n, 'mail-domain'), 1.8)) AS INTEGER)] AS mail_domain,
       dg_ascii(last_name) || '-' || ${litList(COMPANY_WORDS)}[1 + dg_pick(n, 'company', ${COMPANY_WORDS.length})]
         || '.' || company_tld                                                  AS company_domain,
       CASE WHEN len(bbans) > 0 AND dg_u(n, 'iban') < CASE WHEN country IN ('DE', 'AT', 'NL') THEN 0.5 ELSE 0.25 END
         THEN dg_iban(country, dg_fill(bbans[1 + dg_pick(n, 'bban-template', len(bbans))], dg_h(n, 'bban')))
       END                                                                      AS iban,
       dg_u(n, 'moved') < 0.15 AND ${lastDayS} - signup_day_s > 60 * 86400     AS moved,
       dg_u(n, 'shipping-address') < 0.22                                       AS has_shipping_address,
       dg_u(n, 'no-address') >= 0.005                                           AS has_address,
       ${addressColumns('bill', 'bill')},
       ${addressColumns('old', 'old')},
       ${addressColumns('ship', 'ship')}
     FROM named`,

    `CREATE OR REPLACE TEMP TABLE dg_customers AS
     SELECT *,
       CAST(row_number() OVER (PARTITION BY segment ORDER BY n) AS INTEGER)    AS seg_rank,
       CAST(row_number() OVER (PARTITION BY region ORDER BY n) - 1 AS INTEGER) AS reg_rank,
       CASE
         WHEN dg_u(n, 'mail-pattern') < 0.35 THEN a || '.' || b
         WHEN dg_u(n, 'mail-pattern') < 0.50 THEN a || b || CAST(dg_pick(n, 'mail-number', 100) AS VARCHAR)
         WHEN dg_u(n, 'mail-pattern') < 0.62 THEN substr(a, 1, 1) || '.' || b
         WHEN dg_u(n, 'mail-pattern') < 0.72 THEN a || '_' || b
         WHEN dg_u(n, 'mail-pattern') < 0.85 THEN a || '.' || b || lpad(CAST(coalesce(year(birth_date) % 100, 70 + dg_pick(n, 'yy', 30)) AS VARCHAR), 2, '0')
         ELSE b || '.' || a
       END || '@' || CASE WHEN segment <> 'consumer' AND dg_u(n, 'company-mail') < 0.7 THEN company_domain ELSE mail_domain END AS email,
       dg_fill(phone_template, dg_h(n, 'phone'))                               AS phone_display,
       CASE WHEN moved THEN signup_day_s + 86400 * (1 + CAST(floor((${lastDayS} - signup_day_s - 86400) / 86400 * dg_u(n, 'move-day')) AS BIGINT)) END AS move_s
     FROM dg_customer_base`,

    // For each segment and signup day, how many customers of the segment exist by then.
    `CREATE OR REPLACE TEMP TABLE dg_segment_days AS
     SELECT segment, signup_date AS day, max(seg_rank) AS customers FROM dg_customers GROUP BY segment, signup_date`,
    `CREATE OR REPLACE TEMP TABLE dg_region_sizes AS SELECT region, count(*) AS customers FROM dg_customers GROUP BY region`,
  ];
}

/** `customers.csv`: one line per customer version (3 % changed during the day and appear twice). */
export function customersCsv(): string {
  const row = (version: 'old' | 'current') => {
    const v = version === 'old' ? `'old'` : `'current'`;
    const phoneSeed = version === 'old' ? `dg_h(n, 'phone-old')` : `dg_h(n, 'phone')`;
    const updated =
      version === 'old'
        ? `signup_day_s + CAST(floor((updated_s - signup_day_s) * dg_u(n, 'old-version')) AS BIGINT)`
        : 'updated_s';
    return `
      SELECT n, ${v === `'old'` ? 0 : 1} AS version,
        customer_id,
        CASE WHEN dg_u2(n, ${v}, 'first-space') < 0.01 THEN first_name || ' ' ELSE first_name END AS first_name,
        last_name,
        CASE WHEN dg_u2(n, ${v}, 'mail-case') < 0.04 THEN upper(substr(email, 1, 1)) || substr(email, 2) ELSE email END AS email,
        CASE
          WHEN dg_u2(n, ${v}, 'phone-known') < 0.05 THEN NULL
          WHEN dg_u2(n, ${v}, 'phone-style') < 0.007 THEN '00' || substr(replace(dg_fill(phone_template, ${phoneSeed}), ' ', ''), 2)
          WHEN dg_u2(n, ${v}, 'phone-style') < 0.40 THEN replace(dg_fill(phone_template, ${phoneSeed}), ' ', '')
          ELSE dg_fill(phone_template, ${phoneSeed})
        END AS phone,
        birth_date,
        CASE WHEN dg_u2(n, ${v}, 'segment-case') < 0.04 THEN upper(segment) ELSE segment END AS segment,
        CASE WHEN dg_u2(n, ${v}, 'country-case') < 0.02 THEN lower(country) ELSE country END AS country_code,
        CASE WHEN iban IS NOT NULL AND dg_u2(n, ${v}, 'iban-style') < 0.35
          THEN trim(regexp_replace(iban, '(.{4})', '\\1 ', 'g')) ELSE iban END AS iban,
        CASE
          WHEN dg_u2(n, ${v}, 'opt-in-known') < 0.02 THEN NULL
          WHEN (dg_u(n, 'opt-in') < 0.56) <> (${v} = 'old') THEN 'true'
          ELSE 'false'
        END AS marketing_opt_in,
        signup_date,
        dg_plain(${updated}) AS updated_at
      FROM dg_customers
      ${version === 'old' ? `WHERE dg_u(n, 'duplicate') < 0.03 AND updated_s - signup_day_s > 7200` : ''}`;
  };
  return `
    SELECT customer_id, first_name, last_name, email, phone, birth_date, segment, country_code, iban,
           marketing_opt_in, signup_date, updated_at
    FROM (${row('old')} UNION ALL ${row('current')})
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
