-- Step "churn_risk": a transparent score between 0 and 1 for every customer who has ordered:
--   0.45 * recency        (days since the last order, capped at a year)
-- + 0.20 * single order   (never came back after the first order)
-- + 0.20 * friction       (recent, escalated and unresolved tickets, capped)
-- + 0.15 * dissatisfaction (recent survey scores; neutral when none)
-- A customer who goes 180 days without ordering counts as churned (glossary metric "churn rate");
-- the score flags customers on their way there.
WITH features AS (
  SELECT
    c.customer_id,
    c.full_name,
    c.email,
    c.region,
    c.segment,
    c.order_count,
    c.lifetime_value,
    c.days_since_last_order,
    c.as_of_date,
    coalesce(r.tickets_90d, 0)                                            AS tickets_90d,
    coalesce(r.escalated_90d, 0)                                          AS escalated_90d,
    r.avg_satisfaction_90d,
    least(c.days_since_last_order / 365.0, 1.0)                           AS recency_factor,
    CASE WHEN c.order_count <= 1 THEN 1.0 ELSE 0.0 END                    AS single_order_factor,
    least((coalesce(r.tickets_90d, 0) + 2 * coalesce(r.escalated_90d, 0)
           + coalesce(r.unresolved_90d, 0)) / 6.0, 1.0)                   AS friction_factor,
    CASE
      WHEN r.avg_satisfaction_90d IS NULL THEN 0.5
      ELSE (5 - r.avg_satisfaction_90d) / 4.0
    END                                                                   AS dissatisfaction_factor
  FROM customers AS c
  LEFT JOIN recent_tickets AS r ON r.customer_id = c.customer_id
  WHERE c.order_count > 0
),
scored AS (
  SELECT
    *,
    round(0.45 * recency_factor + 0.20 * single_order_factor
          + 0.20 * friction_factor + 0.15 * dissatisfaction_factor, 4)    AS score
  FROM features
)
SELECT
  customer_id,
  full_name,
  email,
  region,
  segment,
  order_count,
  lifetime_value,
  days_since_last_order,
  CAST(tickets_90d AS INTEGER)                                            AS tickets_last_90d,
  CAST(escalated_90d AS INTEGER)                                          AS escalated_tickets_last_90d,
  CAST(avg_satisfaction_90d AS DECIMAL(3,2))                              AS avg_satisfaction_last_90d,
  CAST(score AS DECIMAL(5,4))                                             AS churn_score,
  CASE WHEN score >= 0.6 THEN 'high' WHEN score >= 0.35 THEN 'medium' ELSE 'low' END AS risk_band,
  CAST(rank() OVER (PARTITION BY region ORDER BY score DESC, lifetime_value DESC) AS INTEGER) AS risk_rank_in_region,
  as_of_date                                                              AS scored_on
FROM scored
