-- Step "revenue_by_segment": monthly revenue, collections and receivables per region and
-- customer segment (segment from customers.customer-360; unknown when the customer is missing).
SELECT
  ic.revenue_month,
  ic.region,
  coalesce(c.segment, 'unknown')                                               AS segment,
  CAST(count(DISTINCT ic.customer_id) AS INTEGER)                              AS customer_count,
  CAST(count(*) AS INTEGER)                                                    AS invoice_count,
  CAST(sum(ic.net_amount) AS DECIMAL(14,2))                                    AS net_revenue,
  CAST(sum(ic.gross_amount) AS DECIMAL(14,2))                                  AS invoiced_amount,
  CAST(sum(ic.collected_amount) AS DECIMAL(14,2))                              AS collected_amount,
  CAST(sum(ic.gross_amount - ic.collected_amount) AS DECIMAL(14,2))            AS outstanding_amount,
  CAST(sum(ic.net_amount) / count(DISTINCT ic.customer_id) AS DECIMAL(12,2))   AS net_revenue_per_customer
FROM invoice_collections AS ic
LEFT JOIN customers AS c ON c.customer_id = ic.customer_id
GROUP BY ic.revenue_month, ic.region, coalesce(c.segment, 'unknown')
