/**
 * The catalog, orders and order lines: `dg_products`, `dg_orders` (one row per order, with its
 * whole fulfilment timeline) and `dg_lines`, and the shop exports `products.csv`, `orders.csv`
 * and `order_lines.csv`.
 */
import { CATEGORIES, COUPONS, PRODUCT_ADJECTIVES, PRODUCT_VARIANTS } from './demo-reference-data.js';
import { EXPORT_S, FIRST_DAY, LAST_DAY, hourOfDay, type DemoSizes } from './demo-setup-sql.js';
import { litList, weighted } from './demo-sql.js';

export function productTables(sizes: DemoSizes): string[] {
  let k = 0;
  const subcategory = weighted(
    `dg_u(k, 'subcategory')`,
    CATEGORIES.flatMap((c) => c.subcategories.map(() => [String(k++), c.share / c.subcategories.length] as const)),
  );
  const windowStart = `DATE '${FIRST_DAY}'`;
  return [
    `CREATE OR REPLACE TEMP TABLE dg_products AS
     WITH base AS (SELECT k, ${subcategory} AS sub FROM range(${sizes.products}) t(k)),
     priced AS (
       SELECT b.k, s.category, s.subcategory, s.grams_lo, s.grams_hi,
         s.brands[1 + dg_pick(b.k, 'brand', len(s.brands))] AS brand,
         s.nouns[1 + dg_pick(b.k, 'noun', len(s.nouns))]   AS noun,
         floor(s.price_lo * pow(s.price_hi / s.price_lo, pow(dg_u(b.k, 'price'), 1.35))) + 0.99 AS list_price,
         CASE WHEN dg_u(b.k, 'launch-early') < 0.75
           THEN DATE '2014-01-01' + CAST(floor(dg_u(b.k, 'launch') * (${windowStart} - DATE '2014-01-01')) AS INTEGER)
           ELSE ${windowStart} + CAST(floor(dg_u(b.k, 'launch') * 640) AS INTEGER)
         END AS launched_on
       FROM base AS b JOIN dg_subcategories AS s ON s.k = b.sub
     ),
     dated AS (
       SELECT *,
         CASE WHEN dg_u(k, 'discontinued') < 0.12 AND DATE '${LAST_DAY}' - launched_on > 200
           THEN launched_on + 180 + CAST(floor(dg_u(k, 'discontinued-on') * (DATE '${LAST_DAY}' - launched_on - 180)) AS INTEGER)
         END AS discontinued_on
       FROM priced
     )
     SELECT
       k,
       'SKU-' || CAST(10001 + k AS VARCHAR)                                       AS sku,
       brand || ' ' || ${litList(PRODUCT_ADJECTIVES)}[1 + dg_pick(k, 'adjective', ${PRODUCT_ADJECTIVES.length})] || ' ' || noun
         || CASE WHEN dg_u(k, 'variant') < 0.35
              THEN ', ' || ${litList(PRODUCT_VARIANTS)}[1 + dg_pick(k, 'variant-name', ${PRODUCT_VARIANTS.length})] ELSE '' END AS name,
       category, subcategory, brand,
       CAST(list_price AS DECIMAL(10,2))                                          AS list_price,
       CAST(round(CASE WHEN dg_u(k, 'clearance') < 0.008
         THEN list_price * (1.02 + 0.15 * dg_u(k, 'cost'))
         ELSE list_price / 1.19 * (0.38 + 0.37 * dg_u(k, 'cost')) END, 2) AS DECIMAL(10,2)) AS cost_price,
       launched_on, discontinued_on,
       CAST(grams_lo + floor((grams_hi - grams_lo) * dg_u(k, 'grams')) AS INTEGER) AS grams,
       CAST(row_number() OVER (ORDER BY dg_h(k, 'popularity'), k) - 1 AS INTEGER) AS pop_rank,
       launched_on < ${windowStart} AND discontinued_on IS NULL                  AS evergreen
     FROM dated`,
  ];
}

