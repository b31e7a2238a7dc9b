-- Step "eligible_touches": the touches that can earn an order under last-click attribution
-- (clicks and site visits; impressions and opens do not count), with the campaign's channel.
SELECT
  t.touch_id,
  t.customer_id,
  t.campaign_id,
  t.touched_at,
  c.channel
FROM touches AS t
JOIN campaigns AS c ON c.campaign_id = t.campaign_id
WHERE t.touch_type IN ('click', 'visit')
