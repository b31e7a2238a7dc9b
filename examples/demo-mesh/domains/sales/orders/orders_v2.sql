-- Step "orders_v2": typed orders, one row per order, in the shape of port orders v2.
-- The export repeats an order whenever it changes: keep its latest version.
-- gross_amount = net_amount + shipping_fee + tax_amount (net_amount is after discounts).
WITH latest AS (
  SELECT *
  FROM raw_orders
  WHERE order_id IS NOT NULL
  QUALIFY row_number() OVER (PARTITION BY order_id ORDER BY CAST(updated_at AS TIMESTAMP) DESC) = 1
),
typed AS (
  SELECT
    trim(order_id)                                                   AS order_id,
    trim(customer_id)                                                AS customer_id,
    CAST(order_ts AS TIMESTAMP)                                      AS ordered_at,
    lower(trim(status))                                              AS status,
    lower(trim(channel))                                             AS channel,
    upper(trim(shipping_country))                                    AS shipping_country,
    CAST(net_amount AS DECIMAL(12,2))                                AS net_amount,
    coalesce(CAST(discount_amount AS DECIMAL(12,2)), 0)              AS discount_amount,
    coalesce(CAST(shipping_fee AS DECIMAL(12,2)), 0)                 AS shipping_fee,
    CAST(tax_amount AS DECIMAL(12,2))                                AS tax_amount,
    nullif(lower(trim(payment_method)), '')                          AS payment_method,
    nullif(upper(trim(coupon_code)), '')                             AS coupon_code,
    CAST(updated_at AS TIMESTAMP)                                    AS updated_at
  FROM latest
)
SELECT
  order_id,
  customer_id,
  ordered_at,
  status,
  channel,
  shipping_country,
  CASE
    WHEN shipping_country IN ('AT', 'BE', 'DE', 'DK', 'ES', 'FI', 'FR', 'IE', 'IT', 'NL', 'PL', 'PT', 'SE') THEN 'EU'
    WHEN shipping_country IN ('CA', 'MX', 'US') THEN 'NA'
    WHEN shipping_country IN ('AR', 'BR', 'CL', 'CO') THEN 'LATAM'
    WHEN shipping_country IN ('AU', 'IN', 'JP', 'KR', 'NZ', 'SG') THEN 'APAC'
  END AS region,
  net_amount,
  CAST(discount_amount AS DECIMAL(12,2))                                AS discount_amount,
  CAST(shipping_fee AS DECIMAL(12,2))                                   AS shipping_fee,
  tax_amount,
  CAST(net_amount + shipping_fee + tax_amount AS DECIMAL(12,2))         AS gross_amount,
  payment_method,
  coupon_code,
  updated_at
FROM typed