export function productsCsv(): string {
  return `
    SELECT sku, name, category, subcategory, brand, list_price, cost_price, launched_on, discontinued_on
    FROM dg_products ORDER BY k`;
}

const COUPON_CODES = COUPONS.map(([code]) => code);
const COUPON_RATES = COUPONS.map(([, rate]) => rate);

/** Orders with their customer, channel, payment, basket size and fulfilment timeline. */
export function orderTables(sizes: DemoSizes): string[] {
  const n = sizes.orders;
  const segment = weighted(`dg_u(i, 'order-segment')`, [
    [`'consumer'`, 60],
    [`'smb'`, 26],
    [`'enterprise'`, 14],
  ]);
  const everyday = COUPON_CODES.filter((c) => c !== 'BLACKFRIDAY25');
  const exportS = EXPORT_S;
  return [
    `CREATE OR REPLACE TEMP TABLE dg_orders_core AS
     WITH r AS (SELECT i, (i + 0.5) / ${n} AS f FROM range(${n}) t(i)),
     d AS (SELECT r.i, d.day, d.day_s, d.promo, d.black_week FROM r ASOF JOIN dg_days AS d ON r.f >= d.cum_lo),
     s AS (SELECT *, ${segment} AS segment FROM d),
     -- Big customers: earlier customers of a segment order more, enterprise ones much more.
     picked AS (
       SELECT s.*,
         CAST(least(g.customers, 1 + floor(g.customers * pow(dg_u(s.i, 'customer'),
           CASE s.segment WHEN 'consumer' THEN 1.5 WHEN 'smb' THEN 2.0 ELSE 2.6 END))) AS INTEGER) AS seg_rank
       FROM s ASOF JOIN dg_segment_days AS g ON s.segment = g.segment AND s.day >= g.day
     ),
     attrs AS (
       SELECT p.i, p.day, p.day_s, p.promo, p.black_week, p.segment,
         c.n AS customer_n, c.customer_id, c.country, c.region, c.vat, c.utc_shift, c.iban IS NOT NULL AS has_iban,
         CASE p.segment
           WHEN 'consumer' THEN ${weighted(`dg_u(p.i, 'channel')`, [
             [`'web'`, 45],
             [`'mobile_app'`, 33],
             [`'marketplace'`, 14],
             [`'store'`, 8],
           ])}
           WHEN 'smb' THEN ${weighted(`dg_u(p.i, 'channel')`, [
             [`'web'`, 80],
             [`'marketplace'`, 15],
             [`'mobile_app'`, 5],
           ])}
           ELSE CASE WHEN dg_u(p.i, 'channel') < 0.95 THEN 'web' ELSE 'marketplace' END
         END AS channel,
         CAST(CASE p.segment
           WHEN 'consumer' THEN 1 + least(14, floor(-ln(1 - dg_u(p.i, 'lines')) * 2.6))
           WHEN 'smb' THEN 1 + least(39, floor(-ln(1 - dg_u(p.i, 'lines')) * 6.5))
           ELSE 2 + least(148, floor(-ln(1 - dg_u(p.i, 'lines')) * 22))
         END AS INTEGER) AS n_lines,
         ${hourOfDay(`dg_u(p.i, 'hour')`)} * 3600 + dg_pick(p.i, 'second', 3600) AS local_s
       FROM picked AS p JOIN dg_customers AS c ON c.segment = p.segment AND c.seg_rank = p.seg_rank
     ),
     paid AS (
       SELECT *,
         CASE
           WHEN channel = 'marketplace' THEN NULL
           WHEN channel = 'store' THEN 'card'
           WHEN segment = 'consumer' THEN ${weighted(`dg_u(i, 'payment')`, [
             [`'card'`, 50],
             [`'paypal'`, 30],
             [`CASE WHEN has_iban THEN 'sepa_debit' ELSE 'card' END`, 12],
             [`'invoice'`, 8],
           ])}
           WHEN segment = 'smb' THEN ${weighted(`dg_u(i, 'payment')`, [
             [`'invoice'`, 45],
             [`'card'`, 30],
             [`'paypal'`, 10],
             [`CASE WHEN has_iban THEN 'sepa_debit' ELSE 'invoice' END`, 15],
           ])}
           ELSE ${weighted(`dg_u(i, 'payment')`, [
             [`'invoice'`, 85],
             [`CASE WHEN has_iban THEN 'sepa_debit' ELSE 'invoice' END`, 10],
             [`'card'`, 5],
           ])}
         END AS payment_method,
         CASE
           WHEN segment <> 'consumer' OR channel IN ('store', 'marketplace') THEN NULL
           WHEN black_week = 1 AND dg_u(i, 'coupon') < 0.35 THEN 'BLACKFRIDAY25'
           WHEN dg_u(i, 'coupon') < 0.1 THEN ${litList(everyday)}[1 + dg_pick(i, 'coupon-code', ${everyday.length})]
         END AS coupon_code,
         CASE
           WHEN channel = 'store' THEN NULL
           WHEN region IN ('EU', 'NA') AND local_s < 12 * 3600 AND segment = 'consumer' AND dg_u(i, 'service') < 0.04 THEN 'same_day'
           WHEN dg_u(i, 'service') < 0.18 THEN 'express'
           ELSE 'standard'
         END AS service_level,
         day_s + local_s + utc_shift * 3600 AS ordered_s
       FROM attrs
     ),
     shipped AS (
       SELECT p.*,
         coalesce([${COUPON_RATES.map((r) => `${r}::DOUBLE`).join(', ')}][list_position(${litList(COUPON_CODES)}, p.coupon_code)], 0) AS coupon_rate,
         dg_u(p.i, 'cancelled') < 0.03 AND p.channel <> 'store' AS is_cancelled,
         dg_u(p.i, 'lost') < 0.003 AS is_lost,
         dg_u(p.i, 'returned') < CASE WHEN p.channel = 'store' THEN 0.03 ELSE 0.055 END AS is_returned,
         p.ordered_s + 60 + dg_pick(p.i, 'confirm', 3 * 3600) AS confirm_s,
         CASE p.service_level
           WHEN 'same_day' THEN p.ordered_s + 1800 + dg_pick(p.i, 'handling', 9000)
           WHEN 'express' THEN p.ordered_s + 3600 + dg_pick(p.i, 'handling', 25200)
           WHEN 'standard' THEN p.ordered_s + 4 * 3600 + CAST(floor(56 * 3600 * pow(dg_u(p.i, 'handling'), 1.6)) AS BIGINT)
         END AS ship_s,
         dg_date(p.ordered_s) + CASE
           WHEN p.service_level = 'same_day' THEN 0
           WHEN p.service_level = 'express' THEN CASE WHEN p.region = 'EU' THEN 1 ELSE 2 END
           ELSE CASE p.region WHEN 'EU' THEN 3 WHEN 'NA' THEN 4 WHEN 'APAC' THEN 5 ELSE 7 END
         END AS promised_date,
         c.carrier, c.late_rate
       FROM paid AS p ASOF JOIN dg_carriers AS c ON p.region = c.region AND dg_u(p.i, 'carrier') >= c.cum_lo
     ),
     timed AS (
       SELECT *,
         CASE
           WHEN ship_s IS NULL THEN NULL
           WHEN NOT (dg_u(i, 'late') < late_rate + CASE WHEN month(day) IN (11, 12) THEN 0.08 ELSE 0 END)
             AND dg_day_s(promised_date) + 21 * 3600 - ship_s > 3600
             THEN ship_s + 1800 + CAST(floor((dg_day_s(promised_date) + 21 * 3600 - ship_s - 1800) * (0.3 + 0.65 * dg_u(i, 'transit'))) AS BIGINT)
           ELSE greatest(dg_day_s(promised_date) + 21 * 3600, ship_s) + 3600 + CAST(floor(3 * 86400 * dg_u(i, 'transit')) AS BIGINT)
         END AS deliver_s,
         ordered_s + 300 + CAST(floor((coalesce(ship_s, ordered_s + 3600) - ordered_s - 300) * dg_u(i, 'cancel-at')) AS BIGINT) AS cancel_s
       FROM shipped
     ),
     returned AS (
       SELECT *,
         CASE WHEN is_returned THEN coalesce(deliver_s, ordered_s) + 3 * 86400 + dg_pick(i, 'return-at', 22 * 86400) END AS return_s
       FROM timed
     ),
     statused AS (
       SELECT *,
         CASE
           WHEN is_cancelled AND cancel_s <= ${exportS} THEN 'cancelled'
           WHEN channel = 'store' THEN CASE WHEN return_s <= ${exportS} THEN 'returned' ELSE 'delivered' END
           WHEN confirm_s > ${exportS} THEN 'placed'
           WHEN ship_s > ${exportS} THEN 'paid'
           WHEN is_lost OR deliver_s > ${exportS} THEN 'shipped'
           WHEN return_s <= ${exportS} THEN 'returned'
           ELSE 'delivered'
         END AS status
       FROM returned
     )
     SELECT i, day, promo, segment, customer_n, customer_id, country, region, vat, channel, n_lines,
       payment_method, coupon_code, coupon_rate, service_level, carrier, promised_date, is_lost,
       ordered_s, ship_s, deliver_s, return_s, status,
       CASE status
         WHEN 'cancelled' THEN cancel_s
         WHEN 'placed' THEN ordered_s
         WHEN 'paid' THEN confirm_s
         WHEN 'shipped' THEN ship_s
         WHEN 'delivered' THEN coalesce(deliver_s, ordered_s + 60)
         WHEN 'returned' THEN return_s
       END AS updated_s
     FROM statused`,

    // Order numbers follow the time of ordering; the year restarts the sequence.
    `CREATE OR REPLACE TEMP TABLE dg_order_seq AS
     SELECT i, CAST(row_number() OVER (ORDER BY ordered_s, i) - 1 AS BIGINT) AS seq, year(dg_date(ordered_s)) AS yr
     FROM dg_orders_core`,
    `CREATE OR REPLACE TEMP TABLE dg_order_years AS SELECT yr, min(seq) AS first_seq FROM dg_order_seq GROUP BY yr`,
    // Stored in order number order: the order lines are generated from it in that order.
    `CREATE OR REPLACE TEMP TABLE dg_orders_sorted AS
     SELECT s.seq, o.* FROM dg_orders_core AS o JOIN dg_order_seq AS s ON s.i = o.i ORDER BY s.seq`,
    'DROP TABLE dg_orders_core',
    'DROP TABLE dg_order_seq',
  ];
}

