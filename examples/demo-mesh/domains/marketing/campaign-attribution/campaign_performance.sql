-- Step "campaign_performance": engagement, attributed orders and revenue per campaign, with
-- cost per order, return on ad spend and the campaign's revenue rank within its channel.
WITH attributed AS (
  SELECT campaign_id, count(*) AS orders, sum(attributed_revenue) AS revenue
  FROM campaign_attribution
  GROUP BY campaign_id
),
engagement AS (
  SELECT
    campaign_id,
    count(*) FILTER (WHERE touch_type = 'impression') AS impressions,
    count(*) FILTER (WHERE touch_type = 'click')      AS clicks
  FROM touches
  GROUP BY campaign_id
)
SELECT
  c.campaign_id,
  c.campaign_name,
  c.channel,
  c.objective,
  c.start_date,
  c.end_date,
  c.target_region,
  c.budget_amount,
  CAST(coalesce(e.impressions, 0) AS INTEGER)                           AS impressions,
  CAST(coalesce(e.clicks, 0) AS INTEGER)                                AS clicks,
  CAST(coalesce(a.orders, 0) AS INTEGER)                                AS attributed_orders,
  CAST(coalesce(a.revenue, 0) AS DECIMAL(14,2))                         AS attributed_revenue,
  CAST(c.budget_amount / nullif(a.orders, 0) AS DECIMAL(12,2))          AS cost_per_order,
  round(coalesce(a.revenue, 0) / nullif(c.budget_amount, 0), 2)         AS return_on_ad_spend,
  CAST(rank() OVER (PARTITION BY c.channel ORDER BY coalesce(a.revenue, 0) DESC) AS INTEGER) AS revenue_rank_in_channel
FROM campaigns AS c
LEFT JOIN attributed AS a ON a.campaign_id = c.campaign_id
LEFT JOIN engagement AS e ON e.campaign_id = c.campaign_id
