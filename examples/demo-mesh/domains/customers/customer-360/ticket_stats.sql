-- Step "ticket_stats": support experience per customer — open tickets, recent contact and
-- average satisfaction (tickets without a survey answer do not count towards the average).
SELECT
  t.customer_id,
  count(*) FILTER (WHERE t.status IN ('open', 'pending'))                            AS open_ticket_count,
  count(*) FILTER (WHERE t.opened_at >= a.as_of_date - INTERVAL 90 DAYS)             AS tickets_last_90d,
  avg(t.satisfaction_score)                                                          AS avg_satisfaction
FROM tickets AS t
CROSS JOIN as_of AS a
WHERE t.customer_id IS NOT NULL
GROUP BY t.customer_id