/** `dg_order_id(seq)`: the order number of the order at position `seq` (years start at `first_seq`). */
export function orderIdMacro(years: readonly (readonly [year: number, firstSeq: number])[]): string {
  const branches = [...years]
    .sort((a, b) => b[1] - a[1])
    .map(([year, first]) => `WHEN s >= ${first} THEN 'O-${year}-' || lpad(CAST(s - ${first - 1} AS VARCHAR), 7, '0')`);
  return `CREATE OR REPLACE TEMP MACRO dg_order_id(s) AS CASE ${branches.join(' ')} END`;
}

/** The catalog as constant lists for the order lines (indexed by product number `k`, from 1). */
export interface CatalogArrays {
  /** Product number by popularity rank. */
  readonly byRank: readonly number[];
  /** Products sold all through the window, by popularity. */
  readonly evergreen: readonly number[];
  readonly listPrice: readonly string[];
  readonly grams: readonly number[];
  /** Days since 1970-01-01 of launch and discontinuation (a far future day while sold). */
  readonly launched: readonly number[];
  readonly discontinued: readonly number[];
}

/** Reads `dg_products` into the lists `lineTables` embeds. */
export const CATALOG_QUERY = `
  SELECT k, pop_rank, evergreen, CAST(list_price AS VARCHAR) AS list_price, grams,
    CAST(launched_on - DATE '1970-01-01' AS INTEGER) AS launched,
    CAST(coalesce(discontinued_on, DATE '2999-12-31') - DATE '1970-01-01' AS INTEGER) AS discontinued
  FROM dg_products ORDER BY k`;

