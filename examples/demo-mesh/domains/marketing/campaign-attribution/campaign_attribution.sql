-- Step "campaign_attribution": each completed order credited to the customer's last click or
-- visit in the attribution window (parameter attribution_window_days, default 30) before it.
WITH candidates AS (
  SELECT
    o.order_id,
    o.customer_id,
    o.order_date,
    o.region,
    o.total_amount,
    e.campaign_id,
    e.channel,
    e.touched_at
  FROM orders AS o
  JOIN eligible_touches AS e
    ON e.customer_id = o.customer_id
   AND CAST(e.touched_at AS DATE) BETWEEN
       o.order_date - coalesce(CAST(getvariable('attribution_window_days') AS INTEGER), 30)
       AND o.order_date
  WHERE o.status NOT IN ('cancelled', 'returned')
  QUALIFY row_number() OVER (PARTITION BY o.order_id ORDER BY e.touched_at DESC, e.campaign_id) = 1
)
SELECT
  order_id,
  customer_id,
  order_date,
  region,
  campaign_id,
  channel,
  touched_at                                                          AS last_touch_at,
  CAST(date_diff('day', CAST(touched_at AS DATE), order_date) AS INTEGER) AS days_to_convert,
  CAST(total_amount AS DECIMAL(12,2))                                 AS attributed_revenue,
  'last_click'                                                        AS attribution_model
FROM candidates
