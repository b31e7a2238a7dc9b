-- Step "invoice_collections": every invoice that is not void, with the cash collected on it
-- (settled payments minus refunds).
WITH collected AS (
  SELECT
    invoice_id,
    coalesce(sum(amount) FILTER (WHERE status = 'settled'), 0)
      - coalesce(sum(amount) FILTER (WHERE status = 'refunded'), 0) AS collected_amount
  FROM payments
  GROUP BY invoice_id
)
SELECT
  i.invoice_id,
  i.customer_id,
  i.region,
  CAST(date_trunc('month', i.issued_on) AS DATE) AS revenue_month,
  i.net_amount,
  i.gross_amount,
  coalesce(p.collected_amount, 0)               AS collected_amount
FROM invoices AS i
LEFT JOIN collected AS p ON p.invoice_id = i.invoice_id
WHERE i.status <> 'void'