/**
 * Order lines: Zipf-like product popularity, quantities and discounts by segment. Products are
 * looked up in constant lists (no join), so the lines come out in order number order.
 */
export function lineTables(catalog: CatalogArrays): string[] {
  const list = (values: readonly (number | string)[], type: string) => `CAST([${values.join(', ')}] AS ${type}[])`;
  const prices = list(catalog.listPrice, 'DECIMAL(10,2)');
  const grams = list(catalog.grams, 'INTEGER');
  const launched = list(catalog.launched, 'INTEGER');
  const discontinued = list(catalog.discontinued, 'INTEGER');
  const byRank = list(catalog.byRank, 'INTEGER');
  const evergreen = list(catalog.evergreen, 'INTEGER');
  return [
    `CREATE OR REPLACE TEMP TABLE dg_lines AS
     WITH l AS (
       SELECT seq, segment, CAST(day - DATE '1970-01-01' AS INTEGER) AS day_number, vat, promo, coupon_rate,
         unnest(range(1, n_lines + 1)) AS line_no
       FROM dg_orders_sorted
     ),
     k AS (
       SELECT *, seq * 1000 + line_no AS lk,
         ${byRank}[1 + CAST(floor(${catalog.byRank.length} * pow(dg_u(seq * 1000 + line_no, 'product'), 2.6)) AS BIGINT)] AS popular_k,
         ${evergreen}[1 + CAST(floor(${catalog.evergreen.length} * pow(dg_u(seq * 1000 + line_no, 'product'), 2.6)) AS BIGINT)] AS evergreen_k
       FROM l
     ),
     chosen AS (
       SELECT seq, line_no, lk, segment, vat, promo, coupon_rate,
         CASE WHEN ${launched}[1 + popular_k] <= day_number AND ${discontinued}[1 + popular_k] >= day_number
           THEN popular_k ELSE evergreen_k END AS product_k
       FROM k
     ),
     priced AS (
       SELECT seq, line_no, product_k, ${grams}[1 + product_k] AS grams,
         CAST(CASE segment
           WHEN 'consumer' THEN 1 + floor(3.999 * pow(dg_u(lk, 'quantity'), 5))
           WHEN 'smb' THEN 1 + floor(12 * pow(dg_u(lk, 'quantity'), 3))
           ELSE 1 + floor(60 * pow(dg_u(lk, 'quantity'), 3))
         END AS INTEGER) AS quantity,
         CAST(round(CAST(${prices}[1 + product_k] AS DOUBLE) / (1 + vat) * (1 - promo)
           * CASE WHEN dg_u(lk, 'markdown') < 0.08 THEN 0.9 ELSE 1 END, 2) AS DECIMAL(10,2)) AS unit_price,
         coupon_rate + CASE segment WHEN 'smb' THEN 0.05 WHEN 'enterprise' THEN 0.12 ELSE 0 END AS discount_rate
       FROM chosen
     ),
     discounted AS (
       SELECT *, CAST(round(quantity * CAST(unit_price AS DOUBLE) * discount_rate, 2) AS DECIMAL(10,2)) AS discount_amount
       FROM priced
     )
     SELECT seq, CAST(line_no AS INTEGER) AS line_no, CAST(product_k AS INTEGER) AS product_k, quantity, unit_price, discount_amount,
       CAST(quantity * unit_price - discount_amount AS DECIMAL(12,2)) AS line_amount,
       CAST(grams * quantity AS BIGINT) AS grams
     FROM discounted`,

    `CREATE OR REPLACE TEMP TABLE dg_order_totals AS
     SELECT seq, sum(line_amount) AS net_amount, sum(discount_amount) AS discount_amount, sum(grams) AS grams
     FROM dg_lines GROUP BY seq`,

    `CREATE OR REPLACE TEMP TABLE dg_orders AS
     WITH t AS (
       SELECT dg_order_id(o.seq) AS order_id, o.* EXCLUDE (day, promo, vat, coupon_rate),
         CAST(x.net_amount AS DECIMAL(12,2)) AS net_amount, CAST(x.discount_amount AS DECIMAL(12,2)) AS discount_amount, x.grams,
         CAST(CASE
           WHEN o.channel = 'store' OR o.segment = 'enterprise' OR x.net_amount >= 49 THEN 0
           WHEN o.service_level = 'same_day' THEN 9.95
           WHEN o.service_level = 'express' THEN 7.95
           ELSE CASE o.region WHEN 'EU' THEN 4.95 WHEN 'NA' THEN 6.99 WHEN 'APAC' THEN 7.95 ELSE 8.95 END
         END AS DECIMAL(12,2)) AS shipping_fee,
         o.vat
       FROM dg_orders_sorted AS o
       JOIN dg_order_totals AS x ON x.seq = o.seq
     )
     SELECT * EXCLUDE (vat),
       CAST(round(CAST(net_amount + shipping_fee AS DOUBLE) * vat, 2) AS DECIMAL(12,2)) AS tax_amount,
       CAST(net_amount + shipping_fee + CAST(round(CAST(net_amount + shipping_fee AS DOUBLE) * vat, 2) AS DECIMAL(12,2)) AS DECIMAL(12,2)) AS gross_amount
     FROM t`,
  ];
}

