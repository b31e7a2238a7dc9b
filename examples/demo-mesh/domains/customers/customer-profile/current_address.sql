-- Step "current_address": the current billing address of each customer.
-- The CRM keeps the address history; the most recent valid_from wins (ties: highest address_id).
SELECT
  CAST(customer_id AS VARCHAR)               AS customer_id,
  trim(street)                               AS street,
  upper(trim(postal_code))                   AS postal_code,
  trim(city)                                 AS city,
  upper(trim(country_code))                  AS country_code
FROM raw_addresses
WHERE lower(address_type) = 'billing'
QUALIFY row_number() OVER (
  PARTITION BY customer_id
  ORDER BY CAST(valid_from AS DATE) DESC, address_id DESC
) = 1
