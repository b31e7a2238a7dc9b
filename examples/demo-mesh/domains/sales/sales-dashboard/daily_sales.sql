-- Step "daily_sales": daily totals per region, channel and category, with a rolling 7-day
-- revenue and each slice's share of its region's revenue that day.
WITH daily AS (
  SELECT
    sales_date,
    region,
    channel,
    category,
    count(DISTINCT order_id) AS order_count,
    sum(quantity)            AS units_sold,
    sum(line_amount)         AS revenue
  FROM line_facts
  GROUP BY sales_date, region, channel, category
)
SELECT
  sales_date,
  region,
  channel,
  category,
  CAST(order_count AS INTEGER)                                           AS order_count,
  CAST(units_sold AS INTEGER)                                            AS units_sold,
  CAST(revenue AS DECIMAL(14,2))                                         AS revenue,
  CAST(revenue / order_count AS DECIMAL(12,2))                           AS revenue_per_order,
  CAST(sum(revenue) OVER (
    PARTITION BY region, channel, category
    ORDER BY sales_date
    RANGE BETWEEN INTERVAL 6 DAYS PRECEDING AND CURRENT ROW
  ) AS DECIMAL(14,2))                                                    AS revenue_7d,
  round(revenue / nullif(sum(revenue) OVER (PARTITION BY sales_date, region), 0), 4) AS share_of_region_day
FROM daily