export function orderLinesCsv(): string {
  return `
    SELECT dg_order_id(seq) AS order_id, line_no, 'SKU-' || CAST(10001 + product_k AS VARCHAR) AS sku, quantity, unit_price,
      dg_blank0(discount_amount) AS discount_amount
    FROM dg_lines`;
}

/** `orders.csv`: the hourly export; 30 % of orders appear a second time in an earlier state. */
export function ordersCsv(): string {
  const version = (v: number) => `
    SELECT seq, ${v} AS version,
      order_id, customer_id, dg_iso(ordered_s) AS order_ts,
      ${v === 0 ? `'placed'` : `CASE WHEN dg_u(seq, 'status-case') < 0.02 THEN upper(substr(status, 1, 1)) || substr(status, 2) ELSE status END`} AS status,
      channel, shipping_country,
      net_amount, dg_blank0(discount_amount) AS discount_amount,
      CASE WHEN channel = 'store' THEN NULL ELSE shipping_fee END AS shipping_fee,
      tax_amount, payment_method,
      CASE WHEN dg_u(seq, 'coupon-case') < 0.1 THEN lower(coupon_code) ELSE coupon_code END AS coupon_code,
      ${v === 0 ? 'ordered_s' : 'updated_s'} AS updated_s
    FROM (SELECT *, country AS shipping_country FROM dg_orders)
    ${v === 0 ? `WHERE status <> 'placed' AND dg_u(seq, 'earlier-version') < 0.3` : ''}`;
  return `
    SELECT order_id, customer_id, order_ts, status, channel, shipping_country, net_amount, discount_amount,
      shipping_fee, tax_amount, payment_method, coupon_code, dg_iso(updated_s) AS updated_at
    FROM (${version(0)} UNION ALL ${version(1)})
    ORDER BY updated_s, seq, version`;
}

/**
 * Lines the shop's export garbled (a truncated line, a coupon with an unquoted comma): the
 * orders pipeline reads with `onError: reject`, so they land in the run's rejects table.
 */
export const MALFORMED_ORDER_LINES = [
  'O-2026-9999998,C0000042,2026-09-30T23:59:58Z,placed,web,DE,41.17,,4.95',
  'O-2026-9999999,C0000043,2026-09-30T23:59:59Z,placed,web,FR,88.20,8.82,0.00,17.64,card,SPRING,15,2026-09-30T23:59:59Z',
];
