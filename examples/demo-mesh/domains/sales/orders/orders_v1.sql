-- Step "orders_v1": the deprecated v1 shape of port orders, derived from orders_v2 so that both
-- versions always agree. v1 is served beside v2 until 2027-03-31. Breaking changes in v2:
--   order_date   DATE  -> ordered_at       TIMESTAMP (UTC)
--   country_code       -> shipping_country
--   total_amount       -> gross_amount     (now split into net, discount, shipping and tax)
SELECT
  order_id,
  customer_id,
  CAST(ordered_at AS DATE) AS order_date,
  status,
  channel,
  shipping_country         AS country_code,
  region,
  gross_amount             AS total_amount,
  payment_method
FROM orders_v2
