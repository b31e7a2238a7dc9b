-- Step "campaign_touches": typed touches, each event once (the stream delivers at least once).
WITH typed AS (
  SELECT
    CAST(touch_id AS VARCHAR)                    AS touch_id,
    upper(CAST(campaign_id AS VARCHAR))          AS campaign_id,
    CAST(customer_id AS VARCHAR)                 AS customer_id,
    CAST(ts AS TIMESTAMP)                        AS touched_at,
    lower(CAST(type AS VARCHAR))                 AS touch_type,
    lower(CAST(device AS VARCHAR))               AS device,
    lower(CAST(utm_source AS VARCHAR))           AS utm_source,
    lower(CAST(utm_medium AS VARCHAR))           AS utm_medium,
    CAST(ip AS VARCHAR)                          AS ip_address,
    upper(CAST(geo_country AS VARCHAR))          AS country_code
  FROM raw_touches
  WHERE touch_id IS NOT NULL
  QUALIFY row_number() OVER (PARTITION BY touch_id ORDER BY ts) = 1
)
SELECT
  touch_id,
  campaign_id,
  customer_id,
  touched_at,
  touch_type,
  device,
  utm_source,
  utm_medium,
  ip_address,
  country_code,
  CASE
    WHEN country_code IN ('AT', 'BE', 'DE', 'DK', 'ES', 'FI', 'FR', 'IE', 'IT', 'NL', 'PL', 'PT', 'SE') THEN 'EU'
    WHEN country_code IN ('CA', 'MX', 'US') THEN 'NA'
    WHEN country_code IN ('AR', 'BR', 'CL', 'CO') THEN 'LATAM'
    WHEN country_code IN ('AU', 'IN', 'JP', 'KR', 'NZ', 'SG') THEN 'APAC'
  END AS region
FROM typed
