-- Step "tickets": typed tickets with first-response minutes and resolution hours.
WITH typed AS (
  SELECT
    upper(trim(ticket_id))                    AS ticket_id,
    nullif(trim(customer_id), '')             AS customer_id,
    nullif(trim(order_id), '')                AS order_id,
    CAST(created_at AS TIMESTAMP)             AS opened_at,
    CAST(first_response_at AS TIMESTAMP)      AS first_response_at,
    CAST(resolved_at AS TIMESTAMP)            AS resolved_at,
    lower(trim(channel))                      AS channel,
    lower(trim(category))                     AS category,
    lower(trim(priority))                     AS priority,
    lower(trim(status))                       AS status,
    CAST(csat AS INTEGER)                     AS satisfaction_score,
    trim(subject)                             AS subject,
    upper(trim(country_code))                 AS country_code
  FROM raw_tickets
  WHERE ticket_id IS NOT NULL
)
SELECT
  ticket_id,
  customer_id,
  order_id,
  opened_at,
  first_response_at,
  resolved_at,
  channel,
  category,
  priority,
  status,
  satisfaction_score,
  CAST(date_diff('minute', opened_at, first_response_at) AS INTEGER)          AS first_response_minutes,
  CAST(round(date_diff('minute', opened_at, resolved_at) / 60.0, 2) AS DECIMAL(10,2)) AS resolution_hours,
  subject,
  country_code,
  CASE
    WHEN country_code IN ('AT', 'BE', 'DE', 'DK', 'ES', 'FI', 'FR', 'IE', 'IT', 'NL', 'PL', 'PT', 'SE') THEN 'EU'
    WHEN country_code IN ('CA', 'MX', 'US') THEN 'NA'
    WHEN country_code IN ('AR', 'BR', 'CL', 'CO') THEN 'LATAM'
    WHEN country_code IN ('AU', 'IN', 'JP', 'KR', 'NZ', 'SG') THEN 'APAC'
  END AS region
FROM typed
