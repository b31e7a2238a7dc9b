/**
 * Marketing: `dg_campaigns` (fixed 120 campaigns over the window) and the tracking events
 * `touches.ndjson` — touches spread over campaigns by budget, plus the clicks and visits that
 * led to about a third of the orders (so last-click attribution finds them).
 */
import { CAMPAIGN_FOCUS, CAMPAIGN_THEMES, COUNTRIES, type Region } from './demo-reference-data.js';
import { EXPORT_S, IP_OCTETS, LAST_DAY, type DemoSizes } from './demo-setup-sql.js';
import { lit, litList, pickByKey, weighted } from './demo-sql.js';

const DAY = 86400;

const REGION_SHARES: readonly (readonly [Region, number])[] = (['EU', 'NA', 'APAC', 'LATAM'] as const).map((r) => [
  r,
  COUNTRIES.filter((c) => c.region === r).reduce((sum, c) => sum + c.share, 0),
]);

export function campaignTables(sizes: DemoSizes): string[] {
  const budget = (lo: number, hi: number) =>
    `CAST(round(${lo} * pow(${hi / lo}, dg_u(k, 'budget')) / 100) * 100 AS BIGINT)`;
  return [
    `CREATE OR REPLACE TEMP TABLE dg_campaign_base AS
     WITH c AS (
       SELECT k,
         DATE '2024-08-01' + CAST(floor(k * 850.0 / ${sizes.campaigns}) + dg_pick(k, 'start-jitter', 7) AS INTEGER) AS start_date,
         ${weighted(`dg_u(k, 'channel')`, [
           [`'email'`, 30],
           [`'paid_search'`, 22],
           [`'social'`, 22],
           [`'display'`, 14],
           [`'affiliate'`, 12],
         ])} AS channel,
         ${weighted(`dg_u(k, 'region')`, [
           [`'EU'`, 35],
           [`'NA'`, 25],
           [`'APAC'`, 15],
           [`'LATAM'`, 10],
           [`'GLOBAL'`, 15],
         ])} AS target_region,
         ${litList(CAMPAIGN_FOCUS)}[1 + dg_pick(k, 'focus', ${CAMPAIGN_FOCUS.length})] AS focus
       FROM range(${sizes.campaigns}) t(k)
     )
     SELECT *,
       start_date + CASE channel
         WHEN 'email' THEN 7 + dg_pick(k, 'duration', 15)
         WHEN 'paid_search' THEN 30 + dg_pick(k, 'duration', 61)
         WHEN 'social' THEN 14 + dg_pick(k, 'duration', 32)
         WHEN 'display' THEN 14 + dg_pick(k, 'duration', 47)
         ELSE 60 + dg_pick(k, 'duration', 121)
       END AS planned_end,
       dg_u(k, 'cancelled') < 0.04 AND start_date <= DATE '${LAST_DAY}' AS is_cancelled,
       CASE channel
         WHEN 'email' THEN ${budget(2000, 20000)}
         WHEN 'paid_search' THEN ${budget(20000, 250000)}
         WHEN 'social' THEN ${budget(10000, 150000)}
         WHEN 'display' THEN ${budget(10000, 120000)}
         ELSE ${budget(5000, 60000)}
       END AS budget
     FROM c`,

    `CREATE OR REPLACE TEMP TABLE dg_campaigns AS
     SELECT *,
       'CMP-' || CAST(year(start_date) AS VARCHAR) || '-'
         || lpad(CAST(row_number() OVER (PARTITION BY year(start_date) ORDER BY start_date, k) AS VARCHAR), 3, '0') AS campaign_id,
       CASE WHEN is_cancelled THEN start_date + 2 + dg_pick(k, 'cancelled-after', 6) ELSE planned_end END AS end_date,
       CASE
         WHEN start_date > DATE '${LAST_DAY}' THEN 'planned'
         WHEN is_cancelled THEN 'cancelled'
         WHEN planned_end < DATE '${LAST_DAY}' THEN 'completed'
         ELSE 'running'
       END AS status,
       CASE focus
         WHEN 'Win-back' THEN 'reactivation'
         WHEN 'Loyalty' THEN 'retention'
         WHEN 'App Install' THEN 'acquisition'
         WHEN 'B2B Office' THEN 'acquisition'
         ELSE ${weighted(`dg_u(k, 'objective')`, [
           [`'acquisition'`, 45],
           [`'awareness'`, 25],
           [`'retention'`, 30],
         ])}
       END AS objective,
       CASE
         WHEN focus = 'B2B Office' THEN CASE WHEN dg_u(k, 'segment') < 0.7 THEN 'smb' ELSE 'enterprise' END
         ELSE ${weighted(`dg_u(k, 'segment')`, [
           [`'consumer'`, 65],
           [`NULL`, 30],
           [`'smb'`, 5],
         ])}
       END AS target_segment,
       CASE target_region WHEN 'GLOBAL' THEN 'Global' ELSE target_region END || ' '
         || ${litList(CAMPAIGN_THEMES)}[month(start_date)] || ' ' || CAST(year(start_date) AS VARCHAR) || ' – ' || focus AS name
     FROM dg_campaign_base`,

    // Campaigns that ran, with their share of the touch volume (integer sums: exact and stable).
    `CREATE OR REPLACE TEMP TABLE dg_campaign_weights AS
     WITH w AS (
       SELECT k, campaign_id, channel, target_region, dg_day_s(start_date) AS start_s,
         least(dg_day_s(end_date) + ${DAY}, ${EXPORT_S}) AS end_s,
         CASE WHEN is_cancelled THEN budget // 10 ELSE budget END AS weight
       FROM dg_campaigns WHERE status <> 'planned'
     )
     SELECT *, coalesce(sum(weight) OVER (ORDER BY k ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS cum_lo
     FROM w`,

    // Where each region's shoppers meet campaigns: global campaigns run in every region.
    `CREATE OR REPLACE TEMP TABLE dg_campaign_regions AS
     SELECT w.*, r.region, w.start_s * 1000 + w.k AS start_key
     FROM dg_campaign_weights AS w
     JOIN (VALUES ('EU'), ('NA'), ('APAC'), ('LATAM')) AS r(region)
       ON w.target_region = r.region OR w.target_region = 'GLOBAL'`,
  ];
}

