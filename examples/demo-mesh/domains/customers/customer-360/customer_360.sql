-- Step "customer_360": one row per customer, joining the profile with purchase and support history.
SELECT
  c.customer_id,
  c.first_name || ' ' || c.last_name                                                  AS full_name,
  c.email,
  c.country_code,
  c.region,
  c.segment,
  c.signup_date,
  o.first_order_at,
  o.last_order_at,
  CAST(coalesce(o.order_count, 0) AS INTEGER)                                         AS order_count,
  CAST(coalesce(o.lifetime_value, 0) AS DECIMAL(14,2))                                AS lifetime_value,
  CAST(o.lifetime_value / o.order_count AS DECIMAL(12,2))                             AS average_order_value,
  CAST(date_diff('day', CAST(o.last_order_at AS DATE), a.as_of_date) AS INTEGER)      AS days_since_last_order,
  CAST(coalesce(t.open_ticket_count, 0) AS INTEGER)                                   AS open_ticket_count,
  CAST(coalesce(t.tickets_last_90d, 0) AS INTEGER)                                    AS tickets_last_90d,
  CAST(t.avg_satisfaction AS DECIMAL(3,2))                                            AS avg_satisfaction,
  CAST(greatest(date_diff('day', c.signup_date, a.as_of_date), 0) AS INTEGER)         AS tenure_days,
  coalesce(date_diff('day', CAST(o.last_order_at AS DATE), a.as_of_date) <= 180, false) AS is_active_customer,
  a.as_of_date
FROM customers AS c
CROSS JOIN as_of AS a
LEFT JOIN order_stats AS o ON o.customer_id = c.customer_id
LEFT JOIN ticket_stats AS t ON t.customer_id = c.customer_id
