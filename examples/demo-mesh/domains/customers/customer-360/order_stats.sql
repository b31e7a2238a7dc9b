-- Step "order_stats": purchase history per customer, counting completed business only.
SELECT
  customer_id,
  min(ordered_at)   AS first_order_at,
  max(ordered_at)   AS last_order_at,
  count(*)          AS order_count,
  sum(gross_amount) AS lifetime_value
FROM orders
WHERE status NOT IN ('cancelled', 'returned')
GROUP BY customer_id
