-- Step "customer_profile": one typed, cleaned row per customer.
-- The export may hold several versions of a customer: the latest updated_at wins.
-- Contact data is normalised (lower-case email, E.164 phone, compact upper-case IBAN) and the
-- region is derived from the billing country, falling back to the country on the CRM record.
WITH latest AS (
  SELECT *
  FROM raw_customers
  WHERE customer_id IS NOT NULL
  QUALIFY row_number() OVER (PARTITION BY customer_id ORDER BY CAST(updated_at AS TIMESTAMP) DESC) = 1
),
typed AS (
  SELECT
    CAST(c.customer_id AS VARCHAR)                                         AS customer_id,
    trim(c.first_name)                                                     AS first_name,
    trim(c.last_name)                                                      AS last_name,
    lower(trim(c.email))                                                   AS email,
    regexp_replace(c.phone, '[^0-9+]', '', 'g')                            AS phone,
    CAST(c.birth_date AS DATE)                                             AS birth_date,
    a.street                                                               AS street_address,
    a.postal_code                                                          AS postal_code,
    a.city                                                                 AS city,
    coalesce(a.country_code, upper(trim(c.country_code)))                  AS country_code,
    lower(trim(c.segment))                                                 AS segment,
    nullif(upper(replace(c.iban, ' ', '')), '')                            AS iban,
    coalesce(CAST(c.marketing_opt_in AS BOOLEAN), false)                   AS marketing_opt_in,
    CAST(c.signup_date AS DATE)                                            AS signup_date,
    CAST(c.updated_at AS TIMESTAMP)                                        AS updated_at
  FROM latest AS c
  LEFT JOIN current_address AS a ON a.customer_id = CAST(c.customer_id AS VARCHAR)
)
SELECT
  customer_id,
  first_name,
  last_name,
  email,
  phone,
  birth_date,
  street_address,
  postal_code,
  city,
  country_code,
  CASE
    WHEN country_code IN ('AT', 'BE', 'DE', 'DK', 'ES', 'FI', 'FR', 'IE', 'IT', 'NL', 'PL', 'PT', 'SE') THEN 'EU'
    WHEN country_code IN ('CA', 'MX', 'US') THEN 'NA'
    WHEN country_code IN ('AR', 'BR', 'CL', 'CO') THEN 'LATAM'
    WHEN country_code IN ('AU', 'IN', 'JP', 'KR', 'NZ', 'SG') THEN 'APAC'
  END AS region,
  segment,
  iban,
  marketing_opt_in,
  signup_date,
  updated_at
FROM typed
