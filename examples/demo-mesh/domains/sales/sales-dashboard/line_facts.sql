-- Step "line_facts": every line of a completed order with its day, region, channel and category.
SELECT
  CAST(o.ordered_at AS DATE)        AS sales_date,
  o.region,
  o.channel,
  coalesce(p.category, 'unknown')   AS category,
  l.order_id,
  l.quantity,
  l.line_amount
FROM order_lines AS l
JOIN orders AS o ON o.order_id = l.order_id
LEFT JOIN products AS p ON p.product_id = l.product_id
WHERE o.status NOT IN ('cancelled', 'returned')
