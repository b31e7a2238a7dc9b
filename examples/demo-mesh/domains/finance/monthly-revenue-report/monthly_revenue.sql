-- Step "monthly_revenue": revenue per month and region, with month-over-month growth and
-- year-to-date totals (window functions over each region's months).
WITH by_region AS (
  SELECT
    revenue_month,
    region,
    sum(customer_count)     AS customer_count,
    sum(net_revenue)        AS net_revenue,
    sum(invoiced_amount)    AS invoiced_amount,
    sum(collected_amount)   AS collected_amount,
    sum(outstanding_amount) AS outstanding_amount
  FROM revenue
  GROUP BY revenue_month, region
)
SELECT
  revenue_month,
  region,
  CAST(customer_count AS INTEGER)                                                     AS customer_count,
  CAST(net_revenue AS DECIMAL(14,2))                                                  AS net_revenue,
  CAST(invoiced_amount AS DECIMAL(14,2))                                              AS invoiced_amount,
  CAST(collected_amount AS DECIMAL(14,2))                                             AS collected_amount,
  CAST(outstanding_amount AS DECIMAL(14,2))                                           AS outstanding_amount,
  round(collected_amount / nullif(invoiced_amount, 0), 4)                             AS collection_rate,
  round(100 * (net_revenue - lag(net_revenue) OVER w) / nullif(lag(net_revenue) OVER w, 0), 2) AS mom_growth_pct,
  CAST(sum(net_revenue) OVER (
    PARTITION BY region, year(revenue_month)
    ORDER BY revenue_month
    ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
  ) AS DECIMAL(14,2))                                                                 AS ytd_net_revenue
FROM by_region
WINDOW w AS (PARTITION BY region ORDER BY revenue_month)
