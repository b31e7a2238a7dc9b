-- Step "payments": typed payments, one row per payment or refund.
SELECT
  trim(payment_id)                                 AS payment_id,
  upper(trim(invoice_number))                      AS invoice_id,
  CAST(paid_at AS TIMESTAMP)                       AS paid_at,
  CAST(amount AS DECIMAL(12,2))                    AS amount,
  lower(trim(method))                              AS method,
  lower(trim(status))                              AS status,
  trim(payer_name)                                 AS payer_name,
  nullif(upper(replace(payer_iban, ' ', '')), '')  AS payer_iban
FROM raw_payments
WHERE payment_id IS NOT NULL