export function campaignsCsv(): string {
  return `
    SELECT campaign_id, name, channel, objective, start_date, end_date, CAST(budget AS DECIMAL(12,2)) AS budget,
      CASE WHEN dg_u(k, 'region-case') < 0.05 THEN lower(target_region) ELSE target_region END AS target_region,
      target_segment,
      CASE WHEN dg_u(k, 'status-case') < 0.05 THEN upper(substr(status, 1, 1)) || substr(status, 2) ELSE status END AS status
    FROM dg_campaigns ORDER BY start_date, k`;
}

/** Every touch: campaign-driven ones and the clicks (and visits) before orders. */
function touchesQuery(sizes: DemoSizes): string {
  const regionPick = weighted(
    `dg_u(i, 'touch-region')`,
    REGION_SHARES.map(([r, share]) => [lit(r), share]),
  );
  const exportS = EXPORT_S;
  return `
     WITH dg_touch_draw AS (
     WITH t AS (
       SELECT i, CAST(dg_h(i, 'touch-campaign') % CAST((SELECT sum(weight) FROM dg_campaign_weights) AS UBIGINT) AS BIGINT) AS target
       FROM range(${sizes.touches}) r(i)
     ),
     c AS (
       SELECT t.i, w.campaign_id, w.channel, w.target_region, w.start_s, w.end_s
       FROM t ASOF JOIN dg_campaign_weights AS w ON t.target >= w.cum_lo
     ),
     r AS (
       SELECT c.*, CASE WHEN target_region = 'GLOBAL' THEN ${regionPick} ELSE target_region END AS region,
         start_s + CAST(floor((end_s - start_s) * dg_u(i, 'touch-time')) AS BIGINT) AS ts_s
       FROM c
     ),
     ranked AS (
       SELECT r.*, CAST(floor(s.customers * dg_u(r.i, 'touch-customer')) AS INTEGER) AS reg_rank
       FROM r JOIN dg_region_sizes AS s ON s.region = r.region
     )
     SELECT r.i AS touch_key, r.campaign_id, r.channel, x.n AS customer_n, r.ts_s,
       ${weighted(`dg_u(r.i, 'touch-type')`, [
         [`CASE r.channel WHEN 'email' THEN 'open' WHEN 'affiliate' THEN 'click' ELSE 'impression' END`, 55],
         [`CASE r.channel WHEN 'email' THEN 'open' WHEN 'affiliate' THEN 'visit' ELSE 'impression' END`, 17],
         [`CASE r.channel WHEN 'display' THEN 'impression' WHEN 'social' THEN 'impression' ELSE 'click' END`, 18],
         [`CASE r.channel WHEN 'display' THEN 'click' ELSE 'visit' END`, 10],
       ])} AS touch_type
     FROM ranked AS r JOIN dg_customers AS x ON x.region = r.region AND x.reg_rank = r.reg_rank
     ),
     -- Clicks within 25 days before 35 % of the shipped or collected orders, on a campaign running then.
     dg_touch_orders AS (
     WITH o AS (
       SELECT seq, region, customer_n, ordered_s,
         ordered_s - 600 - CAST(floor(25 * ${DAY} * pow(dg_u(seq, 'click-lag'), 2)) AS BIGINT) AS click_s
       FROM dg_orders
       WHERE status <> 'cancelled' AND channel <> 'store' AND dg_u(seq, 'clicked') < 0.35
     ),
     m AS (
       SELECT o.*, c.campaign_id, c.channel, c.start_s, c.end_s
       FROM o ASOF JOIN dg_campaign_regions AS c ON o.region = c.region AND o.click_s * 1000 + 999 >= c.start_key
     ),
     clamped AS (
       SELECT *, CASE WHEN click_s < end_s THEN click_s ELSE end_s - 1 - dg_pick(seq, 'click-clamp', 6 * 3600) END AS t_s
       FROM m
     )
     SELECT ${sizes.touches} + seq * 2 AS touch_key, campaign_id, channel, customer_n, t_s AS ts_s, 'click' AS touch_type
     FROM clamped WHERE t_s >= start_s AND t_s >= ordered_s - 29 * ${DAY}
     UNION ALL
     SELECT ${sizes.touches} + seq * 2 + 1, campaign_id, channel, customer_n, t_s + 5 + dg_pick(seq, 'visit-after', 300), 'visit'
     FROM clamped WHERE t_s >= start_s AND t_s >= ordered_s - 29 * ${DAY} AND dg_u(seq, 'visited') < 0.45
     ),
     t AS (SELECT * FROM dg_touch_draw UNION ALL SELECT * FROM dg_touch_orders)
     SELECT t.*, c.customer_id, c.country, c.region,
       CASE WHEN dg_u(t.touch_key, 'device-known') < 0.01 THEN NULL
         WHEN t.channel = 'email' THEN ${weighted(`dg_u(t.touch_key, 'device')`, [
           [`'mobile'`, 60],
           [`'desktop'`, 35],
           [`'tablet'`, 5],
         ])}
         ELSE ${weighted(`dg_u(t.touch_key, 'device')`, [
           [`'mobile'`, 48],
           [`'desktop'`, 44],
           [`'tablet'`, 8],
         ])}
       END AS device
     FROM t JOIN dg_customers AS c ON c.n = t.customer_n
     WHERE t.ts_s < ${exportS}`;
}

