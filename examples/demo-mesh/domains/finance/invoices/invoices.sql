-- Step "invoices": typed invoices, one row per invoice number.
WITH typed AS (
  SELECT
    upper(trim(invoice_number))           AS invoice_id,
    trim(order_id)                        AS order_id,
    trim(customer_id)                     AS customer_id,
    CAST(issue_date AS DATE)              AS issued_on,
    CAST(due_date AS DATE)                AS due_on,
    CAST(net AS DECIMAL(12,2))            AS net_amount,
    CAST(tax AS DECIMAL(12,2))            AS tax_amount,
    CAST(total AS DECIMAL(12,2))          AS gross_amount,
    lower(trim(status))                   AS status,
    lower(trim(billing_email))            AS billing_email,
    upper(trim(billing_country))          AS billing_country
  FROM raw_invoices
  WHERE invoice_number IS NOT NULL
)
SELECT
  invoice_id,
  order_id,
  customer_id,
  issued_on,
  due_on,
  net_amount,
  tax_amount,
  gross_amount,
  status,
  billing_email,
  billing_country,
  CASE
    WHEN billing_country IN ('AT', 'BE', 'DE', 'DK', 'ES', 'FI', 'FR', 'IE', 'IT', 'NL', 'PL', 'PT', 'SE') THEN 'EU'
    WHEN billing_country IN ('CA', 'MX', 'US') THEN 'NA'
    WHEN billing_country IN ('AR', 'BR', 'CL', 'CO') THEN 'LATAM'
    WHEN billing_country IN ('AU', 'IN', 'JP', 'KR', 'NZ', 'SG') THEN 'APAC'
  END AS region
FROM typed
