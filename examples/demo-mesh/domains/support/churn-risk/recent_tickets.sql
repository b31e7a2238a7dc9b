-- Step "recent_tickets": each customer's support experience in the 90 days before the snapshot
-- day of customer-360 (so the score does not depend on the wall clock).
WITH as_of AS (
  SELECT max(as_of_date) AS as_of_date FROM customers
)
SELECT
  t.customer_id,
  count(*)                                                   AS tickets_90d,
  count(*) FILTER (WHERE t.priority IN ('high', 'urgent'))   AS escalated_90d,
  count(*) FILTER (WHERE t.resolved_at IS NULL)              AS unresolved_90d,
  avg(t.satisfaction_score)                                  AS avg_satisfaction_90d
FROM tickets AS t
CROSS JOIN as_of AS a
WHERE t.customer_id IS NOT NULL
  AND t.opened_at >= a.as_of_date - INTERVAL 90 DAYS
GROUP BY t.customer_id