/** `touches.ndjson`: tracking events, at least once (0.4 % arrive twice). */
export function touchesNdjson(sizes: DemoSizes): string {
  const octet = (salt: string, key: string) => `CAST(dg_h(${key}, '${salt}') % 256 AS VARCHAR)`;
  // Home IP of the customer on desktop and tablet, a mobile network IP per event on mobile.
  const ipKey = `CASE WHEN device = 'mobile' THEN touch_key ELSE customer_n END`;
  const ip = `CASE
      WHEN dg_u(touch_key, 'ipv6') < 0.03 THEN
        CASE region WHEN 'EU' THEN '2a02' WHEN 'NA' THEN '2600' WHEN 'APAC' THEN '2400' ELSE '2800' END
        || ':' || printf('%x', CAST(dg_h(customer_n, 'v6a') % 65536 AS BIGINT))
        || ':' || printf('%x', CAST(dg_h(customer_n, 'v6b') % 65536 AS BIGINT))
        || '::' || printf('%x', CAST(dg_h(touch_key, 'v6c') % 65536 AS BIGINT))
      ELSE ${pickByKey('region', IP_OCTETS, (length) => `dg_pick(${ipKey}, 'ip-block', ${length})`)} || '.' || ${octet('ip2', ipKey)} || '.'
        || ${octet('ip3', ipKey)} || '.' || CAST(1 + dg_h(${ipKey}, 'ip4') % 254 AS VARCHAR)
    END`;
  const utm = `CASE channel
      WHEN 'email' THEN CASE WHEN dg_u(touch_key, 'utm') < 0.8 THEN 'newsletter' ELSE 'crm' END
      WHEN 'paid_search' THEN CASE WHEN dg_u(touch_key, 'utm') < 0.85 THEN 'google' ELSE 'bing' END
      WHEN 'social' THEN ${weighted(`dg_u(touch_key, 'utm')`, [
        [`'facebook'`, 35],
        [`'instagram'`, 35],
        [`'tiktok'`, 20],
        [`'linkedin'`, 10],
      ])}
      WHEN 'display' THEN CASE WHEN dg_u(touch_key, 'utm') < 0.6 THEN 'google_display' ELSE 'criteo' END
      ELSE ${weighted(`dg_u(touch_key, 'utm')`, [
        [`'awin'`, 50],
        [`'cj'`, 30],
        [`'tradedoubler'`, 20],
      ])}
    END`;
  const medium = `CASE channel WHEN 'email' THEN 'email' WHEN 'paid_search' THEN 'cpc' WHEN 'social' THEN 'paid_social'
      WHEN 'display' THEN 'display' ELSE 'affiliate' END`;
  return `
    WITH dg_touches AS (${touchesQuery(sizes)}),
    events AS (
      SELECT *, dg_pick(touch_key, 'ms', 1000) AS ms,
        printf('%016x', dg_h(touch_key, 'id-a')) AS id_a, printf('%016x', dg_h(touch_key, 'id-b')) AS id_b,
        ${utm} AS utm
      FROM dg_touches
    ),
    out AS (
      SELECT touch_key, ts_s, ms, 0 AS dup,
        -- A version 4 UUID made of two hashes.
        substr(id_a, 1, 8) || '-' || substr(id_a, 9, 4) || '-4' || substr(id_a, 14, 3) || '-'
          || ['8', '9', 'a', 'b'][1 + dg_pick(touch_key, 'id-variant', 4)] || substr(id_b, 2, 3) || '-' || substr(id_b, 5, 12) AS touch_id,
        campaign_id, customer_id,
        strftime(make_timestamp(ts_s * 1000000 + ms * 1000), '%Y-%m-%dT%H:%M:%S.%gZ') AS ts,
        touch_type AS type, device,
        CASE WHEN dg_u(touch_key, 'utm-case') < 0.03 THEN upper(substr(utm, 1, 1)) || substr(utm, 2) ELSE utm END AS utm_source,
        ${medium} AS utm_medium,
        ${ip} AS ip,
        CASE WHEN dg_u(touch_key, 'geo-known') < 0.98 THEN country END AS geo_country
      FROM events
    )
    SELECT touch_id, campaign_id, customer_id, ts, type, device, utm_source, utm_medium, ip, geo_country
    FROM (
      SELECT * FROM out
      UNION ALL
      SELECT * REPLACE (1 AS dup) FROM out WHERE dg_u(touch_key, 'delivered-twice') < 0.004
    )
    ORDER BY ts_s, ms, touch_key, dup`;
}
